"""Start and compute a planner run (docs/allowance.md, "The page"): the instance is built
from the load data, solved by the rules core, and kept as JSON with the fixes in both
languages."""

from __future__ import annotations

import datetime as dt
import logging
import math
from dataclasses import replace
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sergur.accounts.models import User
from sergur.common.audit import audit_record
from sergur.common.errors import log_without_data
from sergur.planner.models import PlanRun
from sergur.planner.services.instance import instance_build
from sergur.registry.models import District
from sergur.rules.allowance import planner
from sergur.rules.allowance.planner_data import planner_limits
from sergur.rules.allowance.semester import parse_semester
from sergur.rules.messages import Message

logger = logging.getLogger(__name__)

STARTED = "planner.started"
NOT_COMMITTEE = _("Only the district committee plans its district's teaching load.")
RUNNING = _("A plan of this semester is already queued or running; wait for it to finish.")
WHAT_IF_BOTH = _("Give both the pupils and the hours of the what-if, or neither.")
FAILED = _("The plan stopped: %(error)s.")


def _texts(message: Message) -> dict[str, str]:
    return {"en": message.text("en"), "id": message.text("id")}


def limits_for(semester: str) -> planner.Limits:
    """The programme year's planner limits for a semester code."""
    return planner_limits(parse_semester(semester).year)


@transaction.atomic
def run_start(
    *,
    actor: User,
    district: District,
    semester: str,
    min_hours: int,
    max_km: Decimal,
    max_schools: int,
    what_if_pupils: int | None = None,
    what_if_hours: int | None = None,
    now: dt.datetime | None = None,
) -> PlanRun:
    """Queue a run; the caller dispatches the task once the transaction commits."""
    if not (actor.role == User.Role.DISTRICT_COMMITTEE and actor.district_id == district.pk):
        raise ValidationError(NOT_COMMITTEE, code="forbidden")
    if (what_if_pupils is None) != (what_if_hours is None):
        raise ValidationError(WHAT_IF_BOTH, code="what_if")
    busy = PlanRun.objects.filter(
        district=district,
        semester=semester,
        state__in=[PlanRun.State.QUEUED, PlanRun.State.RUNNING],
    )
    if busy.exists():
        raise ValidationError(RUNNING, code="running")
    run = PlanRun(
        district=district,
        semester=semester,
        min_hours=min_hours,
        max_km=max_km,
        max_schools=max_schools,
        what_if_pupils=what_if_pupils,
        what_if_hours=what_if_hours,
        started_by=actor,
        created_at=now or timezone.now(),
    )
    run.full_clean()
    run.save()
    audit_record(
        action=STARTED,
        user=actor,
        object_kind="planrun",
        object_id=run.pk,
        district_id=district.pk,
        detail={"semester": semester},
    )
    return run


def _teacher(tp: planner.TeacherPlan) -> dict[str, object]:
    return {
        "teacher": int(tp.teacher.key),
        "school": int(tp.teacher.school),
        "hours": tp.teacher.hours,
        "minimum": tp.minimum,
        "reaches": tp.reaches,
        "hours_added": tp.hours_added,
        "travel_km": round(tp.travel_km, 1),
        "assignments": [
            {
                "slot": a.slot.key,
                "school": int(a.slot.school),
                "class": a.slot.klass,
                "subject": a.slot.subject,
                "hours": a.slot.hours,
                "km": round(a.km, 1),
            }
            for a in tp.assignments
        ],
        "fixes": [{"kind": fix.kind.value, **_texts(fix.message)} for fix in tp.fixes],
    }


def result_json(
    district: planner.District, result: planner.Plan, answer: planner.WhatIf | None
) -> dict[str, object]:
    """The run's JSON: totals, each short teacher's plan and the schools for the map."""
    data: dict[str, object] = {
        "short": result.short,
        "reached": result.reached,
        "already": result.already,
        "travel_km": result.travel_tenths / 10,
        "schools_used": result.schools,
        "optimal": result.optimal,
        # The MIP gap when a time limit stopped the search (0 when proven; None: no bound).
        "gap": result.gap if math.isfinite(result.gap) else None,
        "summary": [_texts(reason) for reason in result.reasons],
        "teachers": [_teacher(tp) for tp in result.teachers],
        "schools": [
            {"id": int(s.key), "name": s.name, "lat": s.lat, "lon": s.lon, "pupils": s.pupils}
            for s in district.schools
        ],
    }
    if answer is not None:
        data["what_if"] = {
            "pupils_below": answer.pupils_below,
            "min_hours": answer.min_hours,
            "reached_now": answer.reached_now,
            "reached_then": answer.reached_then,
        }
    return data


def run_compute(*, run: PlanRun, now: dt.datetime | None = None) -> PlanRun:
    """Compute a queued run to the end; a failure marks it FAILED with the error kept."""
    PlanRun.objects.filter(pk=run.pk).update(state=PlanRun.State.RUNNING)
    try:
        limits = replace(
            limits_for(run.semester),
            min_hours=run.min_hours,
            max_km=float(run.max_km),
            max_schools=run.max_schools,
        )
        built = instance_build(run.district, run.semester, limits)
        result = planner.plan(built.district, limits)
        answer = None
        if run.what_if_pupils is not None and run.what_if_hours is not None:
            answer = planner.what_if(
                built.district,
                limits,
                pupils_below=run.what_if_pupils,
                min_hours=run.what_if_hours,
            )
        data = result_json(built.district, result, answer)
        data["without_place"] = built.without_place
    except Exception as error:
        log_without_data(logger, f"planner run {run.pk}", error)
        PlanRun.objects.filter(pk=run.pk).update(
            state=PlanRun.State.FAILED,
            error=str(FAILED % {"error": type(error).__name__}),
            finished_at=now or timezone.now(),
        )
    else:
        PlanRun.objects.filter(pk=run.pk).update(
            state=PlanRun.State.DONE, result=data, finished_at=now or timezone.now()
        )
    run.refresh_from_db()
    return run
