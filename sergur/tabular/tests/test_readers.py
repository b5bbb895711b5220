"""The file readers: CSV and XLSX rows with their line numbers, and every unreadable file
named with its line and reason."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sergur.rules.selection.layout import EXTRA, ParsedRow, RowChecker, parse_row
from sergur.rules.tests.selection.test_layout import GOOD, SCHOOLS, SUBJECTS
from sergur.tabular import readers
from sergur.tabular.readers import MAX_LINE_BYTES, ReadError, read_csv, read_xlsx


def csv_bytes(rows: list[dict[str, str]], header: list[str] | None = None) -> bytes:
    names = header or list(GOOD)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(names)
    for row in rows:
        writer.writerow([row.get(name, "") for name in names])
    return out.getvalue().encode()


def test_csv_rows_come_with_their_first_line_number() -> None:
    data = codecs.BOM_UTF8 + csv_bytes([GOOD, {**GOOD, "NAMA": "Sri\nLestari"}, GOOD])
    data += b"\n" + b",".join([b"x"] * (len(GOOD) + 2)) + b"\n"
    rows = list(read_csv(io.BytesIO(data)))
    assert [line for line, _row in rows] == [2, 3, 5, 7]
    assert rows[0][1]["NUPTK"] == GOOD["NUPTK"]
    assert rows[3][1][EXTRA] == "x,x"


def test_csv_from_a_path(tmp_path: Path) -> None:
    path = tmp_path / "guru.csv"
    path.write_bytes(csv_bytes([GOOD]))
    assert [line for line, _ in read_csv(path)] == [2]


@pytest.mark.parametrize(
    ("data", "line", "fragment"),
    [
        (b"", 1, "empty"),
        ("NUPTK,NAMA\n1,Sri\n2,Jos\xe9\n".encode("latin-1"), 3, "Latin-1"),
        ("NUPTK\n".encode("utf-16"), 1, "UTF-16"),
        (b'NUPTK,NAMA\n1,"Sri\n', 2, "CSV"),
        (b"NUPTK\n" + b"x" * (MAX_LINE_BYTES + 5) + b"\n", 2, "longer"),
    ],
)
def test_unreadable_csv_says_why_and_where(data: bytes, line: int, fragment: str) -> None:
    with pytest.raises(ReadError) as caught:
        list(read_csv(io.BytesIO(data)))
    assert caught.value.line == line
    assert fragment in caught.value.message.text("en")


def xlsx(tmp_path: Path, rows: list[list[object]]) -> Path:
    from openpyxl import Workbook  # type: ignore[import-untyped]

    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    path = tmp_path / "guru.xlsx"
    book.save(path)
    return path


def test_xlsx_rows_are_streamed_with_dates_and_numbers_as_text(tmp_path: Path) -> None:
    header: list[object] = list(GOOD)
    values: list[object] = list(GOOD.values())
    values[header.index("TANGGAL_LAHIR")] = dt.datetime(1965, 1, 1)  # noqa: DTZ001
    values[header.index("TMT_GURU")] = dt.date(1990, 3, 1)
    values[header.index("JAM_MENGAJAR")] = 24.0
    values[header.index("PRESTASI")] = 2
    values[header.index("TEMPAT_LAHIR")] = None
    path = xlsx(tmp_path, [header, values, [None] * len(header), [*values, "extra", True]])
    rows = list(read_xlsx(path))
    assert [line for line, _ in rows] == [2, 4]
    first = rows[0][1]
    assert (first["TANGGAL_LAHIR"], first["TMT_GURU"], first["JAM_MENGAJAR"]) == (
        "1965-01-01",
        "1990-03-01",
        "24",
    )
    assert isinstance(parse_row(2, first, SUBJECTS, SCHOOLS), ParsedRow)
    assert rows[1][1][EXTRA] == "extra,Y"


def test_xlsx_formulas_are_read_as_text(tmp_path: Path) -> None:
    path = xlsx(tmp_path, [["NAMA"], ["=1+1"]])
    assert list(read_xlsx(path)) == [(2, {"NAMA": "=1+1"})]


def test_every_row_is_read_when_the_dimension_tag_says_fewer(tmp_path: Path) -> None:
    import zipfile

    cells: list[list[object]] = [["NAMA", "NUPTK"]]
    cells += [[f"Guru {n}", str(n)] for n in range(1, 6)]
    good = xlsx(tmp_path, cells)
    lying = tmp_path / "lying.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(lying, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename.startswith("xl/worksheets/"):
                # The writer spaces the empty tag one way or another (with or without lxml).
                data, found = re.subn(
                    rb'<dimension ref="A1:B6"\s*/>', b'<dimension ref="A1:B3"/>', data
                )
                assert found == 1
            target.writestr(item, data)
    rows = list(read_xlsx(lying))
    assert [line for line, _ in rows] == [2, 3, 4, 5, 6]
    assert rows[-1][1] == {"NAMA": "Guru 5", "NUPTK": "5"}


def test_an_empty_workbook_or_a_non_workbook_says_so(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="empty"):
        list(read_xlsx(xlsx(tmp_path, [])))
    with pytest.raises(ReadError, match="not a readable XLSX"):
        list(read_xlsx(io.BytesIO(b"PK\x03\x04 not really a zip")))


def test_a_workbook_broken_inside_says_so(tmp_path: Path) -> None:
    import zipfile

    good = xlsx(tmp_path, [["NAMA"], ["Sri"]])
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename.startswith("xl/worksheets/"):
                data = data[: len(data) // 2]
            target.writestr(item, data)
    with pytest.raises(ReadError, match="not a readable XLSX"):
        list(read_xlsx(broken))


def test_a_workbook_without_sheets_is_empty() -> None:
    class Book:
        worksheets: list[object] = []

        def close(self) -> None:
            pass

    with pytest.raises(ReadError, match="empty"):
        list(readers._xlsx_rows(Book()))


@settings(max_examples=200)
@given(st.binary(max_size=400))
def test_random_bytes_are_rows_or_a_read_error(data: bytes) -> None:
    checker = RowChecker(SUBJECTS, SCHOOLS)
    try:
        for line, row in read_csv(io.BytesIO(b"NUPTK,NAMA\n" + data)):
            result = checker.check(line, row)
            assert isinstance(result, list)  # these rows lack required columns
    except ReadError as error:
        assert error.message.text("en")


@settings(max_examples=100)
@given(st.text(max_size=200))
def test_text_in_a_wrong_encoding_is_named(text: str) -> None:
    data = ("NUPTK\n" + text + "\u00e9\n").encode("cp1252", errors="replace")
    try:
        list(read_csv(io.BytesIO(data)))
    except ReadError as error:
        assert "UTF-8" in error.message.text("en") or "CSV" in error.message.text("en")


def test_a_latin1_header_is_named() -> None:
    with pytest.raises(ReadError, match="Latin-1"):
        list(read_csv(io.BytesIO("NAMA_GURU_\xe9\n".encode("latin-1"))))


def test_cell_values_become_text() -> None:
    assert readers._cell_text(dt.date(1990, 3, 1)) == "1990-03-01"
    assert readers._cell_text(24.0) == "24"
    assert readers._cell_text(2.5) == "2.5"
    assert readers._cell_text(False) == "T"
