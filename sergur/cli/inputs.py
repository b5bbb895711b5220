"""Reading portfolios from a file, a JSON Lines file, a folder or standard input, lazily."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO


class InputUnreadable(Exception):
    """The input cannot be read at all (missing, unreadable, an empty folder): exit 2."""


@dataclass(frozen=True, slots=True)
class Document:
    """One portfolio's raw bytes and where it came from (`line` is 1-based)."""

    line: int
    data: bytes
    source: str


def _is_json_lines(data: bytes) -> bool:
    """Standard input is JSON Lines when it is not one JSON document but a line of it is."""
    lines = [line for line in data.splitlines() if line.strip()]
    if len(lines) < 2:
        return False
    try:
        json.loads(data)
    except ValueError:
        return any(_is_object(line) for line in lines)
    return False


def _is_object(line: bytes) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


def _lines(stream: Iterator[bytes], source: str) -> Iterator[Document]:
    empty = True
    for number, raw in enumerate(stream, start=1):
        if raw.strip():
            empty = False
            yield Document(number, raw, source)
    if empty:
        yield Document(1, b"", source)


def read_documents(target: str) -> Iterator[Document]:
    """Yield the portfolios of `target`; raise InputUnreadable before the first if unreadable."""
    if target == "-":
        data = sys.stdin.buffer.read()
        if _is_json_lines(data):
            return _lines(iter(data.splitlines()), "<stdin>")
        return iter([Document(1, data, "<stdin>")])
    if not target:
        raise InputUnreadable("the path is empty")
    path = Path(target)
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix == ".json" and p.is_file())
        if not files:
            raise InputUnreadable(f"{target}: the folder holds no .json files")
        return _folder(files)
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InputUnreadable(f"{target}: {exc.strerror or exc}") from exc
    if path.suffix == ".jsonl":
        return _file_lines(handle, str(path))
    with handle:
        try:
            data = handle.read()
        except OSError as exc:
            raise InputUnreadable(f"{target}: {exc.strerror or exc}") from exc
    return iter([Document(1, data, str(path))])


def _file_lines(handle: BinaryIO, source: str) -> Iterator[Document]:
    with handle:
        yield from _lines(iter(handle), source)


def _folder(files: list[Path]) -> Iterator[Document]:
    for number, file in enumerate(files, start=1):
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise InputUnreadable(f"{file}: {exc.strerror or exc}") from exc
        yield Document(number, data, str(file))
