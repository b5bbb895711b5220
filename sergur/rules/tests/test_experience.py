from __future__ import annotations

import datetime as dt

import pytest

from sergur.rules.experience import Period, months_between, service

D = dt.date
AS_OF = D(2007, 12, 31)


@pytest.mark.parametrize(
    ("start", "end", "months"),
    [
        (D(1990, 7, 1), D(1990, 7, 1), 0),
        (D(1990, 7, 1), D(1990, 8, 1), 1),
        (D(1990, 7, 15), D(1990, 8, 14), 0),
        (D(1990, 7, 15), D(1990, 8, 15), 1),
        (D(1990, 7, 1), D(2000, 7, 1), 120),
        (D(2000, 7, 1), D(1990, 7, 1), 0),
    ],
)
def test_months_between_counts_completed_calendar_months(start, end, months):
    assert months_between(start, end) == months


def test_one_period_counts_completed_years():
    counted = service([Period(D(1990, 7, 1), D(2000, 12, 31))], AS_OF)
    assert (counted.months, counted.years) == (125, 10)


def test_an_ongoing_period_runs_to_the_cut_off_date():
    counted = service([Period(D(1997, 1, 1))], AS_OF)
    assert counted.years == 10
    assert counted.spans == ((D(1997, 1, 1), AS_OF),)


def test_overlapping_periods_at_two_schools_count_once():
    counted = service(
        [Period(D(1990, 1, 1), D(2000, 1, 1)), Period(D(1995, 1, 1), D(2005, 1, 1))], AS_OF
    )
    assert counted.months == 180
    assert counted.spans == ((D(1990, 1, 1), D(2005, 1, 1)),)


def test_gaps_between_periods_are_not_counted():
    # The books' example: 12 years of periods minus 24 months of gaps = 10 years.
    counted = service(
        [Period(D(1990, 1, 1), D(1996, 1, 1)), Period(D(1998, 1, 1), D(2004, 1, 1))], AS_OF
    )
    assert (counted.months, counted.years) == (144, 12)


def test_study_leave_counts_as_service():
    counted = service(
        [
            Period(D(1990, 1, 1), D(1995, 1, 1)),
            Period(D(1995, 1, 1), D(1997, 1, 1), study_leave=True),
            Period(D(1997, 1, 1), D(2000, 1, 1)),
        ],
        AS_OF,
    )
    assert counted.years == 10


def test_time_after_the_cut_off_and_empty_periods_do_not_count():
    counted = service(
        [
            Period(D(2005, 1, 1), D(2010, 1, 1)),
            Period(D(2008, 1, 1), D(2010, 1, 1)),
            Period(D(2009, 1, 1)),
            Period(D(2003, 5, 1), D(2003, 5, 1)),
        ],
        AS_OF,
    )
    assert counted.spans == ((D(2005, 1, 1), AS_OF),)
    assert counted.years == 2


def test_no_periods_no_service():
    assert service([], AS_OF).months == 0
