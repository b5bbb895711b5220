"""Writes of the PKG (docs/pkg.md): the principal assigns appraisers, the appraiser opens an
appraisal, enters indicator points with evidence and observations, and submits it; the teacher
signs or objects; the principal and the supervisor countersign; the teacher saves a year-start
self-evaluation. Each write checks the state and the person, runs in a transaction and is
audited; a refusal is a ValidationError with a message that says what is wrong."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sergur.accounts.models import User
from sergur.appraisal.models import (
    Appraisal,
    AppraiserAssignment,
    IndicatorScore,
    Observation,
    SelfEvaluation,
)
from sergur.appraisal.selectors import appraisal_result, appraisal_rights
from sergur.appraisal.signals import appraisal_stepped
from sergur.common.audit import Action, audit_record
from sergur.registry.models import School, Teacher
from sergur.rules.appraisal import decimal, instrument

State = Appraisal.State
CREDIT = Decimal("0.0001")
NOT_ALLOWED = _("You may not do this with this appraisal now.")
NOT_PRINCIPAL = _("Only the principal of the teacher's school assigns an appraiser.")
NOT_ASSIGNED = _("This teacher is not assigned to you for %(year)s.")
BAD_APPRAISER = _("The appraiser must be the principal or a teacher of the same school.")
SELF_APPRAISAL = _("A teacher cannot appraise themself.")
ALREADY_OPEN = _("This teacher already has an appraisal on this instrument for %(year)s.")
OBJECTION_NEEDED = _("Say what you object to.")
BAD_POINTS = _("Competency %(competency)s, indicator %(indicator)s: points must be 0, 1 or 2.")
BAD_SELF = _("Competency %(competency)s: the self-evaluation value must be 1 to 4.")
NO_INSTRUMENT = _("There is no appraisal instrument %(key)s.")


def _audit(appraisal: Appraisal, *, actor: User | None, event: str) -> None:
    audit_record(
        action=Action.APPRAISAL_EVENT,
        user=actor,
        object_kind="appraisal",
        object_id=appraisal.pk,
        district_id=appraisal.school.subdistrict.district_id,
        detail={"event": event, "state": appraisal.state, "year": appraisal.year},
    )


def _stepped(appraisal: Appraisal, *, actor: User) -> None:
    """Tell the listeners (the notifications) the step the appraisal reached."""
    appraisal_stepped.send(
        sender=Appraisal, appraisal=appraisal, step=str(appraisal.state), actor=actor
    )


def _main_school(teacher: Teacher) -> School | None:
    assignment = teacher.assignments.filter(is_main=True).select_related("school").first()
    return assignment.school if assignment is not None else None


@transaction.atomic
def appraiser_assign(
    *, teacher: Teacher, year: int, appraiser: User, actor: User
) -> AppraiserAssignment:
    """The principal of the teacher's main school names the teacher's appraiser for `year`:
    themself or a teacher of the same school (not the teacher being appraised)."""
    school = _main_school(teacher)
    if school is None or actor.role != User.Role.PRINCIPAL or actor.school_id != school.pk:
        raise ValidationError(NOT_PRINCIPAL, code="not_principal")
    if appraiser.pk == teacher.user_id:
        raise ValidationError(SELF_APPRAISAL, code="self")
    same_school = appraiser.pk == actor.pk or (
        appraiser.role == User.Role.TEACHER
        and Teacher.objects.filter(user=appraiser, assignments__school=school).exists()
    )
    if not same_school:
        raise ValidationError(BAD_APPRAISER, code="bad_appraiser")
    assignment, _created = AppraiserAssignment.objects.update_or_create(
        teacher=teacher,
        year=year,
        defaults={"school": school, "appraiser": appraiser, "assigned_by": actor},
    )
    audit_record(
        action=Action.APPRAISAL_EVENT,
        user=actor,
        object_kind="appraiser_assignment",
        object_id=assignment.pk,
        district_id=school.subdistrict.district_id,
        detail={"event": "assigned", "year": year, "appraiser": appraiser.pk},
    )
    return assignment


@transaction.atomic
def appraisal_open(
    *, assignment: AppraiserAssignment, instrument_key: str, actor: User
) -> Appraisal:
    """The assigned appraiser opens the teacher's appraisal of the year on the latest version
    of an instrument, with the teacher's rank and teaching hours as they stand."""
    if assignment.appraiser_id != actor.pk:
        raise ValidationError(NOT_ASSIGNED, code="not_assigned", params={"year": assignment.year})
    try:
        used = instrument(instrument_key)
    except ValueError as exc:
        raise ValidationError(NO_INSTRUMENT, params={"key": instrument_key}) from exc
    teacher = assignment.teacher
    if Appraisal.objects.filter(
        teacher=teacher, year=assignment.year, instrument_key=used.key
    ).exists():
        raise ValidationError(ALREADY_OPEN, code="open", params={"year": assignment.year})
    hours = sum(a.weekly_hours for a in teacher.assignments.all())
    appraisal = Appraisal.objects.create(
        teacher=teacher,
        school=assignment.school,
        year=assignment.year,
        instrument_key=used.key,
        instrument_version=used.version,
        appraiser=actor,
        rank=teacher.rank,
        teaching_hours=hours or None,
    )
    _audit(appraisal, actor=actor, event="opened")
    return appraisal


@transaction.atomic
def appraisal_scores_save(
    *,
    appraisal: Appraisal,
    points: Mapping[tuple[str, int], int],
    evidence: Mapping[tuple[str, int], str],
    monitoring_notes: str,
    teaching_hours: int | None,
    actor: User,
) -> Appraisal:
    """The appraiser saves indicator points (0/1/2) with their evidence; points of indicators
    not given stay as they were. Refused outside a draft or an objection."""
    if not appraisal_rights(user=actor, appraisal=appraisal).edit:
        raise ValidationError(NOT_ALLOWED, code="not_allowed")
    used = instrument(appraisal.instrument_key, appraisal.instrument_version)
    sizes = {c.key: c.indicators for c in used.competencies}
    for (competency, indicator), value in points.items():
        if not 1 <= indicator <= sizes.get(competency, 0) or not 0 <= value <= 2:
            raise ValidationError(
                BAD_POINTS,
                code="points",
                params={"competency": competency, "indicator": indicator},
            )
    existing = {(s.competency, s.indicator): s for s in appraisal.scores.all()}
    changed, fresh = [], []
    for key, value in points.items():
        note = evidence.get(key, "")
        row = existing.get(key)
        if row is None:
            fresh.append(
                IndicatorScore(
                    appraisal=appraisal,
                    competency=key[0],
                    indicator=key[1],
                    points=value,
                    evidence=note,
                )
            )
        elif (row.points, row.evidence) != (value, note):
            row.points, row.evidence = value, note
            changed.append(row)
    IndicatorScore.objects.bulk_create(fresh)
    IndicatorScore.objects.bulk_update(changed, ["points", "evidence"])
    appraisal.monitoring_notes = monitoring_notes
    appraisal.teaching_hours = teaching_hours
    appraisal.save(update_fields=["monitoring_notes", "teaching_hours"])
    return appraisal


@transaction.atomic
def observation_add(
    *,
    appraisal: Appraisal,
    observed_on: dt.date,
    pre_discussion: str,
    notes: str,
    post_discussion: str,
    actor: User,
) -> Observation:
    """The appraiser records an observation with its pre- and post-observation discussion."""
    if not appraisal_rights(user=actor, appraisal=appraisal).edit:
        raise ValidationError(NOT_ALLOWED, code="not_allowed")
    return Observation.objects.create(
        appraisal=appraisal,
        observed_on=observed_on,
        pre_discussion=pre_discussion,
        notes=notes,
        post_discussion=post_discussion,
    )


def _store_result(appraisal: Appraisal) -> None:
    result = appraisal_result(appraisal)
    appraisal.total = result.total
    appraisal.score = decimal(result.score)
    appraisal.category = result.category.code
    appraisal.npk = result.category.npk
    appraisal.below_count = len(result.below_standard)
    appraisal.lowest_value = min((c.value for c in result.competencies), default=None)
    appraisal.credit = None if result.credit is None else decimal(result.credit.amount, CREDIT)


@transaction.atomic
def appraisal_submit(
    *, appraisal: Appraisal, actor: User, now: dt.datetime | None = None
) -> Appraisal:
    """The appraiser submits the appraisal to the teacher: the result is computed and stored,
    the objection (if any) is kept in the trail and cleared."""
    if not appraisal_rights(user=actor, appraisal=appraisal).edit:
        raise ValidationError(NOT_ALLOWED, code="not_allowed")
    _store_result(appraisal)
    appraisal.state = State.SUBMITTED
    appraisal.submitted_at = now or timezone.now()
    appraisal.save()
    _audit(appraisal, actor=actor, event="submitted")
    _stepped(appraisal, actor=actor)
    return appraisal


@transaction.atomic
def appraisal_sign(
    *, appraisal: Appraisal, actor: User, now: dt.datetime | None = None
) -> Appraisal:
    """The teacher signs the submitted appraisal."""
    if not appraisal_rights(user=actor, appraisal=appraisal).sign:
        raise ValidationError(NOT_ALLOWED, code="not_allowed")
    appraisal.state = State.SIGNED
    appraisal.teacher_signed_at = now or timezone.now()
    appraisal.objection = ""
    appraisal.save(update_fields=["state", "teacher_signed_at", "objection"])
    _audit(appraisal, actor=actor, event="signed")
    _stepped(appraisal, actor=actor)
    return appraisal


@transaction.atomic
def appraisal_object(*, appraisal: Appraisal, actor: User, objection: str) -> Appraisal:
    """The teacher records an objection: the appraisal goes back to the appraiser."""
    if not appraisal_rights(user=actor, appraisal=appraisal).sign:
        raise ValidationError(NOT_ALLOWED, code="not_allowed")
    if not objection.strip():
        raise ValidationError(OBJECTION_NEEDED, code="objection")
    appraisal.state = State.OBJECTED
    appraisal.objection = objection.strip()
    appraisal.save(update_fields=["state", "objection"])
    _audit(appraisal, actor=actor, event="objected")
    _stepped(appraisal, actor=actor)
    return appraisal


@transaction.atomic
def appraisal_countersign(
    *, appraisal: Appraisal, actor: User, now: dt.datetime | None = None
) -> Appraisal:
    """The principal of the school, then a supervisor of the school, countersign; the
    supervisor's signature makes the appraisal final."""
    rights = appraisal_rights(user=actor, appraisal=appraisal)
    moment = now or timezone.now()
    if rights.countersign_principal:
        appraisal.state = State.PRINCIPAL_SIGNED
        appraisal.principal = actor
        appraisal.principal_signed_at = moment
    elif rights.countersign_supervisor:
        appraisal.state = State.FINAL
        appraisal.supervisor = actor
        appraisal.final_at = moment
    else:
        raise ValidationError(NOT_ALLOWED, code="not_allowed")
    appraisal.save()
    _audit(appraisal, actor=actor, event=appraisal.state)
    _stepped(appraisal, actor=actor)
    return appraisal


@transaction.atomic
def self_evaluation_save(
    *, teacher: Teacher, year: int, instrument_key: str, values: Mapping[str, int], actor: User
) -> SelfEvaluation:
    """The teacher saves their year-start self-evaluation: a value 1-4 per competency."""
    if teacher.user_id != actor.pk:
        raise ValidationError(NOT_ALLOWED, code="not_allowed")
    try:
        used = instrument(instrument_key)
    except ValueError as exc:
        raise ValidationError(NO_INSTRUMENT, params={"key": instrument_key}) from exc
    for competency in used.competencies:
        value = values.get(competency.key)
        if value is None or not 1 <= value <= 4:
            raise ValidationError(BAD_SELF, code="self", params={"competency": competency.key})
    evaluation, _created = SelfEvaluation.objects.update_or_create(
        teacher=teacher,
        year=year,
        instrument_key=used.key,
        defaults={
            "instrument_version": used.version,
            "values": {c.key: values[c.key] for c in used.competencies},
        },
    )
    return evaluation
