"""Helpers of the planner tests: two schools of Sri's district 3 km apart, a certified
teacher short of hours at one and an overloaded teacher at the other."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sergur.allowance.tests.support import (
    NOW,
    SEMESTER,
    certified,
    line,
    operator_of,
    other_school,
    own_school,
)
from sergur.planner.models import PlanRun
from sergur.planner.services import run_start
from sergur.planner.tasks import compute
from sergur.registry.models import School, Teacher
from sergur.registry.tests.factories import TeacherFactory, TeachingAssignmentFactory
from sergur.rules.allowance.planner_data import planner_limits

LIMITS = planner_limits(2009)


@dataclass(frozen=True, slots=True)
class Scene:
    home: School
    away: School
    short: Teacher
    busy: Teacher


def place(school: School, lat: str, lon: str) -> None:
    School.objects.filter(pk=school.pk).update(latitude=Decimal(lat), longitude=Decimal(lon))


def scene(cast: Any) -> Scene:
    """`short` teaches 18 JP of 180 at home; `busy` teaches 8 classes of 6 JP of 180 away
    (48 JP, above the cap of 40)."""
    home, away = own_school(cast), other_school(cast)
    place(home, "-1.6000", "103.6000")
    place(away, "-1.6000", "103.6270")
    short = certified(cast)
    line(short, home, operator_of(home), 18, pupils=30)
    busy = TeacherFactory()
    TeachingAssignmentFactory(teacher=busy, school=away, is_main=True)
    operator = operator_of(away, "operator_away")
    for n in range(8):
        line(busy, away, operator, 6, label=f"9{'ABCDEFGH'[n]}", pupils=25)
    home.refresh_from_db()
    away.refresh_from_db()
    return Scene(home, away, short, busy)


def started(cast: Any, **what_if: int) -> PlanRun:
    """A run of the district committee of Sri's district for SEMESTER: 24 JP, 15 km, three
    schools (and the what-if given)."""
    return run_start(
        actor=cast.dinas,
        district=cast.dinas.district,
        semester=SEMESTER,
        min_hours=24,
        max_km=Decimal(15),
        max_schools=3,
        now=NOW,
        **what_if,
    )


def computed(cast: Any) -> PlanRun:
    """A run started and computed (inline), done."""
    run = started(cast)
    compute(run.pk)
    run.refresh_from_db()
    assert run.state == PlanRun.State.DONE
    return run
