"""The rows of a pay-profile file: every bad cell named with its line and column, one line
per teacher, dates in the one declared format (docs/allowance.md, "The pay profile")."""

from __future__ import annotations

import datetime as dt

from sergur.rules.allowance.amount import Employment
from sergur.rules.allowance.profile_rows import (
    PROFILE_COLUMNS,
    ProfileRow,
    check_profiles,
    missing_columns,
    parse_date,
)

GOOD = {
    "nuptk": "1234567890123456",
    "employment": "pns",
    "golongan": "III/a",
    "mkg": "10",
    "mkg_counted_on": "2019-01-01",
    "paid_from": "2019-01-01",
    "paid_until": "",
    "bank_name": "BPD DIY",
    "bank_account": "0011-2233 44",
}


def problems(**cells: str) -> list[tuple[int, str, str]]:
    found = check_profiles([(2, {**GOOD, **cells})])
    return [(e.line, e.column, e.reason.text("en")) for e in found.errors]


def test_a_good_line_is_read_with_its_types() -> None:
    found = check_profiles([(2, {**GOOD, "golongan": " iii/b ", "paid_until": "2019-02-28"})])
    assert found.errors == ()
    assert found.rows == (
        ProfileRow(
            line=2,
            nuptk="1234567890123456",
            employment=Employment.PNS,
            golongan="III/b",
            mkg=10,
            mkg_counted_on=dt.date(2019, 1, 1),
            paid_from=dt.date(2019, 1, 1),
            paid_until=dt.date(2019, 2, 28),
            bank_name="BPD DIY",
            bank_account="0011-2233 44",
        ),
    )


def test_a_non_pns_teacher_without_inpassing_needs_no_rank_or_mkg() -> None:
    found = check_profiles([(3, {**GOOD, "employment": "NON_PNS", "golongan": "", "mkg": ""})])
    assert found.errors == () and found.rows[0].golongan == "" and found.rows[0].mkg == 0


def test_every_bad_cell_is_named_with_line_and_column_in_column_order() -> None:
    bad = problems(
        nuptk="12AB",
        employment="honorer",
        mkg="41",
        mkg_counted_on="01/01/2019",
        paid_from="2019-02-30",
        bank_name="B" * 101,
        bank_account="abc",
    )
    assert [column for _, column, _ in bad] == [
        "nuptk",
        "employment",
        "mkg",
        "mkg_counted_on",
        "paid_from",
        "bank_name",
        "bank_account",
    ]
    assert all(line == 2 for line, _, _ in bad)
    assert "'honorer' is not an employment; write one of: pns, cpns" in bad[1][2]
    assert "YYYY-MM-DD" in bad[3][2]


def test_a_rank_is_needed_except_without_inpassing_and_must_be_known() -> None:
    assert problems(employment="cpns", golongan="") == [
        (2, "golongan", "The rank is needed unless the teacher is non-PNS without inpassing.")
    ]
    assert problems(golongan="V/a") == [(2, "golongan", "'V/a' is not a rank (I/a to IV/e).")]


def test_the_period_may_not_end_before_it_starts() -> None:
    assert problems(paid_until="2018-12-31") == [
        (2, "paid_until", "The end of the paid period is before its start.")
    ]
    assert problems(paid_until="soon")[0][1] == "paid_until"


def test_a_teacher_twice_is_refused_on_the_second_line() -> None:
    found = check_profiles([(2, GOOD), (5, GOOD)])
    assert len(found.rows) == 1
    assert [(e.line, e.column, e.reason.text("en")) for e in found.errors] == [
        (5, "nuptk", "This NUPTK is already on line 2.")
    ]


def test_a_header_without_the_needed_columns_is_named() -> None:
    assert [e.column for e in missing_columns(["nuptk", "golongan"])] == [
        "employment",
        "mkg_counted_on",
        "paid_from",
        "mkg",
    ]
    assert missing_columns(PROFILE_COLUMNS) == ()


def test_dates_are_read_in_the_declared_format_only() -> None:
    assert parse_date("2019-07-01") == dt.date(2019, 7, 1)
    assert parse_date("2019-13-01") is None
    assert parse_date("1 Juli 2019") is None


def test_the_date_a_rank_takes_effect_is_optional_and_read_when_given() -> None:
    assert check_profiles([(2, GOOD)]).rows[0].effective_from is None
    found = check_profiles([(2, {**GOOD, "effective_from": "2019-02-15"})])
    assert found.errors == () and found.rows[0].effective_from == dt.date(2019, 2, 15)
    assert problems(effective_from="15-02-2019") == [
        (
            2,
            "effective_from",
            "'15-02-2019' is not a date; write YYYY-MM-DD, for example 2019-01-01.",
        )
    ]
