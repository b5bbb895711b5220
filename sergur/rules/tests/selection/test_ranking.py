"""Ranking (docs/sources/domain.md §4.3): each key in the year's order, the tie-break, any input
order."""

from __future__ import annotations

import random

import msgspec
from hypothesis import given, settings
from hypothesis import strategies as st

from sergur.rules.selection.params import selection_params
from sergur.rules.selection.ranking import rank
from sergur.rules.selection.service_years import service_months

from . import seed003
from .helpers import P2007, D, candidates, teacher

# 2007's rules with 2012's order: the key order alone.
P2012 = msgspec.structs.replace(P2007, ranking_keys=("age", "service", "rank"))
YEAR_2012 = selection_params(2012)


def names(ranked):
    return [r.candidate.name for r in ranked]


def nuptk(n: int) -> str:
    return f"{n:016d}"


def test_more_service_ranks_first():
    a = teacher(name="a", nuptk=nuptk(1), teacher_since=D(1995, 1, 1), degree_date=None)
    b = teacher(name="b", nuptk=nuptk(2), teacher_since=D(1990, 1, 1), degree_date=None)
    assert names(rank([a, b], P2007)) == ["b", "a"]


def test_on_equal_service_the_older_teacher_ranks_first():
    a = teacher(name="a", nuptk=nuptk(1), birth_date=D(1960, 1, 2))
    b = teacher(name="b", nuptk=nuptk(2), birth_date=D(1960, 1, 1))
    assert names(rank([a, b], P2007)) == ["b", "a"]


def test_2007_the_higher_rank_counts_for_pns_only():
    """Seed 003: "- masa kerja- usia- golongan (bagi PNS)- beban mengajar- tugas tambahan-
    prestasi kerja": a non-PNS inpassing rank does not outrank a PNS golongan."""
    assert "golongan (bagi PNS)" in seed003.RANKING_ORDER
    a = teacher(name="a", nuptk=nuptk(1), rank="III/a")
    b = teacher(name="b", nuptk=nuptk(2), rank="IV/a")
    assert names(rank([a, b], P2007)) == ["b", "a"]
    c = teacher(name="c", nuptk=nuptk(3), rank="IV/e", employment="non_pns")
    assert names(rank([c, a], P2007)) == ["a", "c"]
    d = teacher(name="d", nuptk=nuptk(4), rank="IV/e", employment="non_pns", has_inpassing=True)
    assert names(rank([b, d], P2007)) == ["b", "d"]
    assert rank([d], P2007)[0].factors[2] == ("rank", "")


def test_2012_an_inpassing_rank_counts():
    """docs/sources/domain.md §4.2: golongan "applies only to PNS, or to non-PNS with SK
    inpassing"."""
    b = teacher(name="b", nuptk=nuptk(2), rank="IV/a", degree_date=None)
    d = teacher(
        name="d",
        nuptk=nuptk(4),
        rank="IV/e",
        employment="non_pns",
        has_inpassing=True,
        degree_date=None,
    )
    assert names(rank([b, d], YEAR_2012)) == ["d", "b"]


def test_2007_service_from_the_appointment_outranks_a_later_appointment():
    """Seed 003: "Bagi guru PNS masa kerja dihitung mulai dari diterbitkannya surat keterangan
    melaksanakan tugas berdasarkan SK CPNS": appointed 1980 (S1 in 2000) ranks above appointed
    1990 (S1 in 1989); in 2012 the degree date starts the count, and the order flips."""
    assert seed003.SERVICE_FROM
    early = teacher(
        name="early", nuptk=nuptk(1), teacher_since=D(1980, 1, 1), degree_date=D(2000, 1, 1)
    )
    later = teacher(
        name="later", nuptk=nuptk(2), teacher_since=D(1990, 1, 1), degree_date=D(1989, 1, 1)
    )
    assert names(rank([later, early], P2007)) == ["early", "later"]
    service_2012 = msgspec.structs.replace(YEAR_2012, ranking_keys=("service",))
    assert names(rank([early, later], service_2012)) == ["later", "early"]


def test_then_teaching_load_then_duty_then_achievement():
    base = {"rank": "III/a"}
    a = teacher(name="a", nuptk=nuptk(1), teaching_hours=24, **base)
    b = teacher(name="b", nuptk=nuptk(2), teaching_hours=30, **base)
    assert names(rank([a, b], P2007)) == ["b", "a"]
    c = teacher(name="c", nuptk=nuptk(3), additional_duty=3, **base)
    assert names(rank([a, c], P2007)) == ["c", "a"]
    d = teacher(name="d", nuptk=nuptk(4), achievement=4, **base)
    assert names(rank([a, d], P2007)) == ["d", "a"]


def test_earlier_keys_win_over_later_ones():
    a = teacher(name="a", nuptk=nuptk(1), teacher_since=D(1990, 1, 1), degree_date=None)
    b = teacher(
        name="b",
        nuptk=nuptk(2),
        teacher_since=D(1990, 2, 1),
        degree_date=None,
        birth_date=D(1950, 1, 1),
        rank="IV/e",
        teaching_hours=40,
        additional_duty=3,
        achievement=4,
    )
    assert names(rank([b, a], P2007)) == ["a", "b"]
    assert names(rank([a, b], P2012)) == ["b", "a"]  # 2012: age first


def test_ties_go_to_the_lower_nuptk_then_the_name():
    a = teacher(name="Zaenal", nuptk=nuptk(1))
    b = teacher(name="Ani", nuptk=nuptk(2))
    c = teacher(name="Budi", nuptk=nuptk(2))
    assert names(rank([c, b, a], P2007)) == ["Zaenal", "Ani", "Budi"]


def test_exact_duplicates_do_not_depend_on_the_input_order():
    a = teacher(name="Ani", region="3402")
    b = teacher(name="Ani", region="3404")
    assert [r.candidate for r in rank([a, b], P2007)] == [r.candidate for r in rank([b, a], P2007)]
    assert [r.candidate for r in rank([b, a, a], P2007)] == [a, a, b]


def test_positions_and_factors_follow_the_year_order():
    ranked = rank([teacher(rank="IV/a", teaching_hours=300, additional_duty=9)], P2007)
    assert ranked[0].position == 1
    assert ranked[0].factors == (
        ("service", 17 * 12),
        ("age", "1965-06-15"),
        ("rank", "IV/a"),
        ("teaching_load", 255),
        ("additional_duty", 7),
        ("achievement", 0),
    )
    assert rank([teacher()], P2012)[0].factors == (
        ("age", "1965-06-15"),
        ("service", 17 * 12),
        ("rank", "III/b"),
    )
    single = msgspec.structs.replace(P2007, ranking_keys=("achievement",))
    assert rank([teacher(achievement=-3)], single)[0].factors == (("achievement", 0),)


def test_an_empty_list_ranks_to_an_empty_list():
    assert rank([], P2007) == []


def test_absurd_values_are_clamped_into_their_field():
    many = teacher(
        name="a",
        nuptk=nuptk(1),
        teacher_since=D(1, 1, 1),
        degree_date=None,
        teaching_hours=-4,
        additional_duty=-1,
    )
    assert rank([many], P2007)[0].factors[0] == ("service", 4095)


@settings(max_examples=200)
@given(st.lists(candidates, max_size=30), st.randoms(use_true_random=False))
def test_any_input_order_gives_the_same_ranking(items, rnd):
    first = rank(items, P2007)
    shuffled = list(items)
    rnd.shuffle(shuffled)
    again = rank(shuffled, P2007)
    assert [(r.candidate, r.position, r.factors) for r in first] == [
        (r.candidate, r.position, r.factors) for r in again
    ]
    assert [r.position for r in first] == list(range(1, len(items) + 1))


@settings(max_examples=200)
@given(candidates)
def test_the_service_factor_is_the_counted_service(c):
    factors = dict(rank([c], P2007)[0].factors)
    assert factors["service"] == min(service_months(c, P2007), 4095)


def test_a_shuffled_thousand_ranks_the_same():
    rnd = random.Random(5)  # nosec B311 # seeded test data, no secret
    items = [
        teacher(
            name=f"t{i}",
            nuptk=nuptk(rnd.randrange(10**6)),
            teacher_since=D(1980 + rnd.randrange(20), 1 + rnd.randrange(12), 1),
            birth_date=D(1950 + rnd.randrange(20), 1, 1 + rnd.randrange(28)),
            teaching_hours=rnd.randrange(40),
        )
        for i in range(1000)
    ]
    expected = rank(items, P2007)
    rnd.shuffle(items)
    assert [r.candidate for r in rank(items, P2007)] == [r.candidate for r in expected]


def test_the_shared_date_caches_start_again_when_full(monkeypatch):
    from sergur.rules.selection import ranking

    items = [
        teacher(
            name=f"t{i}",
            nuptk=nuptk(i),
            birth_date=D(1960, 1, 1 + i),
            teacher_since=D(1990, 1, 1 + i),
            degree_date=None,
        )
        for i in range(3)
    ]
    expected = rank(items, P2007)
    monkeypatch.setattr(ranking, "_CACHE_LIMIT", 0)
    ranking._BORN.clear()
    ranking._MONTHS.clear()
    assert rank(items, P2007) == expected
    assert len(ranking._BORN) <= 1 and len(ranking._MONTHS) <= 1
