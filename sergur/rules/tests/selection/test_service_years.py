"""Years of service for selection (docs/sources/facts.md §4.2): from S1/D4 or D3, minus the gaps."""

from __future__ import annotations

from hypothesis import given

from sergur.rules.selection.service_years import service_months, teaching_months

from .helpers import P2007, D, candidates, teacher


def test_the_books_example_12_years_minus_24_months_is_10_years():
    c = teacher(teacher_since=D(1996, 1, 1), degree_date=D(1990, 1, 1), service_gap_months=24)
    assert service_months(c, P2007) == 10 * 12


def test_months_are_completed_months_up_to_the_reference_date():
    assert service_months(teacher(teacher_since=D(2005, 12, 2), degree_date=None), P2007) == 24
    assert service_months(teacher(teacher_since=D(2006, 1, 1), degree_date=None), P2007) == 24
    assert service_months(teacher(teacher_since=D(2006, 1, 2), degree_date=None), P2007) == 23


def test_teaching_before_the_degree_does_not_count():
    c = teacher(teacher_since=D(1980, 1, 1), degree_date=D(2000, 1, 1))
    assert service_months(c, P2007) == 8 * 12
    assert teaching_months(c, P2007.reference_date) == 28 * 12


def test_teaching_with_a_d3_counts_from_the_d3():
    c = teacher(education_level="D3", teacher_since=D(1990, 1, 1), degree_date=D(1995, 1, 1))
    assert service_months(c, P2007) == 13 * 12


def test_teaching_on_an_sma_or_d2_qualification_does_not_count():
    for level in ("SMA", "D1", "D2"):
        c = teacher(education_level=level, teacher_since=D(1980, 1, 1), degree_date=None)
        assert service_months(c, P2007) == 0


def test_no_appointment_date_means_no_service():
    assert service_months(teacher(teacher_since=None), P2007) == 0
    assert teaching_months(teacher(teacher_since=None), P2007.reference_date) == 0


def test_gaps_larger_than_the_service_give_zero():
    c = teacher(teacher_since=D(2006, 1, 1), degree_date=None, service_gap_months=99)
    assert service_months(c, P2007) == 0
    assert teaching_months(c, P2007.reference_date) == 0


@given(candidates)
def test_counted_service_never_exceeds_all_teaching(c):
    assert 0 <= service_months(c, P2007) <= teaching_months(c, P2007.reference_date)
