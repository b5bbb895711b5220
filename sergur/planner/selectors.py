"""Reads of the planner (docs/allowance.md, "The page"): a district committee member sees
the runs of their own district only, with the decisions taken on their proposals."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet
from django.http import Http404

from sergur.accounts.models import User
from sergur.allowance.selectors import district_committee
from sergur.planner.models import PlanDecision, PlanRun
from sergur.registry.models import Teacher

MAP_WIDTH = 600
MAP_HEIGHT = 400
MAP_MARGIN = 20


def run_list_for_user(*, user: User | AnonymousUser) -> QuerySet[PlanRun]:
    """The runs of the committee member's district, newest first; 403 for anyone else."""
    person = district_committee(user)
    return PlanRun.objects.filter(district=person.district)


def run_get_for_user(*, user: User | AnonymousUser, pk: int) -> PlanRun:
    """The access helper of a run: the run if it is of the user's district; 404 for another
    district's run, 403 for anyone who is not a district committee member."""
    found = run_list_for_user(user=user).select_related("district").filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def run_teacher_get(*, run: PlanRun, pk: int) -> Teacher:
    """A teacher the run's proposal names (the run already passed its access helper); 404 for
    any other."""
    named = {row.get("teacher") for row in run.result.get("teachers", [])}
    teacher = Teacher.objects.filter(pk=pk).first() if pk in named else None
    if teacher is None:
        raise Http404
    return teacher


@dataclass(frozen=True, slots=True)
class Move:
    """One proposed class-subject at another school, with its slot key (`L…` or `U…`)."""

    slot: str
    school: str
    klass: str
    subject: str
    hours: int
    km: float


@dataclass(frozen=True, slots=True)
class Row:
    """A short teacher's line of the proposal table, with the committee's decision if any."""

    teacher_id: int
    teacher: str
    school: str
    hours: int
    minimum: int
    reaches: bool
    moves: list[Move]
    fixes: list[str]
    decision: PlanDecision | None = None

    @property
    def open(self) -> bool:
        """Whether the committee may still accept or reject the proposal."""
        return bool(self.moves) and self.decision is None


def run_rows(run: PlanRun, lang: str) -> list[Row]:
    """The proposal of a done run, teacher by teacher, with the decisions taken (two queries:
    the names, the decisions with who took them)."""
    teachers: list[dict[str, Any]] = run.result.get("teachers", [])
    names = dict(
        Teacher.objects.filter(pk__in=[t["teacher"] for t in teachers]).values_list("pk", "name")
    )
    decisions = {
        decision.teacher_id: decision
        for decision in PlanDecision.objects.filter(run=run).select_related("decided_by")
    }
    schools = {s["id"]: s["name"] for s in run.result.get("schools", [])}
    return [
        Row(
            teacher_id=t["teacher"],
            teacher=names.get(t["teacher"], "?"),
            school=schools.get(t["school"], "?"),
            hours=t["hours"],
            minimum=t["minimum"],
            reaches=t["reaches"],
            moves=[
                Move(
                    a["slot"],
                    schools.get(a["school"], "?"),
                    a["class"],
                    a["subject"],
                    a["hours"],
                    a["km"],
                )
                for a in t["assignments"]
            ],
            fixes=[fix.get(lang, fix["en"]) for fix in t["fixes"]],
            decision=decisions.get(t["teacher"]),
        )
        for t in teachers
    ]


@dataclass(frozen=True, slots=True)
class Point:
    name: str
    x: float
    y: float


@dataclass(frozen=True, slots=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float


@dataclass(frozen=True, slots=True)
class Map:
    """The schools as points in the SVG's box and the proposed moves as lines."""

    width: int
    height: int
    points: list[Point]
    lines: list[Line]


def plan_map(run: PlanRun, width: int = MAP_WIDTH, height: int = MAP_HEIGHT) -> Map:
    """Project the run's schools (longitude east, latitude north) into a box with a margin."""
    schools: list[dict[str, Any]] = run.result.get("schools", [])
    if not schools:
        return Map(width, height, [], [])
    lats = [s["lat"] for s in schools]
    lons = [s["lon"] for s in schools]
    span = max(max(lats) - min(lats), max(lons) - min(lons)) or 1.0
    inner = min(width, height) - 2 * MAP_MARGIN

    def at(lat: float, lon: float) -> tuple[float, float]:
        x = MAP_MARGIN + (lon - min(lons)) / span * inner
        y = MAP_MARGIN + (max(lats) - lat) / span * inner
        return round(x, 1), round(y, 1)

    where = {s["id"]: at(s["lat"], s["lon"]) for s in schools}
    points = [Point(s["name"], *where[s["id"]]) for s in schools]
    lines = [
        Line(*where[t["school"]], *where[a["school"]])
        for t in run.result.get("teachers", [])
        for a in t["assignments"]
        if t["school"] in where and a["school"] in where
    ]
    return Map(width, height, points, lines)
