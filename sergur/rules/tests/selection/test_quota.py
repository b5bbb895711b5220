"""Quotas (docs/sources/domain.md §4.4): exact sums, the Bantul example, the non-PNS share,
moves."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sergur.rules.selection.quota import (
    QuotaError,
    allocate,
    allocate_nation,
    non_pns_required,
    redistribute,
    select,
    target_refusal,
)
from sergur.rules.selection.ranking import rank

from .helpers import P2007, D, teacher

weights = st.dictionaries(st.text(max_size=3), st.integers(0, 10**6), max_size=12)


@settings(max_examples=300)
@given(st.integers(0, 10**6), weights)
def test_parts_add_up_to_the_total_and_stay_within_one_of_the_exact_share(total, w):
    whole = sum(w.values())
    if whole == 0:
        if total:
            with pytest.raises(QuotaError):
                allocate(total, w)
        else:
            assert allocate(total, w) == dict.fromkeys(w, 0)
        return
    parts = allocate(total, w)
    assert sum(parts.values()) == total
    assert parts.keys() == w.keys()
    for key, weight in w.items():
        exact = Fraction(total * weight, whole)
        assert exact - 1 < parts[key] < exact + 1
        if weight == 0:
            assert parts[key] == 0


def test_equal_remainders_go_to_the_larger_weight_then_the_smaller_key():
    assert allocate(1, {"a": 1, "b": 1}) == {"a": 1, "b": 0}
    assert allocate(1, {"b": 1, "a": 1}) == {"a": 1, "b": 0}
    # 2 places over weights 1 and 3: shares 0.5 and 1.5, equal remainders → the larger weight.
    assert allocate(2, {"a": 1, "b": 3}) == {"a": 0, "b": 2}


def test_the_alabama_paradox_can_happen_and_is_accepted():
    # Hamilton is not monotone in the total: one more place overall, one fewer for "a".
    assert allocate(3, {"a": 1, "b": 3, "c": 3}) == {"a": 1, "b": 1, "c": 1}
    assert allocate(4, {"a": 1, "b": 3, "c": 3}) == {"a": 0, "b": 2, "c": 2}


def test_empty_and_zero():
    assert allocate(0, {}) == {}
    assert allocate(0, {"a": 0}) == {"a": 0}
    assert allocate(5, {"a": 0, "b": 2}) == {"a": 0, "b": 5}


@pytest.mark.parametrize(
    ("total", "w", "message"),
    [
        (-1, {"a": 1}, "the total must be a whole number"),
        (1.5, {"a": 1}, "the total must be a whole number"),
        (True, {"a": 1}, "the total must be a whole number"),
        (1, {"a": -1}, "the weight of 'a' must be a whole number"),
        (1, {"a": 0.5}, "the weight of 'a' must be a whole number"),
        (3, {}, "cannot allocate 3 places: there is nothing to divide by"),
    ],
)
def test_bad_input_is_named(total, w, message):
    with pytest.raises(QuotaError, match=message):
        allocate(total, w)


DIY = {"Bantul": 11_516, "Sleman": 14_000, "Kulon Progo": 7_500, "Gunungkidul": 10_510}
DIY["Kota Yogyakarta"] = 55_526 - sum(DIY.values())
BANTUL_LEVELS = {"SD": 4_427, "SMP": 3_000, "SMA": 1_800, "SMK": 1_900, "SLB": 389}


def test_the_bantul_example_of_facts_md():
    # KK = GK/GP × KP: 11,516 / 55,526 × 4,214 = 873.97 → 874.
    assert allocate(4_214, DIY)["Bantul"] == 874
    # KSp = GSp/GK × KK: 4,427 / 11,516 × 874 = 335.99 → 336.
    assert allocate(874, BANTUL_LEVELS)["SD"] == 336


def test_the_national_allocation_goes_province_district_level():
    counts = {}
    for district, total in DIY.items():
        levels = BANTUL_LEVELS if district == "Bantul" else {"SD": total}
        for level, n in levels.items():
            counts[("34", district, level)] = n
    counts[("35", "Blitar", "SD")] = 55_526  # another province of the same size
    result = allocate_nation(8_428, counts)
    assert sum(result.values()) == 8_428
    assert sum(v for (p, _d, _l), v in result.items() if p == "34") == 4_214
    assert sum(v for (_p, d, _l), v in result.items() if d == "Bantul") == 874
    assert result[("34", "Bantul", "SD")] == 336


@settings(max_examples=100)
@given(
    st.integers(0, 200_000),
    st.dictionaries(
        st.tuples(st.sampled_from("ABC"), st.sampled_from("xyz"), st.sampled_from(["SD", "SMP"])),
        st.integers(1, 50_000),
        min_size=1,
    ),
)
def test_the_national_allocation_always_adds_up(total, counts):
    result = allocate_nation(total, counts)
    assert sum(result.values()) == total
    assert result.keys() == counts.keys()


def test_a_bad_count_names_the_region():
    with pytest.raises(QuotaError, match="34/Bantul/SD: the teacher count"):
        allocate_nation(10, {("34", "Bantul", "SD"): -3})


def ranked_pool(pns: int, non_pns: int):
    people = [
        teacher(name=f"p{i}", nuptk=f"{i:016d}", teacher_since=D(1980 + i, 1, 1), degree_date=None)
        for i in range(pns)
    ] + [
        teacher(
            name=f"n{i}",
            nuptk=f"{100 + i:016d}",
            employment="non_pns",
            permanent_since=D(1990, 1, 1),
            teacher_since=D(1990 + i, 6, 1),
            degree_date=None,
        )
        for i in range(non_pns)
    ]
    return rank(people, P2007)


def test_the_non_pns_share_replaces_the_lowest_pns_picks():
    ranked = ranked_pool(pns=10, non_pns=3)
    result = select(ranked, 8, P2007)
    assert result.non_pns_required == 2  # ceil(0.25 × 8)
    chosen = [p.ranked.candidate.name for p in result.selected]
    assert chosen == ["p0", "p1", "p2", "p3", "p4", "p5", "n0", "n1"]
    assert [p.reason for p in result.selected][-2:] == ["non_pns_share", "non_pns_share"]
    assert [r.candidate.name for r, _m in result.displaced] == ["p6", "p7"]
    assert result.selected[-1].message.text("en") == (
        "Selected to meet the non-PNS minimum share (2 of 8 places; position 12)."
    )
    assert result.displaced[0][1].text("en") == (
        "The place at position 7 went to a non-PNS teacher to meet the non-PNS minimum share "
        "(2 of 8 places)."
    )
    assert result.selected[0].message.text("en") == "Selected by rank (position 1)."


def test_too_few_non_pns_take_what_there_is():
    result = select(ranked_pool(pns=10, non_pns=1), 8, P2007)
    assert [p.reason for p in result.selected].count("non_pns_share") == 1
    assert len(result.selected) == 8


def test_enough_non_pns_by_rank_need_no_replacement():
    ranked = ranked_pool(pns=0, non_pns=5)
    result = select(ranked, 3, P2007)
    assert [p.reason for p in result.selected] == ["rank"] * 3
    assert result.displaced == ()


def test_a_quota_larger_than_the_list_selects_everyone():
    result = select(ranked_pool(pns=2, non_pns=0), 5, P2007)
    assert len(result.selected) == 2 and result.non_pns_required == 2


def test_a_negative_quota_is_refused():
    with pytest.raises(QuotaError, match="the quota must be 0 or more"):
        select([], -1, P2007)


def test_the_share_rounds_up():
    assert non_pns_required(0, P2007) == 0
    assert non_pns_required(1, P2007) == 1
    assert non_pns_required(4, P2007) == 1
    assert non_pns_required(5, P2007) == 2
    p2011 = msgspec.structs.replace(P2007, non_pns_min_share=Decimal("0.15"))
    assert non_pns_required(20, p2011) == 3


def test_unfillable_quota_moves_to_districts_with_unmet_teachers():
    result = redistribute(
        {"Bantul": 100, "Sleman": 50, "Kulon Progo": 30},
        {"Bantul": 60, "Sleman": 80, "Kulon Progo": 50},
    )
    # 40 spare places; unmet: Sleman 30, Kulon Progo 20 → 24 and 16.
    assert result.quotas == {"Bantul": 60, "Sleman": 74, "Kulon Progo": 46}
    assert result.unplaced == 0
    assert [(m.source, m.target, m.places) for m in result.moves] == [
        ("Bantul", "Kulon Progo", 16),
        ("Bantul", "Sleman", 24),
    ]
    assert result.moves[0].reason.text("en") == (
        "Bantul has only 60 eligible teachers for a quota of 100: 16 places moved to Kulon Progo."
    )


def test_places_no_district_can_use_are_reported_unplaced():
    result = redistribute({"A": 10, "B": 5, "C": 3}, {"A": 2, "B": 7, "C": 0})
    assert result.quotas == {"A": 2, "B": 7, "C": 0}
    assert result.unplaced == 9
    assert [(m.source, m.target, m.places) for m in result.moves] == [
        ("A", "B", 2),
        ("A", "", 6),
        ("C", "", 3),
    ]
    assert "reported to the LPMP" in result.moves[1].reason.text("en")


def test_nothing_moves_when_every_district_can_fill_its_quota():
    result = redistribute({"A": 3}, {"A": 5, "Z": 9})
    assert result.quotas == {"A": 3} and result.moves == () and result.unplaced == 0


def test_redistribution_refuses_negative_numbers():
    with pytest.raises(QuotaError, match="A: the quota must be 0 or more"):
        redistribute({"A": -1}, {})
    with pytest.raises(QuotaError, match="A: the eligible count must be 0 or more"):
        redistribute({"A": 1}, {"A": -1})


@settings(max_examples=200)
@given(
    st.dictionaries(st.sampled_from("ABCDEFG"), st.integers(0, 500), min_size=1),
    st.dictionaries(st.sampled_from("ABCDEFG"), st.integers(0, 500)),
)
def test_redistribution_keeps_every_place_and_fills_no_district_beyond_its_teachers(q, e):
    result = redistribute(q, e)
    assert sum(result.quotas.values()) + result.unplaced == sum(q.values())
    moved = sum(m.places for m in result.moves)
    assert moved == sum(max(0, q[d] - e.get(d, 0)) for d in q)
    for district, quota in result.quotas.items():
        assert quota <= max(e.get(district, 0), q[district])


@pytest.mark.parametrize(
    ("target", "eligible", "code"),
    [
        (0, 0, None),
        (5, 5, None),
        (4, 5, None),
        (1, 0, "selection.target_nobody"),
        (6, 5, "selection.target_too_big"),
    ],
)
def test_a_target_above_the_eligible_teachers_is_refused(target, eligible, code):
    refusal = target_refusal(target, eligible)

    assert (refusal.code if refusal else None) == code
    if refusal is not None:
        assert str(target) in refusal.text("en")
