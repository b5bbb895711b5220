"""The district committee accepts, accepts in part or rejects a run's proposal for a teacher
(docs/allowance.md, "Accepting a proposal"). Accepting writes the load through the
allowance's `load_assign` (which refuses a stale proposal whole), records the decision on the
run, audits it and tells the teacher, every teacher who gave a line and the schools'
operators."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from sergur.accounts.models import User
from sergur.allowance.services import Source, Taken, load_assign
from sergur.common.audit import audit_record
from sergur.planner.models import PlanDecision, PlanRun
from sergur.planner.services.instance import slot_line, slot_open, slot_team
from sergur.planner.signals import proposal_accepted
from sergur.registry.models import Teacher

ACCEPTED = "planner.accepted"
REJECTED = "planner.rejected"
NOT_COMMITTEE = _("Only the committee of the run's district decides on its proposal.")
NOT_DONE = _("The run has no proposal yet.")
NOT_PROPOSED = _("The run proposes no hours for this teacher.")
NOT_IN_PROPOSAL = _("Only class-subjects the run proposed to this teacher can be accepted.")
DECIDED = _("The proposal for this teacher was already %(outcome)s on %(when)s.")
ACCEPTED_SINCE = _(
    "Another plan of this semester was accepted for this teacher after this run was computed; "
    "run the plan again."
)


def _check(run: PlanRun, actor: User) -> None:
    if not (actor.role == User.Role.DISTRICT_COMMITTEE and actor.district_id == run.district_id):
        raise ValidationError(NOT_COMMITTEE, code="forbidden")
    if run.state != PlanRun.State.DONE:
        raise ValidationError(NOT_DONE, code="not_done")


def _proposed(run: PlanRun, teacher: Teacher) -> list[dict[str, Any]]:
    """The class-subjects the run proposes to the teacher (empty: none)."""
    for row in run.result.get("teachers", []):
        if row.get("teacher") == teacher.pk:
            return list(row.get("assignments", []))
    return []


def _not_decided(run: PlanRun, teacher: Teacher) -> None:
    earlier = PlanDecision.objects.filter(run=run, teacher=teacher).first()
    if earlier is not None:
        when = date_format(timezone.localtime(earlier.decided_at), "DATETIME_FORMAT")
        params = {"outcome": earlier.get_outcome_display().lower(), "when": when}
        raise ValidationError(DECIDED, code="decided", params=params)


def _taken(item: dict[str, Any]) -> Taken:
    key = str(item["slot"])
    found = {
        Source.LINE: slot_line(key),
        Source.OPEN: slot_open(key),
        Source.TEAM: slot_team(key),
    }
    known = [(source, pk) for source, pk in found.items() if pk is not None]
    if not known:
        raise ValidationError(NOT_IN_PROPOSAL, code="slot")
    ((source, pk),) = known
    return Taken(
        source=source,
        pk=pk,
        school=int(item["school"]),
        class_label=str(item["class"]),
        subject=str(item["subject"]),
        hours=int(item["hours"]),
    )


@transaction.atomic
def proposal_accept(
    *,
    run: PlanRun,
    teacher: Teacher,
    slots: Sequence[str],
    actor: User,
    now: dt.datetime | None = None,
) -> PlanDecision:
    """Accept the run's proposal for the teacher: all its class-subjects, or those in
    `slots` (a subset of the proposal's keys). The load is written, the teacher's (and every
    giver's) eligibility recomputed and the decision recorded in one transaction; a stale
    proposal is refused whole."""
    _check(run, actor)
    run = PlanRun.objects.select_for_update().get(pk=run.pk)  # one decision at a time
    proposed = _proposed(run, teacher)
    if not proposed:
        raise ValidationError(NOT_PROPOSED, code="not_proposed")
    _not_decided(run, teacher)
    keys = {str(item["slot"]) for item in proposed}
    if not set(slots) <= keys:
        raise ValidationError(NOT_IN_PROPOSAL, code="slot")
    since = PlanDecision.objects.filter(
        teacher=teacher,
        outcome=PlanDecision.Outcome.ACCEPTED,
        run__district=run.district_id,
        run__semester=run.semester,
        decided_at__gte=run.finished_at or run.created_at,
    )
    if since.exists():
        raise ValidationError(ACCEPTED_SINCE, code="accepted_since")
    chosen = [item for item in proposed if str(item["slot"]) in set(slots)]
    when = now or timezone.now()
    assigned = load_assign(
        teacher=teacher,
        semester=run.semester,
        taken=[_taken(item) for item in chosen],
        minimum=run.min_hours,
        actor=actor,
        now=when,
    )
    decision = PlanDecision(
        run=run,
        teacher=teacher,
        outcome=PlanDecision.Outcome.ACCEPTED,
        slots=[str(item["slot"]) for item in chosen],
        decided_by=actor,
        decided_at=when,
    )
    decision.full_clean()
    decision.save()
    schools = sorted({line.school_id for line in assigned.lines})
    audit_record(
        action=ACCEPTED,
        user=actor,
        object_kind="planrun",
        object_id=run.pk,
        district_id=run.district_id,
        detail={"teacher": teacher.pk, "slots": ",".join(decision.slots), "of": len(proposed)},
        now=when,
    )
    proposal_accepted.send(
        sender=PlanDecision,
        decision=decision,
        schools=schools,
        givers=assigned.givers,
        actor=actor,
    )
    return decision


@transaction.atomic
def proposal_reject(
    *, run: PlanRun, teacher: Teacher, actor: User, now: dt.datetime | None = None
) -> PlanDecision:
    """Reject the run's proposal for the teacher: nothing is written but the decision."""
    _check(run, actor)
    run = PlanRun.objects.select_for_update().get(pk=run.pk)
    if not _proposed(run, teacher):
        raise ValidationError(NOT_PROPOSED, code="not_proposed")
    _not_decided(run, teacher)
    when = now or timezone.now()
    decision = PlanDecision(
        run=run,
        teacher=teacher,
        outcome=PlanDecision.Outcome.REJECTED,
        decided_by=actor,
        decided_at=when,
    )
    decision.full_clean()
    decision.save()
    audit_record(
        action=REJECTED,
        user=actor,
        object_kind="planrun",
        object_id=run.pk,
        district_id=run.district_id,
        detail={"teacher": teacher.pk},
        now=when,
    )
    return decision
