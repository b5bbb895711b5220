from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from sergur.common.models import AuditRecord
from sergur.planner.models import PlanRun
from sergur.planner.services import run_start
from sergur.planner.tasks import compute
from sergur.planner.tests.support import scene, started

pytestmark = pytest.mark.django_db

SEMESTER = "2009-1"


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


def test_a_run_proposes_the_overloaded_teachers_class_to_the_short_teacher(cast) -> None:
    s = scene(cast)
    run = started(cast)

    compute(run.pk)

    run.refresh_from_db()
    assert run.state == PlanRun.State.DONE
    assert (run.result["short"], run.result["reached"]) == (1, 1)
    (mine,) = run.result["teachers"]
    assert mine["teacher"] == s.short.pk and mine["reaches"]
    (move,) = mine["assignments"]
    assert (move["school"], move["subject"], move["hours"]) == (s.away.pk, "180", 6)
    assert {x["id"] for x in run.result["schools"]} >= {s.home.pk, s.away.pk}
    assert mine["fixes"] == []
    assert AuditRecord.objects.filter(action="planner.started").count() == 1


def test_the_what_if_and_the_fixes_of_a_teacher_who_cannot_reach(cast) -> None:
    s = scene(cast)
    run = started(cast, what_if_pupils=200, what_if_hours=18)
    PlanRun.objects.filter(pk=run.pk).update(max_km=Decimal(1))

    compute(run.pk)

    run.refresh_from_db()
    (mine,) = run.result["teachers"]
    assert not mine["reaches"] and mine["fixes"]
    assert {"kind", "en", "id"} <= set(mine["fixes"][0])
    assert run.result["what_if"]["reached_then"] == 1
    assert mine["teacher"] == s.short.pk


def test_only_the_districts_committee_starts_a_run_and_one_at_a_time(cast) -> None:
    with pytest.raises(ValidationError):
        run_start(
            actor=cast.sri,
            district=cast.dinas.district,
            semester=SEMESTER,
            min_hours=24,
            max_km=Decimal(15),
            max_schools=3,
        )
    started(cast)
    with pytest.raises(ValidationError, match="already queued"):
        started(cast)
    with pytest.raises(ValidationError, match="both"):
        PlanRun.objects.all().delete()
        started(cast, what_if_pupils=200)


def test_a_failure_keeps_the_error_and_a_second_delivery_does_nothing(cast) -> None:
    run = started(cast)
    PlanRun.objects.filter(pk=run.pk).update(semester="1999-1")

    compute(run.pk)
    compute(run.pk)

    run.refresh_from_db()
    assert run.state == PlanRun.State.FAILED and run.error.startswith("The plan stopped")
