from __future__ import annotations

from decimal import Decimal

from sergur.rules.allowance.rows import (
    LoadRow,
    TeacherRow,
    header_problems,
    parse_load_row,
    parse_teacher_row,
)

GOOD = {
    "NUPTK": "1234567890123456",
    "NPSN": "20400001",
    "CLASS": "7A",
    "SUBJECT": "190",
    "HOURS": "6",
}


def where(problems: object) -> list[tuple[int, str, str]]:
    assert isinstance(problems, list)
    return [(p.line, p.column, p.message.text("en")) for p in problems]


def test_a_good_row_is_read_with_its_defaults() -> None:
    assert parse_load_row(2, GOOD) == LoadRow(
        2, "1234567890123456", "20400001", "7A", "190", 6, Decimal(1), None
    )


def test_a_team_share_and_pupils_are_read() -> None:
    row = parse_load_row(3, {**GOOD, "TEAM_SHARE": "0,5", "PUPILS": "28"})

    assert isinstance(row, LoadRow)
    assert (row.share, row.pupils) == (Decimal("0.5"), 28)


def test_every_bad_cell_is_named_by_line_and_column() -> None:
    bad = {
        "NUPTK": "",
        "NPSN": "123",
        "CLASS": "",
        "SUBJECT": "19O",
        "HOURS": "61",
        "TEAM_SHARE": "1.5",
        "PUPILS": "x",
    }

    assert where(parse_load_row(7, bad)) == [
        (7, "CLASS", "The class (rombel) is empty or longer than 30 characters."),
        (7, "NUPTK", "The cell is empty."),
        (7, "NPSN", "Must be 8 digits."),
        (7, "SUBJECT", "Must be 3 digits."),
        (7, "HOURS", "“61” is not a whole number from 1 to 60."),
        (7, "TEAM_SHARE", "“1.5” is not a team-teaching share above 0 up to 1 (e.g. 0.5)."),
        (7, "PUPILS", "“x” is not a whole number from 1 to 200."),
    ]


def test_a_share_with_more_than_two_decimals_is_refused() -> None:
    assert where(parse_load_row(2, {**GOOD, "TEAM_SHARE": "0.333"}))[0][1] == "TEAM_SHARE"


def test_the_header_must_have_the_required_columns() -> None:
    assert where(header_problems(["nuptk", "npsn", "class", "subject"])) == [
        (1, "HOURS", "The column HOURS is missing from the header row.")
    ]


def test_the_teacher_columns_are_optional() -> None:
    assert parse_teacher_row(2, {}) == TeacherRow(
        main_npsn="",
        level="",
        certificate_year=None,
        certified_subject="",
        may_teach=frozenset(),
        has_nrg=False,
        pkg="",
        employed_elsewhere=False,
        employer="",
        duties=(),
        counselling_pupils=0,
        approval="",
    )


def test_the_teacher_columns_are_read() -> None:
    row = parse_teacher_row(
        2,
        {
            "MAIN_NPSN": "20400001",
            "LEVEL": "smp",
            "CERTIFICATE_YEAR": "2008",
            "CERTIFIED_SUBJECT": "190",
            "MAY_TEACH": "097; 180",
            "NRG": "Y",
            "PKG": "Amat Baik",
            "EMPLOYED_ELSEWHERE": "T",
            "EMPLOYER": "central",
            "DUTIES": "principal",
            "COUNSELLING_PUPILS": "120",
            "APPROVAL": "12/MPN/2008",
        },
    )

    assert isinstance(row, TeacherRow)
    assert row.may_teach == {"097", "180"} and row.pkg == "amat_baik" and row.level == "SMP"
    assert (row.certificate_year, row.has_nrg, row.counselling_pupils) == (2008, True, 120)


def test_bad_teacher_columns_are_named() -> None:
    bad = {
        "CERTIFICATE_YEAR": "08",
        "COUNSELLING_PUPILS": "-1",
        "PKG": "great",
        "EMPLOYER": "school",
        "NRG": "maybe",
        "EMPLOYMENT": "honorer",
        "MKG": "41",
    }

    assert [column for _, column, _ in where(parse_teacher_row(4, bad))] == [
        "CERTIFICATE_YEAR",
        "COUNSELLING_PUPILS",
        "PKG",
        "EMPLOYER",
        "EMPLOYMENT",
        "MKG",
        "NRG",
    ]


def test_the_amount_columns_are_read() -> None:
    row = parse_teacher_row(2, {"EMPLOYMENT": "CPNS", "GOLONGAN": "III/a", "MKG": "4"})

    assert isinstance(row, TeacherRow)
    assert (row.employment, row.golongan, row.mkg) == ("cpns", "III/a", 4)


def test_an_empty_nuptk_is_an_untaught_row_only_when_asked() -> None:
    untaught = {**GOOD, "NUPTK": "", "PUPILS": "28"}

    assert where(parse_load_row(4, untaught)) == [(4, "NUPTK", "The cell is empty.")]
    assert parse_load_row(4, untaught, untaught=True) == LoadRow(
        4, "", "20400001", "7A", "190", 6, Decimal(1), 28
    )
    assert isinstance(parse_load_row(4, {**untaught, "TEAM_SHARE": "1"}, untaught=True), LoadRow)


def test_an_untaught_row_has_no_team_share() -> None:
    row = {**GOOD, "NUPTK": " ", "TEAM_SHARE": "0,5"}

    assert where(parse_load_row(5, row, untaught=True)) == [
        (
            5,
            "TEAM_SHARE",
            "A row without a NUPTK is hours no teacher teaches: it has no team-teaching share.",
        )
    ]
    # A named teacher's row keeps its share.
    assert isinstance(parse_load_row(5, {**GOOD, "TEAM_SHARE": "0,5"}, untaught=True), LoadRow)
