"""The import layout: every problem kind, the readers and a fuzz of bad rows."""

from __future__ import annotations

import codecs
import datetime as dt
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sergur.rules.selection.layout import (
    COLUMNS,
    DMY,
    EXTRA,
    MAX_CELL,
    MAX_LINE_BYTES,
    ParsedRow,
    ReadError,
    RowChecker,
    RowProblem,
    SchoolRef,
    canonical_name,
    check_header,
    neutralise,
    parse_date,
    parse_row,
    read_csv,
    read_xlsx,
)

SUBJECTS = {"180", "156"}
SCHOOLS = {"20400001": SchoolRef("3402", "SMP"), "20400009": SchoolRef("3403", "SD", False)}
GOOD = {
    "NUPTK": "1234567890123456",
    "NIP": "196501011990031001",
    "NAMA": "Drs. Sri Lestari, M.Pd.",
    "NAMA_DAPODIK": "SRI  LESTARI",
    "TEMPAT_LAHIR": "Bantul",
    "TANGGAL_LAHIR": "1965-01-01",
    "JENIS_KELAMIN": "P",
    "STATUS_KEPEGAWAIAN": "PNS",
    "GOLONGAN": "III/c",
    "INPASSING": "T",
    "PENDIDIKAN": "S1",
    "TANGGAL_IJAZAH": "1990-08-01",
    "TMT_GURU": "1990-03-01",
    "TMT_GURU_TETAP": "",
    "BULAN_TIDAK_MENGAJAR": "0",
    "KODE_BIDANG_STUDI": "180",
    "NPSN": "20400001",
    "JAM_MENGAJAR": "24",
    "TUGAS_TAMBAHAN": "1",
    "PRESTASI": "2",
    "SUDAH_SERTIFIKASI": "T",
}


def parse(**changes: str) -> ParsedRow | list[RowProblem]:
    return parse_row(2, {**GOOD, **changes}, SUBJECTS, SCHOOLS)


def codes(**changes: str) -> list[tuple[str, str]]:
    result = parse(**changes)
    assert isinstance(result, list), result
    assert all(problem.line == 2 for problem in result)
    return [(problem.column, problem.code) for problem in result]


def test_a_good_row_gives_the_registry_fields_and_a_candidate() -> None:
    row = parse()
    assert isinstance(row, ParsedRow)
    assert row.warnings == ()
    assert row.birth_date == dt.date(1965, 1, 1)
    assert (row.region, row.school_level, row.employment) == ("3402", "SMP", "pns")
    candidate = row.to_candidate()
    assert candidate.nuptk == "1234567890123456"
    assert candidate.teaching_hours == 24
    assert candidate.additional_duty == 1
    assert candidate.achievement == 2
    assert candidate.subject_code == "180"


def test_headers_are_case_insensitive_and_lookups_can_be_skipped() -> None:
    row = parse_row(5, {f" {key.lower()} ": value for key, value in GOOD.items()})
    assert isinstance(row, ParsedRow)
    assert (row.line, row.region, row.school_level) == (5, "", "")


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"TANGGAL_LAHIR": "01-01-1965"}, [("TANGGAL_LAHIR", "import.date_bad")]),
        ({"TMT_GURU": "1990-02-30"}, [("TMT_GURU", "import.date_bad")]),
        ({"TANGGAL_LAHIR": ""}, [("TANGGAL_LAHIR", "import.required")]),
        ({"NUPTK": "12345"}, [("NUPTK", "import.nuptk_bad")]),
        ({"NUPTK": "9999123412341234"}, [("NUPTK", "import.nuptk_temporary")]),
        ({"NUPTK": "9000123412341234"}, [("NUPTK", "import.nuptk_temporary")]),
        ({"NUPTK": "9898123412341234"}, [("NUPTK", "import.nuptk_temporary")]),
        ({"NIP": "1965"}, [("NIP", "import.nip_bad")]),
        ({"NIP": ""}, [("NIP", "import.nip_missing")]),
        ({"STATUS_KEPEGAWAIAN": "GTY"}, [("NIP", "import.nip_not_pns")]),
        ({"NIP": "196601011990031001"}, [("NIP", "import.nip_birth_mismatch")]),
        ({"STATUS_KEPEGAWAIAN": "KONTRAK"}, [("STATUS_KEPEGAWAIAN", "import.choice_bad")]),
        ({"JENIS_KELAMIN": ""}, [("JENIS_KELAMIN", "import.required")]),
        ({"GOLONGAN": "III-c"}, [("GOLONGAN", "import.choice_bad")]),
        ({"INPASSING": "maybe"}, [("INPASSING", "import.choice_bad")]),
        ({"PENDIDIKAN": "S4"}, [("PENDIDIKAN", "import.choice_bad")]),
        ({"BULAN_TIDAK_MENGAJAR": "-3"}, [("BULAN_TIDAK_MENGAJAR", "import.number_bad")]),
        ({"JAM_MENGAJAR": "61"}, [("JAM_MENGAJAR", "import.number_bad")]),
        ({"TUGAS_TAMBAHAN": "4"}, [("TUGAS_TAMBAHAN", "import.number_bad")]),
        ({"PRESTASI": "x"}, [("PRESTASI", "import.number_bad")]),
        ({"KODE_BIDANG_STUDI": "999"}, [("KODE_BIDANG_STUDI", "import.subject_unknown")]),
        ({"KODE_BIDANG_STUDI": "18"}, [("KODE_BIDANG_STUDI", "import.subject_unknown")]),
        ({"NPSN": "20499999"}, [("NPSN", "import.school_unknown")]),
        ({"NPSN": "20400009"}, [("NPSN", "import.school_outside")]),
        ({"NAMA": "x" * (MAX_CELL + 1)}, [("NAMA", "import.cell_too_long")]),
        ({"TEMPAT_LAHIR": "Ban\x00tul"}, [("TEMPAT_LAHIR", "import.cell_control")]),
        ({EXTRA: "surplus"}, [("", "import.extra_cells")]),
    ],
)
def test_every_problem_names_line_column_and_reason(
    changes: dict[str, str], expected: list[tuple[str, str]]
) -> None:
    assert codes(**changes) == expected
    for problem in parse(**changes):  # type: ignore[union-attr]
        assert problem.message.text("id") and problem.message.text("en")


def test_dates_are_read_day_first_only_when_the_file_declares_it() -> None:
    changes = {
        "TANGGAL_LAHIR": "01/02/1965",
        "NIP": "196502011990031001",
        "TANGGAL_IJAZAH": "01/08/1990",
        "TMT_GURU": "01/03/1990",
    }
    row = parse_row(2, {**GOOD, **changes}, SUBJECTS, SCHOOLS, date_format=DMY)
    assert isinstance(row, ParsedRow)
    assert row.birth_date == dt.date(1965, 2, 1)
    assert parse_date("1965-02-01", DMY) is None
    assert parse_date("01/02/1965") is None


def test_differing_names_are_a_warning_and_the_row_stays() -> None:
    row = parse(NAMA_DAPODIK="Sri Lestary")
    assert isinstance(row, ParsedRow)
    assert [(w.column, w.code, w.warning) for w in row.warnings] == [
        ("NAMA_DAPODIK", "import.name_mismatch", True)
    ]


def test_canonical_names_ignore_case_spaces_and_titles() -> None:
    assert canonical_name("Hj. Dra.  SITI Aminah, S.Pd., M.Pd.") == "siti aminah"
    assert canonical_name("siti aminah") == "siti aminah"
    assert canonical_name("A. Rahman") == "a rahman"


def test_formula_cells_are_kept_as_text_and_neutralised_on_export() -> None:
    row = parse(NAMA='=HYPERLINK("http://x")', NAMA_DAPODIK="")
    assert isinstance(row, ParsedRow)
    assert row.name.startswith("=")
    assert neutralise(row.name).startswith("'=")
    assert [neutralise(v) for v in ("+1", "-1", "@a", "Sri")] == ["'+1", "'-1", "'@a", "Sri"]


def test_the_header_reports_missing_duplicate_and_unknown_columns() -> None:
    problems = check_header(["nuptk", "NUPTK", "Alamat", "", *list(COLUMNS)[3:]])
    found = {(p.column, p.code, p.warning) for p in problems}
    assert found == {
        ("NUPTK", "import.header_duplicate", False),
        ("ALAMAT", "import.header_unknown", True),
        ("NAMA", "import.header_missing", False),
    }


def test_the_checker_refuses_a_nuptk_seen_before_and_a_bad_header() -> None:
    checker = RowChecker(SUBJECTS, SCHOOLS)
    assert isinstance(checker.check(2, GOOD), ParsedRow)
    assert not checker.blocking_header
    again = checker.check(7, GOOD)
    assert isinstance(again, list)
    assert again[0].code == "import.nuptk_duplicate"
    assert "2" in again[0].message.text("en")
    assert isinstance(checker.check(8, {**GOOD, "NIP": "x"}), list)
    bad = RowChecker()
    bad.check(2, {"NAMA": "x"})
    assert bad.blocking_header


def csv_bytes(rows: list[dict[str, str]], header: list[str] | None = None) -> bytes:
    names = header or list(GOOD)
    out = io.StringIO()
    import csv

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

    from sergur.rules.selection import layout

    with pytest.raises(ReadError, match="empty"):
        list(layout._xlsx_rows(Book()))


# -- fuzz: never a crash, never a bad row passed silently --------------------------------

CELL = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["=cmd|' /C calc'!A0", "+1", "@SUM(A1)", "-2", "x" * (MAX_CELL + 3)]),
    st.sampled_from(["1965-13-01", "31/12/1965", "12/31/1965", "9999000011112222", "S9"]),
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(list(GOOD)), CELL, max_size=6))
def test_random_bad_cells_never_crash_and_never_pass_silently(changes: dict[str, str]) -> None:
    result = parse(**changes)
    if isinstance(result, ParsedRow):
        # Whatever passed is exactly what the layout allows.
        assert len(result.nuptk) == 16 and not result.nuptk.startswith(("9999", "9000", "9898"))
        assert result.subject_code in SUBJECTS
        assert result.npsn == "20400001"
        assert 0 <= result.weekly_hours <= 60
        assert all(len(value) <= MAX_CELL for value in (result.name, result.birth_place))
    else:
        assert result and all(p.message.text("id") for p in result)


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
    from sergur.rules.selection.layout import _cell_text

    assert _cell_text(dt.date(1990, 3, 1)) == "1990-03-01"
    assert _cell_text(24.0) == "24"
    assert _cell_text(2.5) == "2.5"
    assert _cell_text(False) == "T"
