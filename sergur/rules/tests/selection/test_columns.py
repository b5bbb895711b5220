"""The column check of plain CSV files (the import's fast path) against the row parser: every
row the parser refuses is flagged, and every row not flagged is exactly what the parser
reads (random rows, many of them bad)."""

from __future__ import annotations

import csv
import datetime as dt
import io

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sergur.rules.selection.columns import check_batch, name_differs
from sergur.rules.selection.layout import (
    DMY,
    ISO,
    DateFormat,
    ParsedRow,
    canonical_name,
    parse_row,
)
from sergur.tabular.plain import NotPlain, read_plain_csv
from sergur.tabular.readers import read_csv

from .test_layout import GOOD, SCHOOLS, SUBJECTS

FIELDS = tuple(name for name in ParsedRow.__slots__ if name != "warnings")

# Cells that are wrong, almost right, or right in a way the columns must not get wrong.
ODD = [
    "",
    " ",
    "\t",
    "x",
    "é",
    "ſ",
    "ı",
    "\x1f",
    "\x1c",
    "\x85",
    "\xa0",
    " \xa0 ",
    "\u2028",
    "a\x00b",
    "=cmd|' /C calc'!A0",
    "+1",
    "@SUM(A1)",
    "x" * 1001,
    "y" * 151,
    '"',
    'a""b',
    "a,b",
    "0000-01-01",
    "1965-02-30",
    "1965-1-01",
    "19650101",
    "01/01/1965",
    "31/12/1965",
    "1965-01-01 ",
    " 1965-01-01",
    "9999123412341234",
    "9000123412341234",
    "98981234123412345",
    "123456789012345",
    "١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦",
    "196501011990031001",
    "196502011990031001",
    "20400009",
    "20400002",
    "20400001 ",
    "2040000l",
    "s1",
    "S 1",
    "pns",
    "GTY",
    "NON PNS",
    "non-pns",
    "l",
    "p",
    "ya",
    "Y",
    "tidak",
    "III/c",
    "iii/c",
    "IV/f",
    "V/a",
    "0",
    "00060",
    "60",
    "61",
    "600",
    "601",
    "-1",
    "+5",
    "4",
    "5",
    "180",
    "156",
    "999",
    "18",
    "Dr. Sri Lestari",
    "Hj.  Sri Lestari",
    "sri lestari, m.pd",
    "SRI-LESTARI",
    "Sri Léstari",
    "H.Sri Lestari",
    "Prof Dr Sri Lestari",
    "Sri\u200bLestari",
    "\u202eirtseL irS",
    "\ufeff1234567890123456",
    "IJAZAH",
    "mengajar",
    "MENGAJAR ",
    "ijazah\xa0",
    "20400009:6",
    " 20400009:6 ",
    "20400009:6;20400009:2",
    "20400001:4",
    "20400009:0",
    "20400009:41",
    "20400002:5",
    "20400009:6;",
]
ROWS = st.lists(
    st.dictionaries(st.sampled_from(list(GOOD)), st.sampled_from(ODD) | st.text(max_size=6)),
    min_size=1,
    max_size=12,
)


def csv_bytes(rows: list[dict[str, str]], header: list[str], terminator: str) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=terminator)
    writer.writerow(header)
    for change in rows:
        values = {**GOOD, **change}
        writer.writerow([values.get(name, "") for name in header])
    return out.getvalue().encode("utf-8", "surrogatepass")


def compare(data: bytes, date_format: DateFormat, block: int) -> int:
    """Check `data` both ways; the number of rows the columns judged (0: not plain)."""
    try:
        batches = list(read_plain_csv(io.BytesIO(data), block))
    except NotPlain:
        return 0
    judged = 0
    slow = list(read_csv(io.BytesIO(data)))
    for batch in batches:
        checked = check_batch(batch, SUBJECTS, SCHOOLS, date_format=date_format)
        differs = name_differs(checked).to_list()
        for index, values in enumerate(checked.iter_rows(named=True)):
            line, cells = slow[batch.first_line - 2 + index]
            assert values["line"] == line
            assert batch.row(index) == {name: cells.get(name, "") for name in GOOD}
            parsed = parse_row(line, cells, SUBJECTS, SCHOOLS, date_format=date_format)
            if not isinstance(parsed, ParsedRow):
                assert values["flagged"], (cells, parsed)
                continue
            if values["flagged"]:
                continue
            judged += 1
            assert {name: values[name] for name in FIELDS} == {
                name: getattr(parsed, name) for name in FIELDS
            }
            if parsed.warnings:
                assert differs[index]
            elif differs[index]:
                assert canonical_name(parsed.name) == canonical_name(parsed.name_dapodik)
    return judged


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    ROWS,
    st.sampled_from([ISO, DMY]),
    st.sampled_from(["\n", "\r\n"]),
    st.sampled_from([64, 700, 1 << 20]),
    st.booleans(),
)
def test_the_columns_flag_every_bad_row_and_read_the_others_as_the_parser(
    rows: list[dict[str, str]], date_format: DateFormat, terminator: str, block: int, extra: bool
) -> None:
    header = [*GOOD, "CATATAN"] if extra else list(GOOD)
    if date_format == DMY:
        rows = [{**GOOD_DMY, **change} for change in rows]
    compare(csv_bytes(rows, header, terminator), date_format, block)


GOOD_DMY = {"TANGGAL_LAHIR": "01/01/1965", "TANGGAL_IJAZAH": "01/08/1990", "TMT_GURU": "01/03/1990"}


def test_good_rows_are_read_by_the_columns_alone() -> None:
    rows = [{"NUPTK": f"12345678901234{n:02d}", "NIP": ""} for n in range(30)]
    rows = [
        {**change, "STATUS_KEPEGAWAIAN": "GTY", "TMT_GURU_TETAP": "1995-07-01"} for change in rows
    ]
    data = csv_bytes(rows, list(GOOD), "\n")
    assert compare(data, ISO, 300) == 30
    batches = list(read_plain_csv(io.BytesIO(data), 300))
    assert len(batches) > 1
    assert batches[0].first_line == 2
    checked = check_batch(batches[0], SUBJECTS, SCHOOLS)
    assert checked["birth_date"][0] == dt.date(1965, 1, 1)
    assert checked["region"][0] == "3402"


@pytest.mark.parametrize(
    "data",
    [
        b"",  # no header
        b"NUPTK,NAMA",  # a header without its line end
        b"\xffNUPTK\n",  # not UTF-8
        b'"NUPTK\n',  # broken quoting in the header
        b"NUPTK,NAMA\n1,2\n",  # required columns missing: the row path reports them
        ",".join(GOOD).encode() + b"\n",  # no rows
        ",".join(GOOD).encode() + b"\n" + b"x" * 70_000 + b"\n",  # a line over 64 KiB
        ",".join(GOOD).encode() + b"\n" + b"x" * 70_000,  # the same without a line end
        ",".join(GOOD).encode() + b"\n1,2\n",  # too few cells
        ",".join(GOOD).encode() + b"\n" + b"," * 20 + b"\xff\n",  # not UTF-8
        ",".join(GOOD).encode() + b"\n" + b"," * 20 + b'"a\nb"\n',  # a line break in a cell
        ",".join(GOOD).encode() + b"\n" + b"," * 20 + b"\n\n",  # an empty line at the end
        ",".join(GOOD).encode() + b"\n" + b"," * 20 + b'"a"b\n',  # text after a closing quote
        # a batch whose first cell begins with a BOM: polars would drop it, the rows keep it
        ",".join(GOOD).encode() + b"\n\xef\xbb\xbf" + b"," * (len(GOOD) - 1) + b"\n",
    ],
)
def test_files_that_are_not_plain_go_to_the_row_reader(data: bytes) -> None:
    with pytest.raises(NotPlain):
        list(read_plain_csv(io.BytesIO(data), 64))


def test_a_file_without_a_final_line_end_keeps_its_last_row() -> None:
    data = csv_bytes([{}, {"NUPTK": "1234567890123457"}], list(GOOD), "\n").rstrip(b"\n")
    batches = list(read_plain_csv(io.BytesIO(data), 1 << 20))
    assert sum(batch.cells.height for batch in batches) == 2
    assert pl.concat([b.cells for b in batches])["NUPTK"].to_list()[-1] == "1234567890123457"


def test_an_empty_last_line_read_alone_goes_to_the_row_reader() -> None:
    data = ",".join(GOOD).encode() + b"\n" + b"," * 20 + b"\n\n"
    with pytest.raises(NotPlain):
        list(read_plain_csv(io.BytesIO(data), 21))  # the second block is the empty line alone
