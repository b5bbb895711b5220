"""Reads of the PKG (docs/pkg.md): who may see and do what with an appraisal (the access
helpers), the worklists, an appraisal's result with every step, and the read API other apps use:
`appraisal_latest_categories` (the allowance) and `appraisal_competencies_below` (PKB)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet
from django.http import Http404

from sergur.accounts.access import acting_user
from sergur.accounts.models import User
from sergur.appraisal.models import Appraisal, AppraiserAssignment, SelfEvaluation
from sergur.registry.models import Teacher
from sergur.rules.appraisal import (
    AppraisalParams,
    Instrument,
    PkgResult,
    appraisal_params,
    decimal,
    evaluate,
    instrument,
)

Role = User.Role
State = Appraisal.State


def appraisal_scope(user: User | AnonymousUser) -> Q | None:
    """The appraisals a user may see: their appraiser's (only the teachers assigned to them),
    the teacher's own, the principal's school's, the supervisor's schools', the district
    committee's and head's district's; None when they may see none."""
    person = acting_user(user)
    if person is None:
        return None
    if person.is_superuser:
        return Q()
    scope = Q(appraiser=person)
    if person.role == Role.TEACHER:
        scope |= Q(teacher__user=person)
    elif person.role == Role.PRINCIPAL and person.school_id is not None:
        scope |= Q(school=person.school_id)
    elif person.role == Role.SUPERVISOR:
        scope |= Q(school__in=person.supervised_schools.all())
    elif person.role in (Role.DISTRICT_COMMITTEE, Role.DISTRICT_HEAD) and person.district_id:
        scope |= Q(school__subdistrict__district=person.district_id)
    return scope


def appraisal_list_for_user(*, user: User | AnonymousUser) -> QuerySet[Appraisal]:
    """The appraisals the user may see, newest year first."""
    scope = appraisal_scope(user)
    if scope is None:
        return Appraisal.objects.none()
    return Appraisal.objects.filter(scope).select_related("teacher", "school", "appraiser")


def appraisal_get_for_user(*, user: User | AnonymousUser, pk: int) -> Appraisal:
    """The appraisal `pk` if the user may see it; 404 otherwise (no hint that it exists)."""
    appraisal = appraisal_list_for_user(user=user).filter(pk=pk).first()
    if appraisal is None:
        raise Http404
    return appraisal


@dataclass(frozen=True, slots=True)
class AppraisalRights:
    """What a user may do with one appraisal they may see."""

    edit: bool
    sign: bool
    countersign_principal: bool
    countersign_supervisor: bool
    is_owner: bool


def appraisal_rights(*, user: User | AnonymousUser, appraisal: Appraisal) -> AppraisalRights:
    """The access helper of an appraisal: the appraiser edits a draft (or one objected to) and
    submits it; the teacher signs or objects once submitted; the school's principal, then a
    supervisor of the school, countersign."""
    person = acting_user(user)
    if person is None:
        return AppraisalRights(False, False, False, False, False)
    owner = appraisal.teacher.user_id == person.pk
    return AppraisalRights(
        edit=appraisal.appraiser_id == person.pk
        and appraisal.state in (State.DRAFT, State.OBJECTED),
        sign=owner and appraisal.state == State.SUBMITTED,
        countersign_principal=appraisal.state == State.SIGNED
        and person.role == Role.PRINCIPAL
        and person.school_id == appraisal.school_id,
        countersign_supervisor=appraisal.state == State.PRINCIPAL_SIGNED
        and person.role == Role.SUPERVISOR
        and person.supervised_schools.filter(pk=appraisal.school_id).exists(),
        is_owner=owner,
    )


def assignment_scope(user: User | AnonymousUser) -> Q | None:
    """The appraiser assignments a user may see: the principal's school's, and their own."""
    person = acting_user(user)
    if person is None:
        return None
    if person.is_superuser:
        return Q()
    if person.role == Role.PRINCIPAL and person.school_id is not None:
        return Q(school=person.school_id) | Q(appraiser=person)
    return Q(appraiser=person)


def appraiser_worklist(*, user: User | AnonymousUser, year: int) -> QuerySet[AppraiserAssignment]:
    """The teachers assigned to the user for `year` (the appraiser's worklist)."""
    person = acting_user(user)
    if person is None:
        return AppraiserAssignment.objects.none()
    return AppraiserAssignment.objects.filter(appraiser=person, year=year).select_related(
        "teacher", "school"
    )


def assignment_teachers_for_principal(*, user: User | AnonymousUser) -> QuerySet[Teacher]:
    """The teachers of the principal's school (main school), whom they may assign."""
    person = acting_user(user)
    if person is None or person.role != Role.PRINCIPAL or person.school_id is None:
        return Teacher.objects.none()
    return Teacher.objects.filter(
        assignments__school=person.school_id, assignments__is_main=True
    ).order_by("name")


def appraisal_instrument(appraisal: Appraisal) -> Instrument:
    """The instrument version the appraisal was made with."""
    return instrument(
        appraisal.instrument_key, appraisal.instrument_version, tuple(settings.SERGUR_YEARS_DIRS)
    )


def appraisal_year_params(appraisal: Appraisal) -> AppraisalParams:
    """The scoring and credit figures of the appraisal's year."""
    return appraisal_params(appraisal.year, tuple(settings.SERGUR_YEARS_DIRS))


def appraisal_points(appraisal: Appraisal) -> dict[str, list[int]]:
    """The points entered so far, per competency in indicator order (missing ones as 0)."""
    used = appraisal_instrument(appraisal)
    points = {c.key: [0] * c.indicators for c in used.competencies}
    for score in appraisal.scores.all():
        row = points.get(score.competency)
        if row is not None and 1 <= score.indicator <= len(row):
            row[score.indicator - 1] = score.points
    return points


def appraisal_result(appraisal: Appraisal) -> PkgResult:
    """Every step of the appraisal's result, from its points (docs/pkg.md, "Scoring")."""
    return evaluate(
        appraisal_instrument(appraisal),
        appraisal_points(appraisal),
        appraisal_year_params(appraisal),
        rank=appraisal.rank,
        hours=appraisal.teaching_hours,
    )


def appraisal_latest_categories(teacher_ids: Iterable[int], *, before: dt.date) -> dict[int, str]:
    """The category code (AB, B, C, S, K) of each teacher's latest final PKG made final before
    `before`; teachers without one are left out. One query."""
    ids = list(teacher_ids)
    rows = (
        Appraisal.objects.filter(
            teacher_id__in=ids,
            state=State.FINAL,
            final_at__date__lt=before,
            instrument_key__startswith="pkg-",
        )
        .order_by("teacher_id", "-final_at", "-pk")
        .values_list("teacher_id", "category")
    )
    latest: dict[int, str] = {}
    for teacher_id, category in rows:
        latest.setdefault(teacher_id, category)
    return latest


@dataclass(frozen=True, slots=True)
class CompetencyBelow:
    """A competency of an appraisal below the year's standard (for a remedial PKB plan)."""

    key: str
    name_id: str
    name_en: str
    percentage: Decimal
    value: int
    standard: int

    def name(self, lang: str) -> str:
        """The competency's name in `lang` (id or en)."""
        return self.name_id if lang == "id" else self.name_en


def appraisal_competencies_below(appraisal: Appraisal) -> list[CompetencyBelow]:
    """The competencies of the appraisal whose converted value is below the year's standard
    value (docs/pkg.md, "Below standard"), in the instrument's order."""
    result = appraisal_result(appraisal)
    standard = appraisal_year_params(appraisal).standard_value
    return [
        CompetencyBelow(
            key=c.competency.key,
            name_id=c.competency.name_id,
            name_en=c.competency.name_en,
            percentage=decimal(c.percentage),
            value=c.value,
            standard=standard,
        )
        for c in result.below_standard
    ]


def self_evaluation_for(*, teacher: Teacher, year: int, key: str) -> SelfEvaluation | None:
    """The teacher's self-evaluation of `year` on instrument `key`, if any."""
    return SelfEvaluation.objects.filter(teacher=teacher, year=year, instrument_key=key).first()
