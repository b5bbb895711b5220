"""CSV in and out for `sergur quota` and `sergur rank`: streaming reads, safe cells, one writer.

Input is UTF-8 (a byte-order mark is accepted, as spreadsheets write one); a file that cannot
be opened raises InputUnreadable (exit 2), while bad content is reported row by row (exit 1).
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO

from sergur.cli.inputs import InputUnreadable
from sergur.rules.messages import Lang
from sergur.tabular.readers import MAX_LINE_BYTES

LABELS: dict[str, dict[Lang, str]] = {
    "line": {"id": "baris {line}", "en": "line {line}"},
    "column": {"id": "kolom {column}", "en": "column {column}"},
    "not_utf8": {
        "id": "berkas bukan teks UTF-8; simpan ulang sebagai CSV UTF-8",
        "en": "the file is not UTF-8 text; save it again as CSV UTF-8",
    },
    "bad_csv": {"id": "CSV rusak: {error}", "en": "broken CSV: {error}"},
    "too_long": {
        "id": "baris lebih panjang dari {limit} bita; pembacaan dihentikan",
        "en": "the line is longer than {limit} bytes; reading stopped",
    },
}


def label(key: str, lang: Lang, **values: object) -> str:
    """A sentence of the CSV commands in `lang`."""
    return LABELS[key][lang].format(**values)


def open_input(target: str) -> IO[bytes]:
    """The bytes of `target` (a path, or - for standard input); InputUnreadable if it fails."""
    if target == "-":
        return sys.stdin.buffer
    if not target:
        raise InputUnreadable("the path is empty")
    path = Path(target)
    if path.is_dir():
        raise InputUnreadable(f"{target}: is a folder, not a CSV file")
    try:
        return path.open("rb")
    except OSError as exc:
        raise InputUnreadable(f"{target}: {exc.strerror or exc}") from exc


class CsvBroken(Exception):
    """The CSV cannot be read past `line` (not UTF-8, a runaway quote, a huge cell)."""

    def __init__(self, line: int, key: str, **values: object) -> None:
        super().__init__(key)
        self.line = line
        self.key = key
        self.values = values


def _decoded(stream: IO[bytes], where: list[int]) -> Iterator[str]:
    """Physical lines as text, numbered in `where[0]`; CsvBroken naming the line if not UTF-8."""
    number = 0
    while raw := stream.readline(MAX_LINE_BYTES + 1):
        number += 1
        where[0] = number
        if len(raw) > MAX_LINE_BYTES:
            raise CsvBroken(number, "too_long", limit=MAX_LINE_BYTES)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise CsvBroken(number, "not_utf8") from exc
        yield text.removeprefix("\ufeff") if number == 1 else text


def read_rows(stream: IO[bytes]) -> Iterator[tuple[int, list[str]]]:
    """Yield (line number, cells) of every non-blank record, lazily; CsvBroken when unreadable."""
    where = [0]
    reader = csv.reader(_decoded(stream, where), strict=True)
    start = 1  # a quoted cell may span lines: a record is numbered by its first line
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise CsvBroken(where[0], "bad_csv", error=str(exc)) from exc
        if any(cell.strip() for cell in cells):
            yield start, cells
        start = where[0] + 1


class OutputUnwritable(Exception):
    """The --output file cannot be written: exit 2."""


class _Utf8:
    """A text sink over a byte stream (csv.writer writes str; stdout and files take bytes)."""

    def __init__(self, out: IO[bytes]) -> None:
        self.out = out

    def write(self, text: str) -> int:
        return self.out.write(text.encode("utf-8"))


def write_csv(out: IO[bytes], header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """Write the header and rows as UTF-8 CSV with Unix line ends."""
    writer = csv.writer(_Utf8(out), lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)


def emit(
    target: str | None, out: IO[bytes], header: Sequence[str], rows: Iterable[Sequence[object]]
) -> None:
    """Write the CSV to the file `target` (--output) or, when None, to `out` (stdout)."""
    if target is None:
        write_csv(out, header, rows)
        return
    try:
        with Path(target).open("wb") as file:
            write_csv(file, header, rows)
    except OSError as exc:
        raise OutputUnwritable(f"{target}: {exc.strerror or exc}") from exc
