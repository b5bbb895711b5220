"""The access matrix's objects of the allowance (access_world.py builds the rest): Sri's
school, whose load `school_operator:own` keeps, with one timetable line of a certified
teacher, entered through the services."""

from __future__ import annotations

from decimal import Decimal

from sergur.accounts.models import User
from sergur.allowance.tests.support import certified, line, own_school
from sergur.common.tests.access_world import Target
from sergur.conftest import Cast
from sergur.planner.models import PlanRun
from sergur.planner.services import run_compute, run_start


def allowance_targets(cast: Cast, users: dict[str, User]) -> dict[str, Target]:
    """Sri's school and a line of its load for semester 2009-1."""
    school = own_school(cast)
    entry = line(certified(cast), school, users["school_operator:own"], 24)
    return {
        "allowance_school": Target(name="allowance_school", kwargs={"pk": school.pk}),
        "allowance_line": Target(name="allowance_line", kwargs={"pk": entry.pk}),
        "plan_run": Target(name="plan_run", kwargs={"pk": _plan_run(cast).pk}),
    }


def _plan_run(cast: Cast) -> PlanRun:
    """A computed planner run of Bantul (docs/allowance.md, "The page")."""
    assert cast.dinas.district is not None
    run = run_start(
        actor=cast.dinas,
        district=cast.dinas.district,
        semester="2009-1",
        min_hours=24,
        max_km=Decimal(15),
        max_schools=3,
    )
    return run_compute(run=run)
