"""Years of service for selection: from the appointment in 2007 (seed 003, quoted below), from
S1/D4 or D3 in 2012 (docs/sources/domain.md §4.2); minus the gaps in both."""

from __future__ import annotations

from hypothesis import given

from sergur.rules.selection.params import selection_params
from sergur.rules.selection.service_years import service_months, teaching_months

from . import seed003
from .helpers import P2007, D, candidates, teacher

P2012 = selection_params(2012)


def test_the_books_example_12_years_minus_24_months_is_10_years():
    c = teacher(teacher_since=D(1996, 1, 1), degree_date=D(1990, 1, 1), service_gap_months=24)
    assert service_months(c, P2012) == 15 * 12  # 12 years up to 1 Jan 2008, 17 to 2013
    assert service_months(c, P2007) == 10 * 12


def test_2007_service_counts_from_the_appointment_not_the_degree():
    """Seed 003: "Masa kerja dihitung selama seseorang menjadi guru. Bagi guru PNS masa kerja
    dihitung mulai dari diterbitkannya surat keterangan melaksanakan tugas berdasarkan SK CPNS.
    Bagi guru non PNS masa kerja dihitung selama guru mengajar yang dibuktikan dengan Surat
    Keputusan dari Sekolah": appointed in 1980 with an S1 of 2000 has 28 years, not 8."""
    assert seed003.SERVICE_FROM
    c = teacher(teacher_since=D(1980, 1, 1), degree_date=D(2000, 1, 1))
    assert service_months(c, P2007) == 28 * 12
    non_pns = teacher(employment="non_pns", teacher_since=D(1996, 1, 1), degree_date=None)
    assert service_months(non_pns, P2007) == 12 * 12
    d3 = teacher(education_level="D3", teacher_since=D(1990, 1, 1), degree_date=D(1995, 1, 1))
    assert service_months(d3, P2007) == 18 * 12


def test_months_are_completed_months_up_to_the_reference_date():
    assert service_months(teacher(teacher_since=D(2005, 12, 2), degree_date=None), P2007) == 24
    assert service_months(teacher(teacher_since=D(2006, 1, 1), degree_date=None), P2007) == 24
    assert service_months(teacher(teacher_since=D(2006, 1, 2), degree_date=None), P2007) == 23


def test_2012_teaching_before_the_degree_does_not_count():
    """docs/sources/domain.md §4.2: "Service counts from when the teacher obtained S-1"."""
    c = teacher(teacher_since=D(1980, 1, 1), degree_date=D(2000, 1, 1))
    assert service_months(c, P2012) == 13 * 12
    assert teaching_months(c, P2012.reference_date) == 33 * 12


def test_2012_teaching_with_a_d3_counts_from_the_d3():
    c = teacher(education_level="D3", teacher_since=D(1990, 1, 1), degree_date=D(1995, 1, 1))
    assert service_months(c, P2012) == 18 * 12


def test_2012_teaching_on_an_sma_or_d2_qualification_does_not_count():
    for level in ("SMA", "D1", "D2"):
        c = teacher(education_level=level, teacher_since=D(1980, 1, 1), degree_date=None)
        assert service_months(c, P2012) == 0


def test_no_appointment_date_means_no_service():
    assert service_months(teacher(teacher_since=None), P2007) == 0
    assert teaching_months(teacher(teacher_since=None), P2007.reference_date) == 0


def test_gaps_larger_than_the_service_give_zero():
    c = teacher(teacher_since=D(2006, 1, 1), degree_date=None, service_gap_months=99)
    assert service_months(c, P2007) == 0
    assert teaching_months(c, P2007.reference_date) == 0


@given(candidates)
def test_counted_service_never_exceeds_all_teaching(c):
    assert service_months(c, P2007) == teaching_months(c, P2007.reference_date)
    assert 0 <= service_months(c, P2012) <= teaching_months(c, P2012.reference_date)
