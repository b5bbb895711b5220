from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sergur.rules.allowance.semester import Semester, SemesterError, parse_semester, semester_of


def test_semester_one_is_january_to_june() -> None:
    semester = parse_semester("2019-1")
    assert (semester.start, semester.end, semester.months) == (
        date(2019, 1, 1),
        date(2019, 6, 30),
        (1, 2, 3, 4, 5, 6),
    )


def test_semester_two_is_july_to_december() -> None:
    semester = parse_semester(" 2019-2 ")
    assert (semester.start, semester.end, semester.months[0]) == (
        date(2019, 7, 1),
        date(2019, 12, 31),
        7,
    )
    assert semester.next() == Semester(2020, 1)
    assert Semester(2020, 1).next() == Semester(2020, 2)


@pytest.mark.parametrize("code", ["2019", "2019-3", "19-1", "2019-01", "", "2006-1", "2101-2"])
def test_a_bad_code_says_how_to_write_it(code: str) -> None:
    with pytest.raises(SemesterError, match="YYYY-1|2007"):
        parse_semester(code)


@given(st.dates(min_value=date(2007, 1, 1), max_value=date(2100, 12, 31)))
def test_every_day_lies_in_its_semester(day: date) -> None:
    semester = semester_of(day)
    assert semester.start <= day <= semester.end
    assert parse_semester(semester.code) == semester
    assert str(semester) == semester.code
