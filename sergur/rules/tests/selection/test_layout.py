"""The import layout: every problem kind and a fuzz of bad rows."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sergur.rules.selection.layout import (
    COLUMNS,
    DMY,
    EXTRA,
    MAX_CELL,
    ParsedRow,
    RowChecker,
    RowProblem,
    SchoolRef,
    canonical_name,
    check_header,
    parse_date,
    parse_row,
)
from sergur.rules.selection.subject import certified_subject

from .seed003 import MISMATCH as MISMATCH_QUOTE
from .seed003 import OTHER_SCHOOL

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
    "KODE_BIDANG_STUDI_IJAZAH": "",
    "PILIHAN_SERTIFIKASI": "",
    "SEKOLAH_LAIN": "",
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
        (
            {"KODE_BIDANG_STUDI_IJAZAH": "18"},
            [("KODE_BIDANG_STUDI_IJAZAH", "import.subject_unknown")],
        ),
        ({"PILIHAN_SERTIFIKASI": "BEBAS"}, [("PILIHAN_SERTIFIKASI", "import.choice_bad")]),
        (
            {"PILIHAN_SERTIFIKASI": "IJAZAH"},
            [("PILIHAN_SERTIFIKASI", "import.mismatch_without_degree")],
        ),
        (
            {"KODE_BIDANG_STUDI_IJAZAH": "180", "PILIHAN_SERTIFIKASI": "MENGAJAR"},
            [("PILIHAN_SERTIFIKASI", "import.mismatch_without_degree")],
        ),
        ({"SEKOLAH_LAIN": "20400009"}, [("SEKOLAH_LAIN", "import.other_school_bad")]),
        ({"SEKOLAH_LAIN": "20400009:6;"}, [("SEKOLAH_LAIN", "import.other_school_bad")]),
        ({"SEKOLAH_LAIN": "20400009:6,5"}, [("SEKOLAH_LAIN", "import.other_school_bad")]),
        ({"SEKOLAH_LAIN": "20400002:6"}, [("SEKOLAH_LAIN", "import.school_unknown")]),
        ({"SEKOLAH_LAIN": "20400009:0"}, [("SEKOLAH_LAIN", "import.other_school_hours")]),
        ({"SEKOLAH_LAIN": "20400009:41"}, [("SEKOLAH_LAIN", "import.other_school_hours")]),
        ({"SEKOLAH_LAIN": "20400001:4"}, [("SEKOLAH_LAIN", "import.other_school_main")]),
        (
            {"SEKOLAH_LAIN": "20400009:6;20400009:2"},
            [("SEKOLAH_LAIN", "import.other_school_twice")],
        ),
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


def test_bidirectional_and_zero_width_characters_are_dropped_from_names() -> None:
    row = parse(NAMA="\u202eSri\u200b Lestari\u2069", NAMA_DAPODIK="\ufeffSri Lestari\u200d")
    assert isinstance(row, ParsedRow)
    assert (row.name, row.name_dapodik) == ("Sri Lestari", "Sri Lestari")
    assert row.warnings == ()


def test_a_name_of_only_invisible_characters_is_missing() -> None:
    assert codes(NAMA="\u200b\u202e") == [("NAMA", "import.required")]


def test_canonical_names_ignore_case_spaces_and_titles() -> None:
    assert canonical_name("Hj. Dra.  SITI Aminah, S.Pd., M.Pd.") == "siti aminah"
    assert canonical_name("siti aminah") == "siti aminah"
    assert canonical_name("A. Rahman") == "a rahman"


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


@pytest.mark.parametrize(
    ("cell", "choice", "certified"),
    [("IJAZAH", "degree", "156"), ("mengajar", "taught", "180"), ("", "", "180")],
)
def test_the_mismatch_choice_is_read_and_sets_the_certified_subject(
    cell: str, choice: str, certified: str
) -> None:
    # seed 003's FAQ: the teacher chooses the route; the district officer records it.
    assert "sepenuhnya diserahkan guru yang bersangkutan" in MISMATCH_QUOTE
    row = parse(KODE_BIDANG_STUDI_IJAZAH="156", PILIHAN_SERTIFIKASI=cell)
    assert isinstance(row, ParsedRow)
    assert (row.degree_subject_code, row.mismatch_choice) == ("156", choice)
    taught, degree = row.subject_code, row.degree_subject_code
    assert certified_subject(taught=taught, degree=degree, choice=choice).code == certified


def test_a_file_without_the_mismatch_columns_records_neither() -> None:
    without = {"KODE_BIDANG_STUDI_IJAZAH", "PILIHAN_SERTIFIKASI"}
    row = parse_row(2, {key: value for key, value in GOOD.items() if key not in without})
    assert isinstance(row, ParsedRow)
    assert (row.degree_subject_code, row.mismatch_choice) == ("", "")


def test_the_other_schools_add_their_hours_to_the_candidate() -> None:
    # seed 003's FAQ counts the hours "mengajar di sekolah lain yang memiliki ijin operasional";
    # the other school may lie in another district (20400009), the main one may not.
    assert "sekolah lain yang memiliki ijin operasional" in OTHER_SCHOOL
    row = parse(JAM_MENGAJAR="18", SEKOLAH_LAIN=" 20400009 : 6 ")
    assert isinstance(row, ParsedRow)
    assert row.other_schools == "20400009:6"
    assert row.other_school_hours == (("20400009", 6),)
    assert (row.weekly_hours, row.to_candidate().teaching_hours) == (18, 24)
    alone = parse(JAM_MENGAJAR="18")
    assert isinstance(alone, ParsedRow)
    assert (alone.other_school_hours, alone.to_candidate().teaching_hours) == ((), 18)


def test_without_a_registry_the_other_schools_are_checked_for_shape_only() -> None:
    row = parse_row(2, {**GOOD, "SEKOLAH_LAIN": "20400002:40;20400003:1"})
    assert isinstance(row, ParsedRow)
    assert row.other_schools == "20400002:40;20400003:1"
