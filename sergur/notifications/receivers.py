"""The case log's new events, and the steps of the PKG, PKB and KKG/MGMP, reach the
notifications through signals: the message is made by the background worker after the
writer's transaction commits, never inside the request."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from sergur.accounts.models import User
from sergur.appraisal.models import Appraisal
from sergur.cases.models import CaseEvent
from sergur.development.models import Activity, Plan
from sergur.kkg.models import Meeting, Package
from sergur.notifications.models import Kind
from sergur.notifications.selectors import (
    ALLOWANCE_WHO,
    WHO,
    activity_recipients,
    appraisal_recipients,
    meeting_members,
    plan_school_operators,
    plan_teacher,
    report_earners,
    teacher_users,
)
from sergur.notifications.services import notices_queue, notices_queue_each
from sergur.payments.models import PaymentRun, Sktp
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


def on_plan_opened(sender: Any, plan: Plan, actor: User | None, **kwargs: Any) -> None:
    """Tell the teacher a development plan (PKB) was opened for them, once the transaction
    commits."""
    user = plan.teacher.user
    if user is None or (actor is not None and user.pk == actor.pk):
        return
    notices_queue(
        kind=Kind.PKB_PLAN,
        people=[user],
        subject=f"PKB {plan.year} #{plan.pk}",
        link=reverse("development:mine"),
        key=f"pkb-plan:{plan.pk}",
    )


def on_activity_stepped(
    sender: Any, activity: Activity, step: str, actor: User | None, **kwargs: Any
) -> None:
    """Queue the message of a PKB activity's step: waiting for verification (the verifier,
    linked to the teacher's development page), verified or rejected (the teacher, linked to
    their own)."""
    found = activity_recipients(activity, step, actor.pk if actor is not None else None)
    if found is None:
        return
    kind, people = found
    link = (
        reverse("development:teacher", args=[activity.teacher_id])
        if kind == Kind.PKB_TO_VERIFY
        else reverse("development:mine")
    )
    notices_queue(
        kind=kind,
        people=people,
        subject=f"PKB #{activity.pk}",
        link=link,
        key=f"pkb-activity:{activity.pk}:{step}",
    )


def on_meeting_planned(sender: Any, meeting: Meeting, actor: User | None, **kwargs: Any) -> None:
    """Tell the group's members a meeting is scheduled, once the transaction commits."""
    notices_queue(
        kind=Kind.KKG_MEETING,
        people=meeting_members(meeting, actor.pk if actor is not None else None),
        subject=f"KKG/MGMP {meeting.package.year} #{meeting.pk}",
        link=reverse("kkg:meeting", args=[meeting.pk]),
        key=f"kkg-meeting:{meeting.pk}",
    )


def on_package_reported(sender: Any, package: Package, actor: User | None, **kwargs: Any) -> None:
    """Tell the members the reported package earns credit for that they may record it as a
    PKB activity; a replaced report tells only those not told before (one key per
    package)."""
    notices_queue(
        kind=Kind.KKG_REPORT,
        people=report_earners(package, actor.pk if actor is not None else None),
        subject=f"KKG/MGMP {package.year} #{package.pk}",
        link=reverse("development:mine"),
        key=f"kkg-report:{package.pk}",
    )


def on_eligibility_changed(
    sender: Any, semester: str, eligible: list[int], ineligible: list[int], **kwargs: Any
) -> None:
    """Queue a message to each teacher whose allowance verdict changed, once the computation
    commits; it opens their "My allowance" on the semester (why, and what to fix)."""
    moment = timezone.now().isoformat()
    link = reverse("allowance:mine") + f"?semester={semester}"
    for verdict, ids in (("eligible", eligible), ("ineligible", ineligible)):
        people = list(teacher_users(ids).values())
        notices_queue(
            kind=ALLOWANCE_WHO["eligibility_changed"],
            people=people,
            subject=f"TPG {semester}",
            link=link,
            key=f"eligibility:{semester}:{verdict}:{moment}",
        )


def on_sktp_listed(sender: Any, sktp: Sktp, teacher_ids: list[int], **kwargs: Any) -> None:
    """Queue a message to each teacher an SKTP has just listed, once the chunk commits."""
    notices_queue(
        kind=ALLOWANCE_WHO["sktp_listed"],
        people=list(teacher_users(teacher_ids).values()),
        subject=f"{sktp.number}",
        link=reverse("payments:mine"),
        key=f"sktp:{sktp.pk}",
    )


def rupiah_text(amount: Decimal) -> str:
    """`Rp 9.036.000`, as Indonesian writes it (the amount is the teacher's own)."""
    return "Rp " + f"{amount:,.0f}".replace(",", ".")


def on_payments_recorded(
    sender: Any, run: PaymentRun, paid: Mapping[int, tuple[int, Decimal]], **kwargs: Any
) -> None:
    """Queue a message to each teacher a run has just recorded entries for, with their net sum
    of this run (their own data; no name, NIK or NIP), once the chunk commits."""
    users = teacher_users(paid)
    notices_queue_each(
        kind=ALLOWANCE_WHO["payments_recorded"],
        subjects={
            user.pk: f"TPG {run.label}: {rupiah_text(paid[teacher][1])}"
            for teacher, user in users.items()
        },
        link=reverse("payments:mine"),
        key=f"payment_run:{run.pk}",
    )


def on_proposal_accepted(
    sender: Any,
    decision: PlanDecision,
    schools: list[int],
    actor: User | None,
    givers: Mapping[int, list[int]] | None = None,
    **kwargs: Any,
) -> None:
    """Tell the teacher given hours by an accepted proposal (their allowance page), each
    teacher above the cap whose line moved to them (theirs), and each school's operator (the
    school's load, to confirm again), once the transaction commits. A school that lost a
    giver's line hears of the move (`plan_giver`), any other of the hours given
    (`plan_school`): one message per school."""
    semester = decision.run.semester
    subject = f"{semester} #{decision.pk}"
    actor_id = actor.pk if actor is not None else None
    givers = givers or {}
    notices_queue(
        kind=Kind.PLAN_HOURS,
        people=[user for user in plan_teacher(decision) if user.pk != actor_id],
        subject=subject,
        link=reverse("allowance:mine"),
        key=f"plan:{decision.pk}:teacher",
    )
    mine = reverse("allowance:mine") + f"?semester={semester}"
    for giver, user in teacher_users(givers).items():
        if user.pk == actor_id:
            continue
        notices_queue(
            kind=Kind.PLAN_GIVER,
            people=[user],
            subject=subject,
            link=mine,
            key=f"plan:{decision.pk}:giver:{giver}",
        )
    gave = {school for pks in givers.values() for school in pks}
    for school, people in plan_school_operators(sorted({*schools, *gave})).items():
        notices_queue(
            kind=Kind.PLAN_GIVER if school in gave else Kind.PLAN_SCHOOL,
            people=[user for user in people if user.pk != actor_id],
            subject=subject,
            link=f"{reverse('allowance:school', args=[school])}?semester={semester}",
            key=f"plan:{decision.pk}:school:{school}",
        )
