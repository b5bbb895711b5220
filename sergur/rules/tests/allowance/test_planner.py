"""The teaching-load planner: hand cases, and optimality proven against brute force on small
random districts (docs/allowance.md, "Teaching-load planner"; seed 002)."""

from __future__ import annotations

import itertools
import math
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sergur.rules.allowance.planner import (
    TAKES_BUDGET,
    District,
    FixKind,
    Limits,
    PlannerError,
    School,
    Slot,
    Teacher,
    _not_proven,
    check_limits,
    km_between,
    plan,
    tenths,
    what_if,
)

LIMITS = Limits(min_hours=24, max_hours=40, max_schools=3, max_km=15.0)
# Seed 002's school (8 classes, under 200 pupils) and its neighbours, a few km apart.
HOME = School("SMP-K", "SMP Kemingking", -1.5600, 103.7000, 180)
NEAR = School("SMP-N", "SMP Near", -1.5800, 103.7200, 420)  # about 3 km
FAR = School("SMP-F", "SMP Far", -1.8000, 103.9000, 350)  # about 35 km


def _district(teachers, slots, schools=(HOME, NEAR, FAR)):
    return District(tuple(schools), tuple(teachers), tuple(slots))


def test_a_short_teacher_gets_the_nearest_hours_that_reach_the_minimum():
    biology = Teacher("t1", "SMP-K", 18, "190", ("097",))
    slots = [
        Slot("n1", "SMP-N", "VIII-A", "097", 5),
        Slot("n2", "SMP-N", "VIII-B", "097", 5),
        Slot("f1", "SMP-F", "IX-A", "097", 6),
    ]
    result = plan(_district([biology], slots), LIMITS)
    [mine] = result.teachers
    assert mine.reaches and mine.hours_added == 10
    assert mine.schools == ("SMP-N",)
    assert {a.slot.key for a in mine.assignments} == {"n1", "n2"}
    assert mine.travel_km == pytest.approx(3.1, abs=0.1)
    assert (result.reached, result.short, result.already, result.schools) == (1, 1, 0, 1)
    assert result.optimal and result.gap == 0
    assert result.reasons[0].text("en").startswith("The plan brings 1 of 1 certified teacher ")


def test_hours_at_the_main_school_come_before_travel():
    teacher = Teacher("t1", "SMP-K", 20, "097")
    slots = [Slot("home", "SMP-K", "VII-A", "097", 4), Slot("near", "SMP-N", "VII-A", "097", 4)]
    [mine] = plan(_district([teacher], slots), LIMITS).teachers
    assert [a.slot.key for a in mine.assignments] == ["home"]
    assert mine.schools == ("SMP-K",) and mine.travel_km == 0


def test_reaching_more_teachers_wins_over_travel():
    a = Teacher("a", "SMP-K", 20, "097")
    b = Teacher("b", "SMP-K", 20, "097")
    slots = [Slot("k", "SMP-K", "VII", "097", 4), Slot("n", "SMP-N", "VII", "097", 4)]
    result = plan(_district([a, b], slots), LIMITS)
    assert result.reached == 2 and result.schools == 1
    assert result.travel_tenths == tenths(km_between(HOME, NEAR))


def test_the_cap_and_the_distance_limit_hold():
    teacher = Teacher("t1", "SMP-K", 22, "097")
    slots = [Slot("big", "SMP-K", "VII", "097", 20), Slot("far", "SMP-F", "VII", "097", 4)]
    [mine] = plan(_district([teacher], slots), LIMITS).teachers
    assert not mine.reaches and mine.assignments == ()
    kinds = [fix.kind for fix in mine.fixes]
    assert kinds[0] is FixKind.MORE_HOURS
    assert mine.fixes[0].message.text("en") == "2 more hours of 097 within 15 km."
    assert mine.fixes[0].message.text("id") == "2 JP lagi mata pelajaran 097 dalam jarak 15 km."
    assert FixKind.FARTHER in kinds
    farther = next(f for f in mine.fixes if f.kind is FixKind.FARTHER)
    km = round(km_between(HOME, FAR) + 0.5)
    assert farther.message.text("en") == f"Teaching at schools up to {km} km from the main school."
    assert FixKind.LOWER_MINIMUM in kinds


def test_a_teacher_with_no_hours_anywhere_needs_the_whole_shortfall():
    teacher = Teacher("t1", "SMP-K", 0, "ART")
    [mine] = plan(_district([teacher], []), LIMITS).teachers
    assert [fix.kind for fix in mine.fixes] == [FixKind.MORE_HOURS]
    assert mine.fixes[0].message.text("en") == "24 more hours of ART within 15 km."


def test_the_fixes_name_the_minimum_for_the_school_size_and_one_school_more():
    teacher = Teacher("t1", "SMP-K", 12, "097")
    third = School("SMP-T", "SMP Third", -1.5600, 103.7300, 300)  # about 3 km
    slots = [Slot("n", "SMP-N", "VII", "097", 6), Slot("t", "SMP-T", "VII", "097", 6)]
    limits = replace(LIMITS, max_schools=2)
    [mine] = plan(_district([teacher], slots, (HOME, NEAR, third)), limits).teachers
    texts = {fix.kind: fix.message.text("en") for fix in mine.fixes}
    assert texts[FixKind.MORE_HOURS] == "6 more hours of 097 within 15 km."
    assert texts[FixKind.LOWER_MINIMUM] == "A minimum of 18 JP for schools under 181 pupils."
    assert texts[FixKind.MORE_SCHOOLS] == "Teaching in 3 schools (the main school included)."
    assert FixKind.FARTHER not in texts


@pytest.mark.parametrize("budget", [TAKES_BUDGET, 0], ids=["takes", "compact"])
def test_the_cap_on_schools_holds_in_both_programs(budget):
    # Two near schools with 2 hours each, or one 5 km away with all 4: the near pair travels
    # less, and is refused when only one other school is allowed (each program holds the cap by
    # its own rows).
    teacher = Teacher("t1", "SMP-K", 20, "097")
    west = School("SMP-W", "SMP West", -1.5600, 103.6865, 300)  # about 1.5 km
    east = School("SMP-E", "SMP East", -1.5600, 103.7135, 300)  # about 1.5 km
    five = School("SMP-5", "SMP Five", -1.5600, 103.7450, 300)  # about 5 km
    slots = [
        Slot("w", "SMP-W", "VII", "097", 2),
        Slot("e", "SMP-E", "VII", "097", 2),
        Slot("5", "SMP-5", "VII", "097", 4),
    ]
    district = _district([teacher], slots, (HOME, west, east, five))
    freer = plan(district, LIMITS, budget=budget)
    assert freer.optimal and set(freer.teachers[0].schools) == {"SMP-E", "SMP-W"}
    capped = plan(district, replace(LIMITS, max_schools=2), budget=budget)
    assert capped.optimal and capped.teachers[0].schools == ("SMP-5",)
    assert capped.travel_tenths > freer.travel_tenths


def test_each_stage_reports_its_parts_time_and_proof():
    a = Teacher("a", "SMP-K", 20, "097")
    b = Teacher("b", "SMP-K", 20, "097")
    slots = [Slot("k", "SMP-K", "VII", "097", 4), Slot("n", "SMP-N", "VII", "097", 4)]
    result = plan(_district([a, b], slots), LIMITS)
    reach, travel = result.stages
    # The greedy start reaches both teachers, which meets the bound: no search for reach.
    assert (reach.name, reach.parts, reach.largest, reach.gap) == ("reach", 0, 0, 0.0)
    assert (travel.name, travel.parts, travel.largest, travel.gap) == ("travel", 1, 2, 0.0)
    assert (reach.proven, travel.proven) == (0, 1)
    assert reach.optimal and travel.optimal and travel.seconds >= 0
    assert (result.parts, result.largest, result.optimal) == (1, 2, True)
    assert len(result.reasons) == 1


@pytest.mark.parametrize("budget", [TAKES_BUDGET, 0], ids=["takes", "compact"])
def test_a_search_stopped_by_its_time_limit_keeps_a_plan_and_says_it_is_not_proven(budget):
    a = Teacher("a", "SMP-K", 20, "097")
    b = Teacher("b", "SMP-K", 20, "097")
    slots = [Slot("k", "SMP-K", "VII", "097", 4), Slot("n", "SMP-N", "VII", "097", 4)]
    result = plan(_district([a, b], slots), LIMITS, seconds=0.0, budget=budget)
    # The feasible start is kept (both reach the minimum), with no proof and no bound.
    assert result.reached == 2 and not result.optimal and result.gap == math.inf
    assert not result.stages[1].optimal and result.stages[1].proven == 0
    assert result.reasons[1].text("en") == (
        "The solver stopped at its time limit before proving this plan optimal, with no bound "
        "on how far it is from the best."
    )
    answer = what_if(_district([a, b], slots), LIMITS, pupils_below=200, min_hours=20, seconds=0)
    assert answer.reached_now == 2


def test_a_gap_found_before_the_time_limit_is_reported_in_percent():
    assert _not_proven(0.0127).text("en") == (
        "The solver stopped at its time limit before proving this plan optimal: a better plan "
        "may exist, by up to 1.27% (the MIP gap)."
    )
    assert "1,27%" in _not_proven(0.0127).text("id")


def test_teachers_at_the_minimum_are_left_alone():
    slots = [Slot("k", "SMP-K", "VII", "097", 4)]
    result = plan(_district([Teacher("t1", "SMP-K", 24, "097")], slots), LIMITS)
    assert (result.teachers, result.already, result.parts) == ((), 1, 0)


def test_alike_slots_go_to_different_teachers_once_each():
    teachers = [Teacher(f"t{i}", "SMP-K", 20, "097") for i in range(3)]
    slots = [Slot(f"s{i}", "SMP-N", f"VII-{i}", "097", 4) for i in range(2)]
    result = plan(_district(teachers, slots), LIMITS)
    taken = [a.slot.key for tp in result.teachers for a in tp.assignments]
    assert sorted(taken) == ["s0", "s1"] and result.reached == 2


def test_what_if_counts_teachers_under_a_lower_minimum_for_small_schools():
    small = Teacher("t1", "SMP-K", 20, "097")  # 180 pupils
    large = Teacher("t2", "SMP-N", 20, "097")  # 420 pupils
    answer = what_if(_district([small, large], []), LIMITS, pupils_below=200, min_hours=20)
    assert (answer.reached_now, answer.reached_then, answer.more) == (0, 1, 1)


def test_unknown_schools_and_bad_limits_are_refused():
    with pytest.raises(PlannerError, match="teacher t1: unknown school X"):
        plan(_district([Teacher("t1", "X", 1, "097")], []), LIMITS)
    with pytest.raises(PlannerError, match="open hours s: unknown school X"):
        plan(_district([], [Slot("s", "X", "VII", "097", 1)]), LIMITS)
    for bad in (
        replace(LIMITS, min_hours=0),
        replace(LIMITS, min_hours=41),
        replace(LIMITS, small_pupils=200, small_min_hours=0),
        replace(LIMITS, max_schools=0),
        replace(LIMITS, max_km=-1),
    ):
        with pytest.raises(PlannerError):
            check_limits(bad)


def test_distances_are_great_circle_km():
    equator = School("a", "a", 0, 0, 1)
    one_degree = School("b", "b", 0, 1, 1)
    assert km_between(equator, one_degree) == pytest.approx(111.195, abs=0.01)
    assert tenths(1.04) == 10 and tenths(1.05) == 11


# Brute force: every way of giving each open slot to a short teacher or to nobody.

SUBJECTS = ("A", "B")


@st.composite
def districts(draw):
    count = draw(st.integers(2, 4))
    schools = tuple(
        School(
            f"S{i}",
            f"S{i}",
            draw(st.floats(0, 0.15)),
            draw(st.floats(0, 0.15)),
            draw(st.sampled_from([150, 250])),
        )
        for i in range(count)
    )
    keys = [s.key for s in schools]
    teachers = tuple(
        Teacher(
            f"T{i}",
            draw(st.sampled_from(keys)),
            draw(st.integers(14, 23)),
            draw(st.sampled_from(SUBJECTS)),
            draw(st.sampled_from([(), ("A",), ("B",)])),
        )
        for i in range(draw(st.integers(1, 3)))
    )
    slots = tuple(
        Slot(
            f"O{i}",
            draw(st.sampled_from(keys)),
            f"K{i}",
            draw(st.sampled_from(SUBJECTS)),
            draw(st.integers(1, 6)),
        )
        for i in range(draw(st.integers(0, 5)))
    )
    limits = Limits(
        min_hours=24,
        max_hours=draw(st.integers(24, 30)),
        max_schools=draw(st.integers(1, 4)),
        max_km=draw(st.sampled_from([0.0, 5.0, 10.0, 30.0])),
    )
    return District(schools, teachers, slots), limits


def _brute(district, limits):
    """The best (reached, travel in tenths, schools) over every assignment."""
    schools = {s.key: s for s in district.schools}
    short = [t for t in district.teachers if t.hours < limits.min_hours]

    def may(teacher, slot):
        km = km_between(schools[teacher.school], schools[slot.school])
        close = teacher.school == slot.school or tenths(km) <= tenths(limits.max_km)
        return slot.subject in teacher.subjects and close

    choices = [[None, *(t for t in short if may(t, slot))] for slot in district.slots]
    best = None
    for owners in itertools.product(*choices):
        added = {t.key: 0 for t in short}
        away: dict[str, set[str]] = {t.key: set() for t in short}
        for slot, owner in zip(district.slots, owners, strict=True):
            if owner is not None:
                added[owner.key] += slot.hours
                if slot.school != owner.school:
                    away[owner.key].add(slot.school)
        if any(
            t.hours + added[t.key] > limits.max_hours or len(away[t.key]) > limits.max_schools - 1
            for t in short
        ):
            continue
        reached = sum(t.hours + added[t.key] >= limits.min_hours for t in short)
        travel = sum(
            tenths(km_between(schools[t.school], schools[k])) for t in short for k in away[t.key]
        )
        value = (-reached, travel, sum(len(v) for v in away.values()))
        best = value if best is None or value < best else best
    return best


# Both programs: the takes (every part within the budget) and the compact one (budget 0).
@pytest.mark.parametrize("budget", [TAKES_BUDGET, 0], ids=["takes", "compact"])
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(districts())
def test_the_plan_is_as_good_as_the_best_of_every_assignment(budget, case):
    district, limits = case
    result = plan(district, limits, budget=budget)
    assert result.optimal
    assert (-result.reached, result.travel_tenths, result.schools) == _brute(district, limits)
    # The plan itself keeps the rules it claims.
    schools = {s.key: s for s in district.schools}
    taken = [a.slot.key for tp in result.teachers for a in tp.assignments]
    assert len(taken) == len(set(taken))
    for tp in result.teachers:
        total = tp.teacher.hours + tp.hours_added
        assert tp.reaches == (total >= tp.minimum)
        assert tp.reaches or tp.hours_added == 0
        assert total <= limits.max_hours
        assert len(set(tp.schools) - {tp.teacher.school}) <= limits.max_schools - 1
        for a in tp.assignments:
            assert a.slot.subject in tp.teacher.subjects
            km = km_between(schools[tp.teacher.school], schools[a.slot.school])
            assert tenths(km) <= tenths(limits.max_km) or a.slot.school == tp.teacher.school
        assert bool(tp.fixes) != tp.reaches


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(districts())
def test_each_teacher_s_smallest_fix_does_bring_one_more_teacher_to_the_minimum(case):
    district, limits = case
    result = plan(district, limits)
    for tp in result.teachers:
        if tp.reaches:
            continue
        more = next(f for f in tp.fixes if f.kind is FixKind.MORE_HOURS)
        hours = dict(more.message.params)["hours"]
        assert isinstance(hours, int)
        assert 0 < hours <= tp.minimum - tp.teacher.hours
        opened = Slot("new", tp.teacher.school, "new", tp.teacher.subject, hours)
        bigger = replace(district, slots=(*district.slots, opened))
        assert plan(bigger, limits).reached >= result.reached + 1
        if hours > 1:  # with the others' hours kept, one hour fewer is not enough
            taken = {a.slot.key for other in result.teachers for a in other.assignments}
            free = tuple(s for s in district.slots if s.key not in taken)
            fewer = replace(opened, hours=hours - 1)
            alone = replace(district, teachers=(tp.teacher,), slots=(*free, fewer))
            assert plan(alone, limits).reached == 0


@settings(max_examples=40, deadline=None)
@given(districts(), st.integers(12, 24))
def test_a_lower_minimum_for_small_schools_never_qualifies_fewer(case, minimum):
    district, limits = case
    minimum = min(minimum, limits.max_hours)
    answer = what_if(district, limits, pupils_below=200, min_hours=minimum)
    assert answer.reached_now == plan(district, limits).reached + plan(district, limits).already
    assert answer.more >= 0
