"""The case log's new events reach the notifications through a signal: the message is made by
the background worker after the writer's transaction commits, never inside the request."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from sergur.accounts.models import User
from sergur.appraisal.models import Appraisal
from sergur.cases.models import CaseEvent
from sergur.notifications.models import Kind
from sergur.notifications.selectors import (
    WHO,
    appraisal_recipients,
    plan_school_operators,
    plan_teacher,
)
from sergur.notifications.services import notices_queue
from sergur.planner.models import PlanDecision


def on_events_logged(sender: Any, events: list[CaseEvent], **kwargs: Any) -> None:
    """Queue the events that concern someone, once the transaction commits."""
    from sergur.notifications.tasks import notices_make_task

    ids = [event.pk for event in events if event.kind in WHO and event.pk is not None]
    if ids:
        transaction.on_commit(lambda: notices_make_task.delay(ids))


def on_appraisal_stepped(
    sender: Any, appraisal: Appraisal, step: str, actor: User | None, **kwargs: Any
) -> None:
    """Queue the messages of an appraisal's step (PKG), once the transaction commits."""
    found = appraisal_recipients(appraisal, step, actor.pk if actor is not None else None)
    if found is None:
        return
    kind, people = found
    notices_queue(
        kind=kind,
        people=people,
        subject=f"PKG {appraisal.year} #{appraisal.pk}",
        link=reverse("appraisal:detail", args=[appraisal.pk]),
        key=f"appraisal:{appraisal.pk}:{step}:{timezone.now().isoformat()}",
    )


def on_proposal_accepted(
    sender: Any, decision: PlanDecision, schools: list[int], actor: User | None, **kwargs: Any
) -> None:
    """Tell the teacher given hours by an accepted proposal (their allowance page) and each
    school's operator (the school's load, to confirm again), once the transaction commits."""
    semester = decision.run.semester
    subject = f"{semester} #{decision.pk}"
    actor_id = actor.pk if actor is not None else None
    notices_queue(
        kind=Kind.PLAN_HOURS,
        people=[user for user in plan_teacher(decision) if user.pk != actor_id],
        subject=subject,
        link=reverse("allowance:mine"),
        key=f"plan:{decision.pk}:teacher",
    )
    for school, people in plan_school_operators(schools).items():
        notices_queue(
            kind=Kind.PLAN_SCHOOL,
            people=[user for user in people if user.pk != actor_id],
            subject=subject,
            link=f"{reverse('allowance:school', args=[school])}?semester={semester}",
            key=f"plan:{decision.pk}:school:{school}",
        )
