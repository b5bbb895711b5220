"""The standing towards the next rank and the development plans (docs/pkb.md)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from sergur.accounts.models import User
from sergur.appraisal.models import Appraisal
from sergur.appraisal.selectors import appraisal_competencies_below
from sergur.common.audit import Action, audit_record
from sergur.development.models import Plan, Standing
from sergur.development.selectors import SIGNED_STATES, year_params
from sergur.development.signals import plan_opened
from sergur.registry.models import Teacher

UNKNOWN_RANK = _("Rank %(rank)s is not in the table of promotion steps (%(ranks)s).")
NOT_SIGNED = _("A remedial plan follows an appraisal the teacher has signed.")
NOTHING_BELOW = _("No competency of this appraisal is below standard: open a career plan.")
PLAN_EXISTS = _("This appraisal already has its remedial plan.")
DEADLINE_PAST = _("The deadline must be after the plan is opened.")


def _audit(actor: User, teacher: Teacher, what: str, **detail: int | str) -> None:
    audit_record(
        action=Action.PKB_CHANGED,
        user=actor,
        object_kind="teacher",
        object_id=teacher.pk,
        detail={"what": what, **detail},
    )


@transaction.atomic
def standing_record(
    *,
    actor: User,
    teacher: Teacher,
    rank: str,
    since: dt.date,
    carried_pk: Decimal,
    supporting: Decimal,
) -> Standing:
    """Record the rank the teacher holds, since when, and the credits carried (the district's
    credit team; docs/pkb.md "Standing")."""
    dev, _kkg = year_params(since.year)
    if rank not in dev.ranks:
        raise ValidationError(
            UNKNOWN_RANK, code="rank", params={"rank": rank, "ranks": ", ".join(dev.ranks)}
        )
    standing = Standing.objects.filter(teacher=teacher).first() or Standing(teacher=teacher)
    standing.rank = rank
    standing.since = since
    standing.carried_pk = carried_pk
    standing.supporting = supporting
    standing.updated_by = actor
    standing.full_clean()
    standing.save()
    _audit(actor, teacher, "standing", rank=rank)
    return standing


@transaction.atomic
def plan_open(
    *, actor: User, teacher: Teacher, year: int, goal: str, deadline: dt.date, today: dt.date
) -> Plan:
    """Open a career-development plan (an appraisal without competencies below standard)."""
    if deadline <= today:
        raise ValidationError(DEADLINE_PAST, code="deadline")
    plan = Plan(
        teacher=teacher,
        year=year,
        kind=Plan.Kind.CAREER,
        goal=goal.strip(),
        deadline=deadline,
        created_by=actor,
    )
    plan.full_clean()
    plan.save()
    _audit(actor, teacher, "plan", plan=plan.pk, kind=plan.kind)
    plan_opened.send(sender=Plan, plan=plan, actor=actor)
    return plan


@transaction.atomic
def plan_open_remedial(
    *, actor: User, appraisal: Appraisal, goal: str, deadline: dt.date, today: dt.date
) -> Plan:
    """Open the remedial plan of a signed appraisal for its competencies below standard
    (docs/sources/domain.md §7.3: a PK result below standard obliges remedial PKB)."""
    appraisal = Appraisal.objects.select_for_update().get(pk=appraisal.pk)
    if appraisal.state not in SIGNED_STATES:
        raise ValidationError(NOT_SIGNED, code="not_signed")
    if Plan.objects.filter(appraisal=appraisal).exists():
        raise ValidationError(PLAN_EXISTS, code="exists")
    below = appraisal_competencies_below(appraisal)
    if not below:
        raise ValidationError(NOTHING_BELOW, code="nothing_below")
    if deadline <= today:
        raise ValidationError(DEADLINE_PAST, code="deadline")
    plan = Plan(
        teacher=appraisal.teacher,
        year=appraisal.year,
        kind=Plan.Kind.REMEDIAL,
        appraisal=appraisal,
        competencies=[
            {"key": c.key, "id": c.name_id, "en": c.name_en, "value": c.value} for c in below
        ],
        goal=goal.strip(),
        deadline=deadline,
        created_by=actor,
    )
    plan.full_clean()
    plan.save()
    _audit(actor, appraisal.teacher, "plan", plan=plan.pk, kind=plan.kind)
    plan_opened.send(sender=Plan, plan=plan, actor=actor)
    return plan
