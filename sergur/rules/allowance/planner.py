"""The teaching-load planner: an optimal proposal of extra hours in other schools for certified
teachers short of the weekly minimum (docs/allowance.md, "Teaching-load planner").

Seed 002 (docs/sources/seeds/002_2d31c3574bb6d9f8.txt) describes a junior high school of 8
classes and fewer than 200 pupils whose certified teachers "harus mencari tambahan mengajar
diluar sekolah induk" to reach the 24 hours; seed 003 (FAQ 7-8) lets hours at another licensed
school count. The planner answers, for a district and a semester, which short teachers can reach
the minimum with open hours of their subjects nearby, as a mixed-integer program solved by HiGHS
(docs/allowance.md, "The model").

A *take* of a teacher is a count of open slots per group of alike slots (same school, subject
and hours) that brings the teacher to the minimum within the cap, at no more than
`max_schools - 1` other schools, within `max_km` of the main school, in the teacher's certified
or linear subjects, with no slot to spare; some optimum uses only such takes. The program of
takes has a binary column per take, a row per teacher (at most one take) and a row per slot
group (its slots taken at most once): a take carries its whole travel and schools, which makes
the relaxation strong. A part whose takes are too many to list (`TAKES_BUDGET`) is solved by the
compact program instead: integer slots per teacher and group, a binary per teacher and other
school, a binary per teacher reaching the minimum, linked by rows (same optimum, slower proof).

The objective is lexicographic over three criteria, solved in two searches with the first
optimum fixed before the second: most teachers reaching the minimum, then the least travel (the
distance from the main school to each other school, in tenths of a km) and, among equal travel,
the fewest schools (one exact weighted objective). Each search starts from a feasible plan
(greedy, then the first search's) and stops at a time limit at the latest: the plan then says it
is not proven optimal, with the gap. The feasible pairs split into independent parts (connected
components of the graph of teachers and the slot groups they may take); the lexicographic
optimum of the whole is the union of each part's, so each part is solved alone.

A teacher the plan cannot bring to the minimum gets the smallest changes that would (`Fix`):
how many more open hours of their subjects within reach, the minimum their school size would
need, how far they would have to travel, or one school more.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

import highspy
import numpy as np
from highspy import _core

from sergur.rules.messages import Message, msg

TENTHS = 10
"""Distances are compared and summed in tenths of a kilometre (whole numbers, so every stage's
optimum is a whole number and fixing it is exact)."""
EARTH_KM = 6371.0088
GAP_ZERO = 1e-9
"""A MIP gap this small is rounding noise: every stage's objective is a whole number."""
STAGE_SECONDS = 600.0
"""The solver's time limit for one stage of one part (a safety net: a stage stopped by it
keeps its best plan found, and the plan says it is not proven optimal, with the gap)."""
TAKES_BUDGET = 2_000_000
"""The most takes (`_takes`) listed for one part of a district: a part with more is solved by
the compact program, which reaches the same optimum but proves it more slowly (the bench's
largest part has 319,451 takes; about 100 bytes each while the program is built)."""
STAGES = ("reach", "travel")
"""The searches, in order: most teachers reaching the minimum, then the least travel and, among
equal travel, the fewest schools (one exact weighted objective)."""


@dataclass(frozen=True, slots=True)
class School:
    """A school of the district: where it is and how many pupils it has."""

    key: str
    name: str
    lat: float
    lon: float
    pupils: int


@dataclass(frozen=True, slots=True)
class Slot:
    """Weekly hours of one subject in one class (rombel) that need a teacher: untaught, or taken
    from a teacher over the cap."""

    key: str
    school: str
    klass: str
    subject: str
    hours: int


@dataclass(frozen=True, slots=True)
class Teacher:
    """A certified teacher: main school, weekly hours counted there, certified subject and the
    subjects linear to it (the mapping table, docs/sources/domain.md §5)."""

    key: str
    school: str
    hours: int
    subject: str
    linear: tuple[str, ...] = ()

    @property
    def subjects(self) -> tuple[str, ...]:
        """Every subject code the teacher may take hours in."""
        return (self.subject, *(code for code in self.linear if code != self.subject))


@dataclass(frozen=True, slots=True)
class Limits:
    """The planner's rules of a programme year (`years/allowance/planner/<year>.toml`)."""

    min_hours: int
    max_hours: int
    max_schools: int
    max_km: float
    small_pupils: int = 0
    """A school with fewer pupils than this has the minimum `small_min_hours` (0: no such
    rule; seed 002's recommendation, asked as a what-if)."""
    small_min_hours: int = 0

    def minimum_for(self, pupils: int) -> int:
        """The weekly minimum of a teacher whose main school has `pupils` pupils."""
        if self.small_pupils and pupils < self.small_pupils:
            return self.small_min_hours
        return self.min_hours


@dataclass(frozen=True, slots=True)
class District:
    """What the planner needs of a district in a semester."""

    schools: tuple[School, ...]
    teachers: tuple[Teacher, ...]
    slots: tuple[Slot, ...]
    name: str = ""
    semester: str = ""


class FixKind(StrEnum):
    """The kinds of change that would bring a teacher to the minimum."""

    MORE_HOURS = "more_hours"
    LOWER_MINIMUM = "lower_minimum"
    FARTHER = "farther"
    MORE_SCHOOLS = "more_schools"


@dataclass(frozen=True, slots=True)
class Fix:
    """One change that alone would bring the teacher to the minimum."""

    kind: FixKind
    message: Message


@dataclass(frozen=True, slots=True)
class Assignment:
    """Open hours the plan gives a teacher."""

    teacher: str
    slot: Slot
    km: float


@dataclass(frozen=True, slots=True)
class TeacherPlan:
    """The plan for one certified teacher below the minimum at the main school."""

    teacher: Teacher
    minimum: int
    assignments: tuple[Assignment, ...]
    reaches: bool
    fixes: tuple[Fix, ...] = ()

    @property
    def hours_added(self) -> int:
        """Weekly hours the plan adds."""
        return sum(a.slot.hours for a in self.assignments)

    @property
    def schools(self) -> tuple[str, ...]:
        """The other schools the plan sends the teacher to, in order of first slot."""
        return tuple(dict.fromkeys(a.slot.school for a in self.assignments))

    @property
    def travel_km(self) -> float:
        """Distance from the main school to each other school, summed."""
        return sum({a.slot.school: a.km for a in self.assignments if a.km}.values())


@dataclass(frozen=True, slots=True)
class Stage:
    """How one stage of the lexicographic objective was solved over the district's parts."""

    name: str
    parts: int
    """Parts the solver searched in this stage (a part whose greedy start reaches every teacher
    needs no search for the reach stage)."""
    largest: int
    """Short teachers of the largest part searched (0: none searched)."""
    seconds: float
    """The solver's own time, summed over the parts."""
    gap: float
    """The largest relative MIP gap of any part (0: every part proven optimal; infinite: a part
    stopped before the solver had any bound)."""
    proven: int = 0
    """Parts searched and proven optimal."""

    @property
    def optimal(self) -> bool:
        """Every part of this stage proven optimal."""
        return self.gap <= GAP_ZERO


@dataclass(frozen=True, slots=True)
class Plan:
    """The optimal proposal for a district: every short teacher's plan and the totals."""

    teachers: tuple[TeacherPlan, ...]
    already: int
    """Certified teachers at or above the minimum without the plan."""
    reached: int
    """Short teachers the plan brings to the minimum."""
    travel_tenths: int
    schools: int
    parts: int
    optimal: bool
    gap: float
    reasons: tuple[Message, ...] = field(default=())
    stages: tuple[Stage, ...] = field(default=())
    largest: int = 0
    """Short teachers of the largest part."""

    @property
    def short(self) -> int:
        """Certified teachers below the minimum at their main school."""
        return len(self.teachers)


@dataclass(frozen=True, slots=True)
class WhatIf:
    """How many teachers reach their minimum now and under another minimum for small schools."""

    pupils_below: int
    min_hours: int
    reached_now: int
    reached_then: int

    @property
    def more(self) -> int:
        """Teachers who qualify under the other minimum and not now."""
        return self.reached_then - self.reached_now


class PlannerError(ValueError):
    """The district cannot be planned (a teacher at an unknown school, bad limits)."""


def km_between(a: School, b: School) -> float:
    """Great-circle distance in km (haversine)."""
    lat1, lat2 = math.radians(a.lat), math.radians(b.lat)
    dlat, dlon = lat2 - lat1, math.radians(b.lon - a.lon)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * EARTH_KM * math.asin(math.sqrt(min(1.0, h)))


def tenths(km: float) -> int:
    """A distance in whole tenths of a km (rounded half up)."""
    return math.floor(km * TENTHS + 0.5)


@dataclass(slots=True)
class _Part:
    """One connected part of the program: its teachers and the slot groups they may take."""

    teachers: list[int] = field(default_factory=list)
    pairs: list[tuple[int, int]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Group:
    """Open slots alike for the planner (same school, subject and hours): which of them a
    teacher takes does not matter, so the program counts them instead of naming them."""

    school: str
    subject: str
    hours: int
    slots: tuple[int, ...]


def _highs(seconds: float) -> _core._Highs:
    """A solver for one search: quiet, exact (no gap tolerated), one thread, `seconds` at most."""
    # The bare solver: `highspy.Highs` adds Python log callbacks that print a banner to stdout
    # on first use, which would corrupt the command line's JSON output.
    highs = _core._Highs()
    highs.setOptionValue("output_flag", False)
    highs.setOptionValue("mip_rel_gap", 0.0)
    highs.setOptionValue("threads", 1)
    highs.setOptionValue("time_limit", float(seconds))
    return highs


_Outcome = tuple[int, float, float, list[float]]
"""A stage's answer: the best value, the MIP gap, the solver's seconds, the columns' values."""


def _run(highs: _core._Highs, costs: np.ndarray, start: Sequence[float]) -> _Outcome:
    """Run the solver: the best value found, the MIP gap (0 when proven optimal), the solver's
    seconds and the plan's values. The feasible `start` stands when the time limit stops the
    search before it has a plan of its own (no bound then: the gap is infinite). The value is
    counted from the plan's columns, not taken from the solver's report."""
    before = highs.getRunTime()  # cumulative over runs; the limit is per run
    highs.run()
    status = highs.getModelStatus()
    info = highs.getInfo()
    seconds = float(highs.getRunTime() - before)
    if info.primal_solution_status == 2:
        values = np.rint(np.asarray(highs.getSolution().col_value))
        best = round(float(costs @ values))
        if status != highspy.HighsModelStatus.kOptimal:  # pragma: no cover - timing
            # Stopped by the time limit with a plan: kept, not proven.
            gap = float(info.mip_gap) if math.isfinite(info.mip_dual_bound) else math.inf
            return best, max(gap, 2 * GAP_ZERO), seconds, list(values)
        return best, float(info.mip_gap), seconds, list(values)
    # Stopped before any plan: the start stands, with no bound.
    values = np.rint(np.asarray(start, dtype=np.float64))
    return round(float(costs @ values)), math.inf, seconds, list(start)


class _Model:
    """A mixed-integer program being built (columns and rows), then solved by HiGHS."""

    def __init__(self, seconds: float) -> None:
        self.highs = _highs(seconds)
        self.upper: list[float] = []
        self.rows: list[tuple[float, float, list[int], list[float]]] = []

    def integers(self, uppers: Sequence[int]) -> range:
        first = len(self.upper)
        self.upper.extend(float(u) for u in uppers)
        return range(first, len(self.upper))

    def row(self, lower: float, upper: float, terms: Iterable[tuple[int, float]]) -> None:
        index, value = zip(*terms, strict=True)
        self.rows.append((lower, upper, list(index), list(value)))

    def build(self) -> None:
        n = len(self.upper)
        self.highs.addVars(n, np.zeros(n), np.array(self.upper))
        self.highs.changeColsIntegrality(
            n, np.arange(n, dtype=np.int32), np.full(n, highspy.HighsVarType.kInteger)
        )
        starts: list[int] = []
        index: list[int] = []
        value: list[float] = []
        for _, _, cols, vals in self.rows:
            starts.append(len(index))
            index.extend(cols)
            value.extend(vals)
        self.highs.addRows(
            len(self.rows),
            np.array([r[0] for r in self.rows]),
            np.array([r[1] for r in self.rows]),
            len(index),
            np.array(starts, dtype=np.int32),
            np.array(index, dtype=np.int32),
            np.array(value, dtype=np.float64),
        )

    def minimise(self, costs: dict[int, float], start: list[float]) -> _Outcome:
        """Minimise `costs` (column → coefficient): the best value found, the MIP gap (0 when
        proven optimal), the solver's seconds and the plan's values. The feasible `start` is
        the answer only when the time limit stops the search before it finds a plan. It is
        not handed to the solver: a start given to this model (solved before, its costs
        changed) came back as the answer unsearched, with a wrong objective (the property
        test's counter-example: 0 schools reported for a plan of one)."""
        n = len(self.upper)
        full = np.zeros(n)
        for col, cost in costs.items():
            full[col] = cost
        self.highs.changeColsCost(n, np.arange(n, dtype=np.int32), full)
        return _run(self.highs, full, start)

    def keep(self, costs: dict[int, float], best: int) -> None:
        """Fix a stage's optimum before the next stage."""
        self.highs.addRow(
            -highspy.kHighsInf,
            float(best),
            len(costs),
            np.array(list(costs), dtype=np.int32),
            np.array(list(costs.values()), dtype=np.float64),
        )


class _Prepared:
    """The district's teachers, open slots and their groups, as indexes."""

    def __init__(self, district: District, limits: Limits) -> None:
        self.district = district
        self.limits = limits
        self.schools = {school.key: school for school in district.schools}
        for teacher in district.teachers:
            if teacher.school not in self.schools:
                raise PlannerError(f"teacher {teacher.key}: unknown school {teacher.school}")
        for slot in district.slots:
            if slot.school not in self.schools:
                raise PlannerError(f"open hours {slot.key}: unknown school {slot.school}")
        self.minimum = [
            limits.minimum_for(self.schools[t.school].pupils) for t in district.teachers
        ]
        self.short = [i for i, t in enumerate(district.teachers) if t.hours < self.minimum[i]]
        alike: dict[tuple[str, str, int], list[int]] = {}
        for s, slot in enumerate(district.slots):
            alike.setdefault((slot.school, slot.subject, slot.hours), []).append(s)
        self.groups = [_Group(*key, tuple(slots)) for key, slots in alike.items()]
        self.by_subject: dict[str, list[int]] = {}
        for g, group in enumerate(self.groups):
            self.by_subject.setdefault(group.subject, []).append(g)
        self._km: dict[tuple[str, str], float] = {}

    def km(self, a: str, b: str) -> float:
        if a == b:
            return 0.0
        key = (a, b) if a < b else (b, a)
        if key not in self._km:
            self._km[key] = km_between(self.schools[a], self.schools[b])
        return self._km[key]

    def reachable(self, t: int, max_km: float | None = None) -> list[int]:
        """The slot groups teacher `t` may take: their subjects, within `max_km` (the year's
        limit when None; no limit when infinite)."""
        teacher = self.district.teachers[t]
        km = self.limits.max_km if max_km is None else max_km
        limit = None if km == math.inf else tenths(km)
        found = []
        for subject in teacher.subjects:
            for g in self.by_subject.get(subject, ()):
                school = self.groups[g].school
                if limit is None or tenths(self.km(teacher.school, school)) <= limit:
                    found.append(g)
        return sorted(found)

    def reachable_slots(self, t: int, max_km: float | None = None) -> list[int]:
        """The open slots teacher `t` may take (see `reachable`)."""
        return sorted(s for g in self.reachable(t, max_km) for s in self.groups[g].slots)

    def parts(self) -> list[_Part]:
        """Connected parts of the teacher-group graph (union-find over groups)."""
        parent = list(range(len(self.groups)))

        def root(g: int) -> int:
            while parent[g] != g:
                parent[g] = parent[parent[g]]
                g = parent[g]
            return g

        pairs: dict[int, list[int]] = {}
        for t in self.short:
            room = self.limits.max_hours - self.district.teachers[t].hours
            groups = [g for g in self.reachable(t) if self.groups[g].hours <= room]
            if not groups:
                continue
            pairs[t] = groups
            for g in groups[1:]:
                parent[root(g)] = root(groups[0])
        parts: dict[int, _Part] = {}
        for t, groups in pairs.items():
            part = parts.setdefault(root(groups[0]), _Part())
            part.teachers.append(t)
            part.pairs.extend((t, g) for g in groups)
        return list(parts.values())


@dataclass(slots=True)
class _Solved:
    taken: dict[int, list[int]]
    reached: int
    travel: int
    schools: int
    gaps: list[float | None]
    """Per stage: the MIP gap, None when the stage needed no search."""
    seconds: list[float]


def _solve_part(prep: _Prepared, part: _Part, stages: int, seconds: float, budget: int) -> _Solved:
    """The lexicographic optimum of one part: `stages` of (reach, travel, schools), by the
    program of takes when the part's teachers have at most `budget` takes in all, else by the
    compact program."""
    options: dict[int, list[int]] = {}
    for t, g in part.pairs:
        options.setdefault(t, []).append(g)
    takes: dict[int, list[tuple[tuple[int, int], ...]]] = {}
    listed = 0
    for t in part.teachers:
        found = _takes(prep, t, options[t], budget - listed)
        if found is None:
            return _solve_compact(prep, part, stages, seconds)
        takes[t] = found
        listed += len(found)
    return _solve_takes(prep, part, takes, stages, seconds)


def _solve_takes(
    prep: _Prepared,
    part: _Part,
    takes: dict[int, list[tuple[tuple[int, int], ...]]],
    stages: int,
    seconds: float,
) -> _Solved:
    """The program of takes: one binary column per take of each teacher (`_takes`), at most one
    take per teacher, each slot group's slots taken at most once. A take carries its own travel
    and schools, so the relaxation prices whole schools, and the solver's cuts on this small
    set of rows (one per teacher and per slot group) close the gap that the compact program's
    linking rows leave open (docs/allowance.md, "Teaching-load planner")."""
    teachers, groups = prep.district.teachers, prep.groups
    group_row: dict[int, int] = {}
    owner: list[int] = []
    counts: list[tuple[tuple[int, int], ...]] = []
    travel: list[int] = []
    schools: list[int] = []
    starts: list[int] = []
    index: list[int] = []
    value: list[float] = []
    widest: dict[int, int] = {}
    for row, t in enumerate(part.teachers):
        home = teachers[t].school
        for take in takes[t]:
            away = {groups[g].school for g, _ in take} - {home}
            owner.append(t)
            counts.append(take)
            travel.append(sum(tenths(prep.km(home, k)) for k in away))
            schools.append(len(away))
            widest[t] = max(widest.get(t, 0), len(away))
            starts.append(len(index))
            index.append(row)
            value.append(1.0)
            for g, count in take:
                index.append(len(part.teachers) + group_row.setdefault(g, len(group_row)))
                value.append(float(count))
    n = len(owner)
    row_upper = [1.0] * len(part.teachers) + [0.0] * len(group_row)
    for g, row in group_row.items():
        row_upper[len(part.teachers) + row] = float(len(groups[g].slots))
    # Travel then schools, as one objective: `weight` exceeds the most schools a plan can have,
    # so one tenth of a km less always wins over every difference in schools (lexicographic).
    weight = sum(widest.values()) + 1
    objectives = [
        np.full(n, -1.0),
        np.array(travel, dtype=np.float64) * weight + np.array(schools, dtype=np.float64),
    ][: min(stages, 2)]
    lookup = {(owner[c], counts[c]): c for c in range(n)}
    greedy = _greedy(prep, part, {t: prep.limits.max_hours - teachers[t].hours for t in takes})
    start = [0.0] * n
    for t, took in greedy.items():
        start[lookup[t, tuple(sorted(took.items()))]] = 1.0
    optimum = [0, 0]
    gaps: list[float | None] = [None] * len(objectives)
    times = [0.0] * len(objectives)
    for stage, costs in enumerate(objectives):
        if not n:
            # No teacher of the part has a take: none reaches the minimum, nothing to search.
            continue
        if stage == 0 and len(greedy) == len(part.teachers):
            # Every teacher of the part reached: the trivial bound is met, nothing to search.
            optimum[0] = -len(greedy)
            continue
        highs = _highs(seconds)
        # Presolve's probing would try each of the many binary columns in turn (minutes on the
        # bench's largest part) for no reduction: the rows are already tight.
        highs.setOptionValue("presolve", "off")
        row_lower = np.full(len(row_upper), -highspy.kHighsInf)
        if stage and -optimum[0] == len(part.teachers):
            # Every teacher of the part reaches the minimum: each takes exactly one take (a
            # row per teacher, stronger for the solver than one row over all teachers).
            row_lower[: len(part.teachers)] = 1.0
        highs.addRows(
            len(row_upper),
            row_lower,
            np.array(row_upper),
            0,
            np.zeros(0, dtype=np.int32),
            np.zeros(0, dtype=np.int32),
            np.zeros(0),
        )
        highs.addCols(
            n,
            costs,
            np.zeros(n),
            np.ones(n),
            len(index),
            np.array(starts, dtype=np.int32),
            np.array(index, dtype=np.int32),
            np.array(value, dtype=np.float64),
        )
        highs.changeColsIntegrality(
            n, np.arange(n, dtype=np.int32), np.full(n, highspy.HighsVarType.kInteger)
        )
        if stage and -optimum[0] < len(part.teachers):
            # The first stage's optimum stands: at least that many teachers take a take.
            highs.addRow(
                float(-optimum[0]),
                highspy.kHighsInf,
                n,
                np.arange(n, dtype=np.int32),
                np.ones(n),
            )
        solution = highspy.HighsSolution()
        solution.col_value = start
        highs.setSolution(solution)
        optimum[stage], gaps[stage], times[stage], start = _run(highs, costs, start)
    taken: dict[int, list[int]] = {}
    handed: dict[int, int] = {}
    for c in (c for c in range(n) if round(start[c])):
        for g, count in counts[c]:
            begin = handed.get(g, 0)
            taken.setdefault(owner[c], []).extend(groups[g].slots[begin : begin + count])
            handed[g] = begin + count
    travel_tenths, school_count = divmod(optimum[1], weight)
    return _Solved(taken, -optimum[0], travel_tenths, school_count, gaps, times)


def _solve_compact(prep: _Prepared, part: _Part, stages: int, seconds: float) -> _Solved:
    """The compact program of a part whose takes are too many to list: a column per teacher and
    slot group (how many of its slots), per teacher and other school (goes there or not) and per
    teacher (reaches the minimum or not), linked by rows."""
    teachers, groups = prep.district.teachers, prep.groups
    model = _Model(seconds)
    # Hours a teacher may take: up to the cap, and never a whole slot more than the minimum
    # needs (dropping such a slot keeps the teacher at the minimum and adds no travel or
    # school, so some optimum stays within it; the tighter bound makes the relaxation stronger).
    largest: dict[int, int] = {}
    for t, g in part.pairs:
        largest[t] = max(largest.get(t, 0), groups[g].hours)
    room = {
        t: min(
            prep.limits.max_hours - teachers[t].hours,
            prep.minimum[t] - teachers[t].hours + largest[t] - 1,
        )
        for t in part.teachers
    }
    x = dict(
        zip(
            part.pairs,
            model.integers(
                [min(len(groups[g].slots), room[t] // groups[g].hours) for t, g in part.pairs]
            ),
            strict=True,
        )
    )
    r = dict(zip(part.teachers, model.integers([1] * len(part.teachers)), strict=True))
    away = sorted(
        {(t, groups[g].school) for t, g in part.pairs if groups[g].school != teachers[t].school}
    )
    y = dict(zip(away, model.integers([1] * len(away)), strict=True))
    by_group: dict[int, list[int]] = {}
    by_teacher: dict[int, list[tuple[int, float]]] = {t: [] for t in part.teachers}
    for (t, g), col in x.items():
        by_group.setdefault(g, []).append(col)
        by_teacher[t].append((col, float(groups[g].hours)))
        if (t, groups[g].school) in y:
            big = min(len(groups[g].slots), room[t] // groups[g].hours)
            model.row(-highspy.kHighsInf, 0, [(col, 1.0), (y[t, groups[g].school], -float(big))])
    for g, cols in by_group.items():
        if len(cols) > 1:
            model.row(-highspy.kHighsInf, len(groups[g].slots), [(col, 1.0) for col in cols])
    per_teacher: dict[int, list[int]] = {}
    for (t, _), col in y.items():
        per_teacher.setdefault(t, []).append(col)
    for cols in per_teacher.values():
        if len(cols) > prep.limits.max_schools - 1:
            model.row(-highspy.kHighsInf, prep.limits.max_schools - 1, [(c, 1.0) for c in cols])
    _partners(prep, part, y, room, model)
    for t in part.teachers:
        need = prep.minimum[t] - teachers[t].hours
        model.row(0, highspy.kHighsInf, [*by_teacher[t], (r[t], -float(need))])
        model.row(-highspy.kHighsInf, 0, [*by_teacher[t], (r[t], -float(room[t]))])
    model.build()
    # Travel then schools, as one objective: `weight` exceeds any count of schools a plan can
    # have (each teacher at most `max_schools - 1` others), so one tenth of a km less always
    # wins over every difference in schools (exactly lexicographic), with costs kept small.
    away_of: dict[int, int] = {}
    for t, _ in y:
        away_of[t] = away_of.get(t, 0) + 1
    weight = sum(min(n, prep.limits.max_schools - 1) for n in away_of.values()) + 1
    objectives = [
        {col: -1.0 for col in r.values()},
        {
            col: float(tenths(prep.km(teachers[t].school, k)) * weight + 1)
            for (t, k), col in y.items()
        },
    ][: min(stages, 2)]
    optimum = [0, 0]
    gaps: list[float | None] = [None] * len(objectives)
    times = [0.0] * len(objectives)
    start = _greedy(prep, part, room)
    solution = [0.0] * len(model.upper)
    for t, took in start.items():
        solution[r[t]] = 1.0
        for g, count in took.items():
            solution[x[t, g]] = float(count)
            if (t, groups[g].school) in y:
                solution[y[t, groups[g].school]] = 1.0
    greedy = len(start)
    for stage, costs in enumerate(objectives):
        if not costs:
            continue
        if stage == 0 and greedy == len(part.teachers):
            # Every teacher of the part reached: the trivial bound is met, nothing to search.
            optimum[0] = -greedy
        else:
            optimum[stage], gaps[stage], times[stage], solution = model.minimise(costs, solution)
        if stage + 1 < len(objectives):
            model.keep(costs, optimum[stage])
    taken: dict[int, list[int]] = {}
    handed: dict[int, int] = {}
    for (t, g), col in x.items():
        count = round(solution[col])
        if count:
            first = handed.get(g, 0)
            taken.setdefault(t, []).extend(groups[g].slots[first : first + count])
            handed[g] = first + count
    travel, schools = divmod(optimum[1], weight)
    return _Solved(taken, -optimum[0], travel, schools, gaps, times)


def _partners(
    prep: _Prepared,
    part: _Part,
    y: dict[tuple[int, str], int],
    room: dict[int, int],
    model: _Model,
) -> None:
    """Other schools a school needs: a teacher who goes to a school whose open hours (with the
    main school's) fall short of the minimum goes to another school too, one that could make up
    the rest. Implied by the integer program, not by its relaxation, which could otherwise pay
    a fraction of the farther school's travel."""
    teachers, groups, most = prep.district.teachers, prep.groups, prep.limits.max_schools - 1
    hours: dict[int, dict[str, int]] = {t: {} for t in part.teachers}
    for t, g in part.pairs:
        group = groups[g]
        taken = group.hours * min(len(group.slots), room[t] // group.hours)
        hours[t][group.school] = hours[t].get(group.school, 0) + taken
    for t, at in hours.items():
        home = min(room[t], at.pop(teachers[t].school, 0))
        need = prep.minimum[t] - teachers[t].hours
        for a, alone in at.items():
            if home + alone >= need:
                continue
            others = sorted((h for k, h in at.items() if k != a), reverse=True)
            rest = sum(others[: max(0, most - 2)])
            partners = [
                y[t, b]
                for b, h in at.items()
                if most >= 2 and b != a and home + alone + h + rest >= need
            ]
            model.row(-highspy.kHighsInf, 0, [(y[t, a], 1.0), *((col, -1.0) for col in partners)])


def _greedy(prep: _Prepared, part: _Part, room: dict[int, int]) -> dict[int, dict[int, int]]:
    """A feasible start: the teachers with the fewest options first, each taking the nearest
    open slots (main school first) while within the limits, then dropping any slot the minimum
    does not need; those it cannot bring to the minimum take none. Returns, per teacher
    reached, the slots taken as counts per slot group."""
    teachers, groups, limits = prep.district.teachers, prep.groups, prep.limits
    left = {g: len(groups[g].slots) for _, g in part.pairs}
    options: dict[int, list[int]] = {}
    for t, g in part.pairs:
        options.setdefault(t, []).append(g)
    reached: dict[int, dict[int, int]] = {}
    for t in sorted(part.teachers, key=lambda t: (len(options[t]), t)):
        home = teachers[t].school
        need = prep.minimum[t] - teachers[t].hours
        ordered = sorted(
            options[t],
            key=lambda g: (tenths(prep.km(home, groups[g].school)), groups[g].school, g),
        )
        took: dict[int, int] = {}
        away: set[str] = set()
        total = 0
        for g in ordered:
            school, hours = groups[g].school, groups[g].hours
            if school != home and school not in away and len(away) >= limits.max_schools - 1:
                continue
            while took.get(g, 0) < left[g] and total < need and total + hours <= room[t]:
                took[g] = took.get(g, 0) + 1
                total += hours
                if school != home:
                    away.add(school)
        if total < need:
            continue
        # Drop what the minimum does not need, farthest first (a take, as `_takes` lists them).
        for g in reversed(ordered):
            while took.get(g, 0) and total - groups[g].hours >= need:
                took[g] -= 1
                total -= groups[g].hours
        took = {g: count for g, count in took.items() if count}
        for g, count in took.items():
            left[g] -= count
        reached[t] = took
    return reached


class _TooMany(Exception):
    """More takes than the budget: the part is solved by the compact program."""


def _takes(
    prep: _Prepared, t: int, options: Sequence[int], budget: int
) -> list[tuple[tuple[int, int], ...]] | None:
    """Every take of teacher `t` from the slot groups `options`: counts per group that bring the
    teacher to the minimum, within the cap and the schools allowed, with no slot to spare
    (dropping any one would leave the teacher short). Some optimum uses only such takes:
    dropping a spare slot keeps the teacher at the minimum and adds no travel or school. None
    when there are more than `budget`."""
    teacher, groups, limits = prep.district.teachers[t], prep.groups, prep.limits
    need = prep.minimum[t] - teacher.hours
    room = limits.max_hours - teacher.hours
    ordered = sorted(options, key=lambda g: (groups[g].school != teacher.school, g))
    found: list[tuple[tuple[int, int], ...]] = []
    counts: list[tuple[int, int]] = []

    def extend(i: int, total: int, away: frozenset[str], smallest: int) -> None:
        if i == len(ordered):
            return
        extend(i + 1, total, away, smallest)
        group = groups[ordered[i]]
        if group.school != teacher.school and group.school not in away:
            if len(away) >= limits.max_schools - 1:
                return
            away = away | {group.school}
        least = min(smallest, group.hours)
        for count in range(1, len(group.slots) + 1):
            total += group.hours
            if total > room or total - least >= need:
                return
            counts.append((ordered[i], count))
            if total >= need:
                found.append(tuple(sorted(counts)))
                counts.pop()
                if len(found) > budget:
                    raise _TooMany
                return
            extend(i + 1, total, away, least)
            counts.pop()

    try:
        extend(0, 0, frozenset(), limits.max_hours + 1)
    except _TooMany:
        return None
    return found


def _solve(
    prep: _Prepared, stages: int, seconds: float, budget: int
) -> tuple[dict[int, list[int]], _Solved, list[_Part], tuple[Stage, ...]]:
    parts = prep.parts()
    total = _Solved({}, 0, 0, 0, [], [])
    searched: list[list[int]] = [[] for _ in range(stages)]
    gaps = [0.0] * stages
    times = [0.0] * stages
    proven = [0] * stages
    for part in parts:
        solved = _solve_part(prep, part, stages, seconds, budget)
        total.taken.update(solved.taken)
        total.reached += solved.reached
        total.travel += solved.travel
        total.schools += solved.schools
        for stage, gap in enumerate(solved.gaps):
            if gap is not None:
                searched[stage].append(len(part.teachers))
                gaps[stage] = max(gaps[stage], gap)
                proven[stage] += gap <= GAP_ZERO
                times[stage] += solved.seconds[stage]
    report = tuple(
        Stage(
            STAGES[n],
            len(searched[n]),
            max(searched[n], default=0),
            times[n],
            gaps[n],
            proven[n],
        )
        for n in range(stages)
    )
    return total.taken, total, parts, report


def _sums(options: Sequence[Sequence[int]], room: int, count: int) -> list[set[int]]:
    """Hour totals up to `room` reachable with at most `count` of the `options` (one per school:
    its free slots' hours) plus the first option (the main school, always allowed).
    `result[n]` is the totals using exactly n other schools."""

    def subset_sums(hours: Sequence[int]) -> set[int]:
        sums = {0}
        for h in hours:
            sums |= {v + h for v in sums if v + h <= room}
        return sums

    main, *others = options
    reach: list[set[int]] = [subset_sums(main)] + [set() for _ in range(count)]
    for hours in others:
        here = subset_sums(hours) - {0}
        for n in range(count, 0, -1):
            reach[n] |= {a + b for a in reach[n - 1] for b in here if a + b <= room}
    return reach


def _best(sums: list[set[int]]) -> int:
    return max(v for totals in sums for v in totals)


def _free_options(prep: _Prepared, t: int, slots: Iterable[int]) -> list[list[int]]:
    teacher = prep.district.teachers[t]
    main: list[int] = []
    other: dict[str, list[int]] = {}
    for s in slots:
        slot = prep.district.slots[s]
        (main if slot.school == teacher.school else other.setdefault(slot.school, [])).append(
            slot.hours
        )
    return [main, *other.values()]


def _fixes(prep: _Prepared, t: int, free: set[int]) -> tuple[Fix, ...]:
    """The changes that alone would bring short teacher `t` to the minimum, smallest first."""
    teacher, limits = prep.district.teachers[t], prep.limits
    need = prep.minimum[t] - teacher.hours
    room = limits.max_hours - teacher.hours
    near = [s for s in prep.reachable_slots(t) if s in free]
    best = _best(_sums(_free_options(prep, t, near), room, limits.max_schools - 1))
    subjects = ", ".join(teacher.subjects)
    fixes = [
        Fix(
            FixKind.MORE_HOURS,
            msg(
                "planner.fix.more_hours",
                hours=need - best,
                subjects=subjects,
                km=Decimal(str(limits.max_km)),
            ),
        )
    ]
    pupils = prep.schools[teacher.school].pupils
    if teacher.hours + best > 0:
        fixes.append(
            Fix(
                FixKind.LOWER_MINIMUM,
                msg("planner.fix.lower_minimum", hours=teacher.hours + best, pupils=pupils + 1),
            )
        )
    more = _sums(_free_options(prep, t, near), room, limits.max_schools)
    if max(more[-1], default=0) >= need:
        fixes.append(
            Fix(
                FixKind.MORE_SCHOOLS,
                msg("planner.fix.more_schools", schools=limits.max_schools + 1),
            )
        )
    farther = _farther(prep, t, free, need, room)
    if farther is not None:
        fixes.append(Fix(FixKind.FARTHER, msg("planner.fix.farther", km=farther)))
    return tuple(fixes)


def _farther(prep: _Prepared, t: int, free: set[int], need: int, room: int) -> int | None:
    """The least whole km of travel at which the free open hours would suffice, if any."""
    teacher = prep.district.teachers[t]
    candidates = sorted(
        {
            math.ceil(prep.km(teacher.school, prep.district.slots[s].school))
            for s in prep.reachable_slots(t, max_km=math.inf)
            if s in free
        }
    )
    for km in candidates:
        if km <= prep.limits.max_km:
            continue
        near = [s for s in prep.reachable_slots(t, max_km=km) if s in free]
        sums = _sums(_free_options(prep, t, near), room, prep.limits.max_schools - 1)
        if _best(sums) >= need:
            return km
    return None


def plan(
    district: District,
    limits: Limits,
    *,
    seconds: float = STAGE_SECONDS,
    budget: int = TAKES_BUDGET,
) -> Plan:
    """The optimal proposal for `district` under `limits` (docs/allowance.md,
    "Teaching-load planner"; seed 002; docs/sources/domain.md §6, §6.2); `seconds` bounds each
    stage of each part's search, and a stage it stops is reported as not proven."""
    check_limits(limits)
    prep = _Prepared(district, limits)
    taken, total, parts, stages = _solve(prep, 2, seconds, budget)
    gap = max(stage.gap for stage in stages)
    summary = msg(
        "planner.summary", reached=total.reached, short=len(prep.short), minimum=limits.min_hours
    )
    used = {s for slots in taken.values() for s in slots}
    free = set(range(len(district.slots))) - used
    results = []
    for t in prep.short:
        teacher = district.teachers[t]
        assignments = tuple(
            Assignment(
                teacher.key,
                district.slots[s],
                round(prep.km(teacher.school, district.slots[s].school), 1),
            )
            for s in taken.get(t, [])
        )
        reaches = bool(assignments)
        fixes = () if reaches else _fixes(prep, t, free)
        results.append(TeacherPlan(teacher, prep.minimum[t], assignments, reaches, fixes))
    return Plan(
        teachers=tuple(results),
        already=len(district.teachers) - len(prep.short),
        reached=total.reached,
        travel_tenths=total.travel,
        schools=total.schools,
        parts=len(parts),
        optimal=gap <= GAP_ZERO,
        gap=gap,
        reasons=(summary,) if gap <= GAP_ZERO else (summary, _not_proven(gap)),
        stages=stages,
        largest=max((len(part.teachers) for part in parts), default=0),
    )


def _not_proven(gap: float) -> Message:
    if math.isinf(gap):
        return msg("planner.not_proven.no_bound")
    return msg("planner.not_proven", gap=Decimal(str(round(gap * 100, 2))))


def what_if(
    district: District,
    limits: Limits,
    *,
    pupils_below: int,
    min_hours: int,
    seconds: float = STAGE_SECONDS,
    budget: int = TAKES_BUDGET,
) -> WhatIf:
    """How many certified teachers reach their minimum with the plan, now and if schools with
    fewer than `pupils_below` pupils had a minimum of `min_hours` (seed 002's recommendation)."""
    then = Limits(
        min_hours=limits.min_hours,
        max_hours=limits.max_hours,
        max_schools=limits.max_schools,
        max_km=limits.max_km,
        small_pupils=pupils_below,
        small_min_hours=min_hours,
    )
    counts = []
    for rules in (limits, then):
        check_limits(rules)
        prep = _Prepared(district, rules)
        _, total, _, _ = _solve(prep, 1, seconds, budget)
        counts.append(len(district.teachers) - len(prep.short) + total.reached)
    return WhatIf(pupils_below, min_hours, counts[0], counts[1])


def check_limits(limits: Limits) -> None:
    """Refuse limits no plan can follow."""
    if not 0 < limits.min_hours <= limits.max_hours:
        raise PlannerError("the minimum must be above 0 and at most the maximum hours")
    if limits.small_pupils and not 0 < limits.small_min_hours <= limits.max_hours:
        raise PlannerError("the small schools' minimum must be above 0 and at most the maximum")
    if limits.max_schools < 1:
        raise PlannerError("a teacher teaches in at least 1 school")
    if limits.max_km < 0:
        raise PlannerError("the maximum distance must be 0 km or more")
