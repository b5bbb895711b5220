"""Reading teacher master data files row by row: a UTF-8 CSV or the first sheet of an XLSX
workbook, as (line, {column: cell}) for the row parser (`sergur.rules.selection.layout`).
Both stream: neither reads a whole file into memory. A file that cannot be read further
raises `ReadError`, which names the line (Buku 1 data exchange, docs/sources/domain.md §8)."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any
from xml.etree.ElementTree import ParseError  # nosec B405 # the exception only; openpyxl parses with defusedxml

from sergur.rules.messages import Message, msg
from sergur.rules.selection.layout import EXTRA, MAX_CELL, normalise_header

MAX_LINE_BYTES = 64 * 1024  # a physical CSV line longer than this stops the read
# What openpyxl raises on a damaged workbook (a zip without the parts, broken XML).
_XLSX_ERRORS = (
    zipfile.BadZipFile,
    KeyError,
    OSError,
    ValueError,
    ParseError,
    TypeError,
    AttributeError,
    IndexError,
)


class ReadError(Exception):
    """The file cannot be read further (encoding, CSV syntax, not an XLSX); names the line."""

    def __init__(self, line: int, message: Message) -> None:
        super().__init__(message.text("en"))
        self.line = line
        self.message = message


def _encoding_guess(raw: bytes) -> str:
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "UTF-16"
    return "Latin-1/Windows-1252"


def _lines(stream: IO[bytes]) -> Iterator[str]:
    number = 0
    while True:
        raw = stream.readline(MAX_LINE_BYTES + 1)
        if not raw:
            return
        number += 1
        if len(raw) > MAX_LINE_BYTES:
            raise ReadError(number, msg("import.line_too_long", line=number, limit=MAX_LINE_BYTES))
        try:
            text = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError:
            guess = _encoding_guess(raw) if number == 1 else "Latin-1/Windows-1252"
            raise ReadError(number, msg("import.encoding", line=number, guess=guess)) from None
        yield text


def read_csv(source: str | Path | IO[bytes]) -> Iterator[tuple[int, dict[str, str]]]:
    """The rows of a UTF-8 CSV (a BOM is allowed) as (first line number, {column: cell}),
    one at a time; the header is line 1 (Buku 1 data exchange, docs/sources/domain.md §8)."""
    if isinstance(source, str | Path):
        with open(source, "rb") as stream:
            yield from read_csv(stream)
        return
    lines = _lines(source)
    reader = csv.reader(lines, strict=True)
    last = 0
    try:
        header = next(reader, None)
        if header is None:
            raise ReadError(1, msg("import.empty_file"))
        names = [normalise_header(name) for name in header]
        width = len(names)
        last = reader.line_num
        for cells in reader:
            start, last = last + 1, reader.line_num
            if not cells or cells == [""]:
                continue
            row = dict(zip(names, cells, strict=False))
            if len(cells) > width:
                row[EXTRA] = ",".join(cells[width:])[:MAX_CELL]
            yield start, row
    except csv.Error as exc:
        line = reader.line_num or 1
        raise ReadError(line, msg("import.csv_syntax", line=line, detail=str(exc))) from None


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "Y" if value else "T"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_xlsx(path: str | Path | IO[bytes]) -> Iterator[tuple[int, dict[str, str]]]:
    """The rows of the first sheet of an XLSX workbook as (row number, {column: cell}),
    streamed (openpyxl read-only); formulas are read as their text, never evaluated. Every
    row is read, whatever the sheet's `<dimension>` tag claims (Buku 1 data exchange,
    docs/sources/domain.md §8)."""
    from openpyxl import load_workbook  # type: ignore[import-untyped]

    try:
        book = load_workbook(path, read_only=True, data_only=False)
    except _XLSX_ERRORS as exc:
        raise ReadError(0, msg("import.xlsx_invalid", detail=type(exc).__name__)) from None
    try:
        yield from _xlsx_rows(book)
    except _XLSX_ERRORS as exc:
        raise ReadError(0, msg("import.xlsx_invalid", detail=type(exc).__name__)) from None
    finally:
        book.close()


def _xlsx_rows(book: Any) -> Iterator[tuple[int, dict[str, str]]]:
    sheet = book.worksheets[0] if book.worksheets else None
    if sheet is None:
        raise ReadError(1, msg("import.empty_file"))
    # Read-only mode stops at the rows the `<dimension>` tag names, and some writers set it
    # too small: forget it, so that every row of the sheet is read (issue 10, item 5).
    sheet.reset_dimensions()
    rows = sheet.iter_rows(values_only=True)
    header = next(rows, None)
    if header is None:
        raise ReadError(1, msg("import.empty_file"))
    names = [normalise_header(_cell_text(value)) for value in header]
    while names and not names[-1]:  # a header may end in empty (styled) cells
        names.pop()
    width = len(names)
    for number, values in enumerate(rows, start=2):
        cells = [_cell_text(value) for value in values]
        if not any(cells):
            continue
        row = dict(zip(names, cells, strict=False))
        if any(cells[width:]):
            row[EXTRA] = ",".join(cells[width:])[:MAX_CELL]
        yield number, row
