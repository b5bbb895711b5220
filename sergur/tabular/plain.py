"""The fast path's reader: a plain CSV of teacher master data in batches of polars columns,
bounded in memory, for the column check (`sergur.rules.selection.columns.check_batch`).

Only a *plain* CSV takes this path: UTF-8, one record a line (no line break inside a quoted
cell), no empty lines, every line exactly as many cells as the header, quotes only around
whole cells, no line over 64 KiB, a usable header. Anything else raises `NotPlain` and the
caller reads the file with the row reader (`sergur.tabular.readers.read_csv`), which names
the line of any encoding or syntax error. Because a plain file has one record a line, the
line of a row is its position + 2 (the header is line 1).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from typing import IO

import polars as pl

from sergur.rules.selection.columns import Batch
from sergur.rules.selection.layout import COLUMNS, check_header, normalise_header
from sergur.tabular.readers import MAX_LINE_BYTES

BLOCK_BYTES = 4 << 20  # bytes read per batch (about 25,000 rows of the national layout)
_FIELD = r'(?:"(?:[^"\r\n]|"")*"|[^",\r\n]*)'  # a quoted cell without line breaks, or a bare one


class NotPlain(Exception):
    """The file is not a plain CSV: read it with the row reader instead."""


def read_plain_csv(stream: IO[bytes], block_bytes: int = BLOCK_BYTES) -> Iterator[Batch]:
    """The batches of a plain CSV, bounded in memory; `NotPlain` as soon as it is not one.

    The header is checked first: a missing or repeated column also raises `NotPlain` (the row
    path reports it; such a file cannot be imported)."""
    first = stream.readline(MAX_LINE_BYTES + 1)
    if not first.endswith(b"\n") or len(first) > MAX_LINE_BYTES:
        raise NotPlain
    try:
        header_text = first.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise NotPlain from None
    try:
        header = next(csv.reader([header_text], strict=True), [])
    except csv.Error:
        raise NotPlain from None
    warnings = tuple(check_header(header))
    if any(not problem.warning for problem in warnings):
        raise NotPlain
    names = [normalise_header(name) for name in header]
    width = len(names)
    # Columns the layout does not know keep a private name (they may be empty or repeated).
    columns = [name if name in COLUMNS else f"#{index}" for index, name in enumerate(names)]
    line_pattern = re.compile(rf"^{_FIELD}(?:,{_FIELD}){{{width - 1}}}\r?$").pattern
    line = 2
    rest = b""
    while True:
        block = stream.read(block_bytes)
        data = rest + block
        if not data:
            if line == 2:  # no rows: the row path reports it
                raise NotPlain
            return
        if block:
            cut = data.rfind(b"\n") + 1
            if cut == 0:
                if len(data) > MAX_LINE_BYTES:
                    raise NotPlain
                rest = data
                continue
            data, rest = data[:cut], data[cut:]
        else:
            rest = b""
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise NotPlain from None
        if text.startswith("\ufeff"):  # polars would drop it from the batch's first cell
            raise NotPlain
        lines = text.split("\n")
        if lines[-1] == "":
            lines.pop()
        series = pl.Series(lines, dtype=pl.String)
        plain = (series.str.len_bytes() < MAX_LINE_BYTES).all() and series.str.contains(
            line_pattern
        ).all()
        if not plain:
            raise NotPlain
        frame = pl.read_csv(
            data,
            has_header=False,
            new_columns=columns,
            schema={name: pl.String for name in columns},
            quote_char='"',
            raise_if_empty=False,
        )
        if frame.height != len(lines):  # pragma: no cover - the line check makes them agree
            raise NotPlain
        frame = frame.select(
            [
                pl.col(name).fill_null("") if name in frame.columns else pl.lit("").alias(name)
                for name in COLUMNS
            ]
        )
        yield Batch(frame, line, warnings)
        line += len(lines)
        if not block:
            return
