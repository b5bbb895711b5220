"""The columnar national run gives exactly the reference's eligibility, order and selection."""

from __future__ import annotations

from collections import defaultdict
from typing import Any
from unittest.mock import patch

import msgspec
import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from sergur.rules.selection import Candidate, Ranked
from sergur.rules.selection.eligibility import check
from sergur.rules.selection.national import (
    GROUPS,
    REASONS,
    SCHEMA,
    candidates_of,
    check_frame,
    counts_of,
    eligibility_of,
    frame_of,
    rank_frame,
    ranked_of,
    reason_codes,
    select_frame,
    with_places,
)
from sergur.rules.selection.national import ranking as national_ranking
from sergur.rules.selection.params import RANKS, SelectionParams, selection_params
from sergur.rules.selection.quota import Level, allocate_nation, select
from sergur.rules.selection.ranking import rank
from sergur.rules.tests.selection.helpers import P2007, D, teacher

P2012 = msgspec.structs.replace(P2007, ranking_keys=("age", "service", "rank"))
YEAR_2012 = selection_params(2012)  # the 2012 rules: 50/20 route, guru tetap, from the degree
YEARS = [P2007, P2012, YEAR_2012]

# Days on and next to the limits of 2007 (teacher on 30 Dec 2005, under 60 on 1 Jan 2008,
# counted at 1 Jan 2008), 29 February and month ends, so the date arithmetic meets its edges.
EDGES = [
    D(2005, 12, 29),
    D(2005, 12, 30),
    D(2005, 12, 31),
    D(1947, 12, 31),
    D(1948, 1, 1),
    D(1948, 1, 2),
    D(1957, 12, 31),
    D(1958, 1, 1),
    D(1952, 2, 29),
    D(1988, 1, 1),
    D(1987, 12, 31),
    D(1988, 1, 31),
    D(2006, 1, 1),
    D(2007, 12, 31),
    D(2008, 1, 1),
]
dates = st.sampled_from(EDGES) | st.dates(min_value=D(1930, 1, 1), max_value=D(2010, 12, 31))
births = st.sampled_from(EDGES[3:10]) | st.dates(min_value=D(1935, 1, 1), max_value=D(1990, 12, 31))

# "Ani" and "Ani " (or 'Ani"') order differently by name and by encoded record.
names = st.sampled_from(["Ani", "Ani ", 'Ani"', "Budi", "Citra", "", "Édi", "Zaki"])
teachers = st.builds(
    Candidate,
    nuptk=st.sampled_from(
        ["", "123", "12345678901234x6", "１２３４５６７８９０１２３４５６", "1" * 17]
    )
    | st.sampled_from(["1000000000000001", "1000000000000002"])
    | st.from_regex(r"[0-9]{16}", fullmatch=True),
    name=names,
    birth_date=births,
    employment=st.sampled_from(["pns", "non_pns", "pns", "non_pns", "contract"]),
    rank=st.sampled_from(["", "II/a", "III/d", "IV/a", "IV/e", "V/z", *RANKS]),
    has_inpassing=st.booleans(),
    education_level=st.sampled_from(["SMA", "D1", "D2", "D3", "S1", "D4", "S2", "S3"]),
    degree_date=st.none() | dates,
    teacher_since=st.none() | dates,
    permanent_since=st.none() | dates,
    service_gap_months=st.sampled_from([0, 0, 12]) | st.integers(-20, 500),
    teaching_hours=st.sampled_from([24, 24, 18]) | st.integers(-5, 300),
    additional_duty=st.sampled_from([0, 0, 1]) | st.integers(-1, 9),
    achievement=st.sampled_from([0, 0, 2]) | st.integers(-1, 9),
    certified=st.booleans(),
    region=st.sampled_from(["3402", "3404", "6303"]),
    school_level=st.sampled_from(["SD", "SMP", "SLB"]),
    subject_code=st.sampled_from(["180", "156"]),
)


@st.composite
def cohorts(draw: st.DrawFn) -> list[Candidate]:
    """Random teachers, some copied exactly, some with another subject (equal in every
    ranking key, NUPTK and name: only the encoded record orders them) and some with another
    name (only the name orders them)."""
    base = draw(st.lists(teachers, max_size=40))
    out = list(base)
    if base:
        picks = st.integers(0, len(base) - 1)
        for i in draw(st.lists(picks, max_size=6)):
            out.append(base[i])
        for i in draw(st.lists(picks, max_size=6)):
            out.append(msgspec.structs.replace(base[i], subject_code="999"))
        for i in draw(st.lists(picks, max_size=6)):
            out.append(msgspec.structs.replace(base[i], name=draw(names)))
    return draw(st.permutations(out))


def reference_codes(c: Candidate, params: SelectionParams) -> tuple[str, ...]:
    return tuple(m.code for m in check(c, params).reasons)


def by_group(items: list[Candidate]) -> dict[Level, list[Candidate]]:
    groups: dict[Level, list[Candidate]] = defaultdict(list)
    for c in items:
        groups[(c.region[:2], c.region[2:], c.school_level)].append(c)
    return groups


@settings(max_examples=300, deadline=None)
@given(cohorts(), st.sampled_from([P2007, YEAR_2012]))
def test_eligibility_in_columns_is_the_reference(
    items: list[Candidate], params: SelectionParams
) -> None:
    checked = check_frame(frame_of(items), params)
    assert candidates_of(checked) == items
    for c, flags, eligible in zip(items, checked["reasons"], checked["eligible"], strict=True):
        assert reason_codes(flags) == reference_codes(c, params)
        assert eligible == check(c, params).eligible
    assert eligibility_of(checked, P2007) == [check(c, P2007) for c in items]


@settings(max_examples=300, deadline=None)
@given(cohorts(), st.sampled_from(YEARS), st.sampled_from([63, 0]))
def test_ranking_in_columns_is_the_reference(
    items: list[Candidate], params: SelectionParams, pack_bits: int
) -> None:
    # 0 bits: the keys do not fit one integer and the sort takes the key columns.
    with patch.object(national_ranking, "PACK_BITS", pack_bits):
        ranked = rank_frame(frame_of(items), params)
    assert candidates_of(ranked) == items  # the rows keep their order
    assert ranked_of(ranked.sort("group", "position"), params) == rank(items, params)


@settings(max_examples=200, deadline=None)
@given(cohorts(), st.integers(0, 60), st.sampled_from(YEARS))
def test_the_national_run_in_columns_is_the_reference(
    items: list[Candidate], total: int, params: SelectionParams
) -> None:
    checked = check_frame(frame_of(items), params)
    eligible = [c for c in items if check(c, params).eligible]
    groups = by_group(eligible)
    counts = {level: len(members) for level, members in groups.items()}
    assert counts_of(checked) == counts

    ranked = rank_frame(with_places(checked.filter(pl.col("eligible"))), params, GROUPS)
    in_order = ranked.sort("group", "position")
    expected = {level: rank(members, params) for level, members in groups.items()}
    got: dict[Level, list[Ranked]] = defaultdict(list)
    levels = in_order.select(GROUPS).iter_rows()
    for level, item in zip(levels, ranked_of(in_order, params), strict=True):
        got[level].append(item)
    assert got == expected

    if counts:
        quotas = allocate_nation(total, counts)
        chosen = {level: select(expected[level], quotas[level], params) for level in expected}
        assert select_frame(ranked, quotas, params) == chosen


def test_every_route_and_every_reason_agree_with_the_reference() -> None:
    old = D(1955, 1, 1)
    cohort: dict[str, dict[str, Any]] = {
        "direct S1": {},
        "direct S3": {"education_level": "S3"},
        "route 1: 50 with 20 years": {
            "education_level": "D2",
            "birth_date": D(1962, 12, 31),
            "teacher_since": D(1993, 1, 1),
        },
        "route 1 one month short": {
            "education_level": "D2",
            "birth_date": old,
            "teacher_since": D(1993, 1, 1),
            "service_gap_months": 1,
        },
        "route 2: PNS IV/a": {"education_level": "SMA", "rank": "IV/a"},
        "route 2: inpassing": {
            "education_level": "D3",
            "rank": "IV/b",
            "employment": "non_pns",
            "has_inpassing": True,
            "permanent_since": D(2000, 1, 1),
        },
        "route 2 without inpassing": {
            "education_level": "D3",
            "rank": "IV/b",
            "employment": "non_pns",
            "permanent_since": D(2000, 1, 1),
        },
        "non-PNS permanent two years": {
            "employment": "non_pns",
            "permanent_since": D(2011, 1, 1),
        },
        "non-PNS permanent a day short": {
            "employment": "non_pns",
            "permanent_since": D(2011, 1, 2),
        },
        "non-PNS without SK": {"employment": "non_pns"},
        "non-PNS a month short of service": {
            "employment": "non_pns",
            "teacher_since": D(2005, 12, 30),
            "service_gap_months": 85,
            "permanent_since": D(2000, 1, 1),
        },
        "no NUPTK": {"nuptk": ""},
        "bad NUPTK": {"nuptk": "12345"},
        "unknown employment": {"employment": "honorer"},
        "no appointment": {"teacher_since": None},
        "appointed late": {"teacher_since": D(2005, 12, 31)},
        "60 on the cut-off day": {"birth_date": D(1953, 1, 1)},
        "retired": {"birth_date": D(1947, 12, 31)},
        "certified": {"certified": True},
        "religion": {"subject_code": "127"},
    }
    items = [teacher(name=label, **changes) for label, changes in cohort.items()]
    seen: set[str] = set()
    eligible: dict[int, set[str]] = {}
    for params in (P2007, YEAR_2012):
        checked = check_frame(frame_of(items), params)
        codes = [reason_codes(flags) for flags in checked["reasons"]]
        assert codes == [reference_codes(c, params) for c in items]
        seen |= {code for found in codes for code in found}
        eligible[params.year] = {
            c.name for c, ok in zip(items, checked["eligible"], strict=True) if ok
        }
    assert eligible[2012] == {
        "direct S1",
        "direct S3",
        "route 1: 50 with 20 years",
        "route 2: PNS IV/a",
        "route 2: inpassing",
        "non-PNS permanent two years",
        "non-PNS a month short of service",  # 2012 asks the years as guru tetap instead
    }
    assert eligible[2007] == {
        "direct S1",
        "direct S3",
        "non-PNS permanent two years",
        "non-PNS permanent a day short",
        "non-PNS without SK",
        "60 on the cut-off day",
    }
    assert seen == set(REASONS)


def test_an_empty_cohort_and_a_quota_without_teachers() -> None:
    empty = check_frame(frame_of([]), P2007)
    assert counts_of(empty) == {}
    ranked = rank_frame(with_places(empty), P2007, GROUPS)
    assert ranked_of(ranked, P2007) == []
    level = ("34", "02", "SD")
    assert select_frame(ranked, {level: 3}, P2007) == {level: select([], 3, P2007)}


def test_the_non_pns_share_reaches_below_the_quota() -> None:
    pns = [
        teacher(name=f"p{i}", nuptk=f"{1000000000000000 + i}", teaching_hours=40 - i)
        for i in range(6)
    ]
    non_pns = [
        teacher(
            name=f"n{i}",
            nuptk=f"{2000000000000000 + i}",
            employment="non_pns",
            permanent_since=D(2000, 1, 1),
            teaching_hours=10 - i,
        )
        for i in range(4)
    ]
    items = pns + non_pns
    ranked = rank_frame(with_places(check_frame(frame_of(items), P2007)), P2007, GROUPS)
    level = ("34", "02", "SD")
    chosen = select_frame(ranked, {level: 4}, P2007)[level]
    assert chosen == select(rank(items, P2007), 4, P2007)
    assert [p.reason for p in chosen.selected] == ["rank", "rank", "rank", "non_pns_share"]


def test_the_schema_has_every_candidate_field() -> None:
    assert tuple(SCHEMA) == Candidate.__struct_fields__


def test_a_group_without_a_quota_is_left_out() -> None:
    items = [teacher(name="a"), teacher(name="b", region="3404", nuptk="1234567890123457")]
    ranked = rank_frame(with_places(check_frame(frame_of(items), P2007)), P2007, GROUPS)
    level = ("34", "04", "SD")
    assert select_frame(ranked, {level: 1}, P2007) == {
        level: select(rank(items[1:], P2007), 1, P2007)
    }
