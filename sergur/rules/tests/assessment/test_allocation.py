"""Allocating two blind assessors per portfolio: subject, conflicts of interest, load."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sergur.rules.assessment.allocation import (
    AllocationPlan,
    AssessorSlot,
    PortfolioSlot,
    allocate,
    conflicts,
    obstacles,
)
from sergur.rules.messages import Message, msg
from sergur.rules.tests.strategies import RULES_SETTINGS

SUBJECTS = ("MAT", "BIN", "IPA")


def portfolio(
    case: int,
    *,
    teacher: int | None = None,
    subject: str = "MAT",
    school: int | None = 1,
    district: int | None = 10,
) -> PortfolioSlot:
    return PortfolioSlot(
        case=case,
        teacher=case + 1000 if teacher is None else teacher,
        subject=subject,
        school=school,
        district=district,
    )


def assessor(
    number: int,
    *,
    subjects: tuple[str, ...] = ("MAT",),
    school: int | None = 99,
    district: int | None = 90,
    related: tuple[int, ...] = (),
    capacity: int = 10,
    load: int = 0,
    active: bool = True,
) -> AssessorSlot:
    return AssessorSlot(
        id=number,
        subjects=frozenset(subjects),
        school=school,
        district=district,
        related_teachers=frozenset(related),
        capacity=capacity,
        load=load,
        active=active,
    )


def codes(messages: tuple[Message, ...]) -> list[str]:
    return [m.code for m in messages]


# -- conflicts and obstacles ------------------------------------------------------------------


def test_an_unrelated_active_assessor_from_elsewhere_has_no_conflict() -> None:
    assert conflicts(portfolio(1), assessor(1)) == ()


def test_every_conflict_is_named() -> None:
    who = assessor(1, school=1, district=10, related=(1001,), active=False)
    assert codes(conflicts(portfolio(1), who)) == [
        "allocation.inactive",
        "allocation.same_school",
        "allocation.same_district",
        "allocation.related",
    ]


def test_an_unknown_school_or_district_is_no_conflict() -> None:
    who = assessor(1, school=None, district=None)
    assert conflicts(portfolio(1, school=None, district=None), who) == ()


def test_obstacles_add_subject_and_full_load_to_the_conflicts() -> None:
    who = assessor(1, subjects=("BIN",), school=1, capacity=2, load=2)
    assert codes(obstacles(portfolio(1), who)) == [
        "allocation.subject",
        "allocation.same_school",
        "allocation.full",
    ]
    assert obstacles(portfolio(1), assessor(1, capacity=2, load=2), load=1) == ()
    assert obstacles(portfolio(1), assessor(1)) == ()


def test_obstacle_messages_read_in_both_languages() -> None:
    text = obstacles(portfolio(1), assessor(1, subjects=("BIN",)))[0]
    assert text.text("en") == "The assessor does not assess subject MAT."
    assert "MAT" in text.text("id")


# -- allocate ----------------------------------------------------------------------------------


def test_two_least_loaded_assessors_are_chosen_ties_by_id() -> None:
    plan = allocate([portfolio(1)], [assessor(3), assessor(2, load=1), assessor(1)])
    assert plan.placed == {1: (1, 3)}
    assert plan.unplaced == {}
    assert plan.loads == {1: 1, 2: 1, 3: 1}


def test_the_subject_must_match() -> None:
    plan = allocate(
        [portfolio(1, subject="BIN")],
        [assessor(1), assessor(2, subjects=("BIN", "MAT")), assessor(3, subjects=("BIN",))],
    )
    assert plan.placed == {1: (2, 3)}


def test_conflicted_assessors_are_never_chosen() -> None:
    plan = allocate(
        [portfolio(1)],
        [
            assessor(1, school=1),
            assessor(2, district=10),
            assessor(3, related=(1001,)),
            assessor(4, active=False),
            assessor(5),
            assessor(6),
        ],
    )
    assert plan.placed == {1: (5, 6)}


def test_a_case_without_enough_assessors_of_its_subject_is_unplaced_with_the_reason() -> None:
    plan = allocate([portfolio(1, subject="IPA")], [assessor(1, subjects=("IPA",)), assessor(2)])
    assert plan.placed == {}
    assert plan.unplaced == {
        1: (msg("allocation.too_few_subject", subject="IPA", found=1, needed=2),)
    }
    assert plan.loads == {1: 0, 2: 0}
    assert "IPA" in plan.unplaced[1][0].text("en")


def test_a_case_whose_candidates_all_conflict_is_unplaced_with_the_reason() -> None:
    plan = allocate([portfolio(1)], [assessor(1, school=1), assessor(2), assessor(3, district=10)])
    assert plan.unplaced == {
        1: (msg("allocation.conflicted", subject="MAT", conflicted=2, free=1, needed=2),)
    }


def test_a_case_is_unplaced_when_capacity_is_exhausted_and_takes_no_partial_load() -> None:
    plan = allocate(
        [portfolio(1), portfolio(2)], [assessor(1, capacity=2), assessor(2, capacity=1)]
    )
    assert plan.placed == {1: (1, 2)}
    assert plan.unplaced == {2: (msg("allocation.capacity", subject="MAT", room=1, needed=2),)}
    assert plan.loads == {1: 1, 2: 1}


def test_the_hardest_portfolio_is_placed_first() -> None:
    # Case 2 can only use assessors 1 and 2; case 1 could use any. Placing by case id alone
    # would give case 1 assessors 1 and 2 and leave case 2 without room.
    pool = [
        assessor(1, subjects=("MAT", "BIN"), capacity=1),
        assessor(2, subjects=("MAT", "BIN"), capacity=1),
        assessor(3),
        assessor(4),
    ]
    plan = allocate([portfolio(1), portfolio(2, subject="BIN")], pool)
    assert plan.placed == {1: (3, 4), 2: (1, 2)}


def test_excluded_assessors_are_not_used_for_that_case() -> None:
    pool = [assessor(1), assessor(2), assessor(3)]
    plan = allocate(
        [portfolio(1), portfolio(2)], pool, per_portfolio=1, exclude={1: frozenset({1, 2})}
    )
    assert plan.placed == {1: (3,), 2: (1,)}


def test_kept_assessors_come_first_when_still_eligible() -> None:
    pool = [assessor(1), assessor(2), assessor(3, load=5), assessor(4, school=1)]
    plan = allocate([portfolio(1)], pool, keep={1: (4, 3, 3)})
    # 4 now conflicts and is dropped; 3 is kept despite its load; 1 fills the empty slot.
    assert plan.placed == {1: (3, 1)}


def test_kept_assessors_beyond_the_slots_or_unknown_are_ignored() -> None:
    pool = [assessor(1), assessor(2), assessor(3)]
    plan = allocate([portfolio(1)], pool, keep={1: (9, 3, 2, 1)})
    assert plan.placed == {1: (3, 2)}


def test_a_full_kept_assessor_is_replaced() -> None:
    pool = [assessor(1), assessor(2), assessor(3, capacity=1, load=1)]
    plan = allocate([portfolio(1)], pool, keep={1: (3,)})
    assert plan.placed == {1: (1, 2)}


def test_duplicate_cases_or_assessors_are_refused() -> None:
    with pytest.raises(ValueError, match="case 1 appears twice"):
        allocate([portfolio(1), portfolio(1)], [assessor(1)])
    with pytest.raises(ValueError, match="assessor 1 appears twice"):
        allocate([portfolio(1)], [assessor(1), assessor(1)])
    with pytest.raises(ValueError, match="per_portfolio"):
        allocate([], [], per_portfolio=0)


def test_nothing_to_allocate_gives_an_empty_plan() -> None:
    assert allocate([], [assessor(1)]) == AllocationPlan(placed={}, unplaced={}, loads={1: 0})


# -- properties --------------------------------------------------------------------------------

portfolios_st = st.lists(
    st.builds(
        PortfolioSlot,
        case=st.integers(1, 60),
        teacher=st.integers(1, 30),
        subject=st.sampled_from(SUBJECTS),
        school=st.none() | st.integers(1, 5),
        district=st.none() | st.integers(1, 3),
    ),
    max_size=25,
    unique_by=lambda p: p.case,
)
assessors_st = st.lists(
    st.builds(
        AssessorSlot,
        id=st.integers(1, 40),
        subjects=st.frozensets(st.sampled_from(SUBJECTS), min_size=1),
        school=st.none() | st.integers(1, 5),
        district=st.none() | st.integers(1, 3),
        related_teachers=st.frozensets(st.integers(1, 30), max_size=3),
        capacity=st.integers(0, 6),
        load=st.integers(0, 3),
        active=st.booleans(),
    ),
    max_size=12,
    unique_by=lambda a: a.id,
)


@RULES_SETTINGS
@given(portfolios_st, assessors_st, st.integers(1, 3), st.randoms(use_true_random=False))
def test_every_plan_is_valid_and_independent_of_input_order(
    portfolios: list[PortfolioSlot],
    assessors: list[AssessorSlot],
    per_portfolio: int,
    rng: random.Random,
) -> None:
    keep = {p.case: tuple(a.id for a in assessors[:2]) for p in portfolios[::2]}
    exclude = {p.case: frozenset(a.id for a in assessors[-1:]) for p in portfolios[1::3]}
    plan = allocate(portfolios, assessors, per_portfolio=per_portfolio, keep=keep, exclude=exclude)
    by_case = {p.case: p for p in portfolios}
    by_id = {a.id: a for a in assessors}
    assert set(plan.placed) | set(plan.unplaced) == set(by_case)
    assert not set(plan.placed) & set(plan.unplaced)
    for case, chosen in plan.placed.items():
        assert len(chosen) == per_portfolio == len(set(chosen))
        for number in chosen:
            assert conflicts(by_case[case], by_id[number]) == ()
            assert by_case[case].subject in by_id[number].subjects
            assert number not in exclude.get(case, frozenset())
    for number, who in by_id.items():
        taken = sum(number in chosen for chosen in plan.placed.values())
        assert plan.loads[number] == who.load + taken
        if taken:
            assert plan.loads[number] <= who.capacity
    for reasons in plan.unplaced.values():
        assert len(reasons) == 1
        assert reasons[0].text("en")

    shuffled_p, shuffled_a = portfolios[:], assessors[:]
    rng.shuffle(shuffled_p)
    rng.shuffle(shuffled_a)
    again = allocate(
        shuffled_p, shuffled_a, per_portfolio=per_portfolio, keep=keep, exclude=exclude
    )
    assert again == plan


@RULES_SETTINGS
@given(st.integers(0, 40), st.integers(2, 9), st.integers(1, 3), st.integers(0, 20))
def test_with_equal_eligibility_loads_differ_by_at_most_one(
    cases: int, assessors: int, per_portfolio: int, capacity: int
) -> None:
    per_portfolio = min(per_portfolio, assessors)
    pool = [assessor(n, capacity=capacity) for n in range(1, assessors + 1)]
    plan = allocate([portfolio(c) for c in range(1, cases + 1)], pool, per_portfolio=per_portfolio)
    assert max(plan.loads.values()) - min(plan.loads.values()) <= 1
    assert max(plan.loads.values()) <= capacity
