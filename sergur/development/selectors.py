"""Reads of PKB: who may see and act on which teacher's development (the access helpers),
the teacher's credits per element and the balance towards the next rank from the rules core,
the verifier's worklist, and the appraisals that call for a remedial plan (docs/pkb.md)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet, Sum
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from sergur.accounts.access import acting_user
from sergur.accounts.models import User
from sergur.appraisal.models import Appraisal
from sergur.appraisal.selectors import CompetencyBelow, appraisal_competencies_below
from sergur.development.models import Activity, Plan, Standing
from sergur.registry.models import School, Teacher
from sergur.rules.development import (
    Balance,
    DevelopmentParams,
    Earned,
    Element,
    balance,
    development_params,
)
from sergur.rules.kkg import KkgParams, kkg_params
from sergur.rules.programme import ProgrammeYearError

Role = User.Role
NO_RULES = _("No PKB rules are in force in %(year)s: %(error)s")
SIGNED_STATES = (
    Appraisal.State.SIGNED,
    Appraisal.State.PRINCIPAL_SIGNED,
    Appraisal.State.FINAL,
)
"""An appraisal the teacher has signed: its result stands, and a competency below standard
opens a remedial plan."""


def year_params(year: int) -> tuple[DevelopmentParams, KkgParams]:
    """The PKB and KKG rules in force in `year`, or a clear refusal."""
    try:
        dirs = tuple(settings.SERGUR_YEARS_DIRS)
        return development_params(year, dirs), kkg_params(year, dirs)
    except ProgrammeYearError as exc:
        raise ValidationError(
            NO_RULES, code="no_rules", params={"year": year, "error": exc}
        ) from exc


def _main_school(**school_filter: object) -> Q:
    schools = School.objects.filter(**school_filter).values("pk")
    return Q(
        pk__in=Teacher.objects.filter(
            assignments__is_main=True, assignments__school__in=schools
        ).values("pk")
    )


def teacher_scope(user: User | AnonymousUser) -> Q | None:
    """The teachers whose development a user may see: the teacher's own, the principal's and
    supervisor's schools' (by main school), the district's."""
    person = acting_user(user)
    if person is None:
        return None
    if person.is_superuser:
        return Q()
    role = person.role
    if role == Role.TEACHER:
        return Q(user=person)
    if role == Role.PRINCIPAL and person.school_id is not None:
        return _main_school(pk=person.school_id)
    if role == Role.SUPERVISOR:
        return _main_school(supervisors=person)
    if role in (Role.DISTRICT_COMMITTEE, Role.DISTRICT_HEAD) and person.district_id is not None:
        return _main_school(subdistrict__district=person.district_id)
    return None


def teacher_get_for_user(*, user: User | AnonymousUser, pk: int) -> Teacher:
    """The teacher if the user may see their development; 404 otherwise."""
    scope = teacher_scope(user)
    if scope is None:
        raise Http404
    found = Teacher.objects.filter(scope, pk=pk).first()
    if found is None:
        raise Http404
    return found


def activity_get_for_user(*, user: User | AnonymousUser, pk: int) -> Activity:
    """The activity if the user may see its teacher's development; 404 otherwise."""
    activity = Activity.objects.filter(pk=pk).first()
    if activity is None:
        raise Http404
    activity.teacher = teacher_get_for_user(user=user, pk=activity.teacher_id)
    return activity


@dataclass(frozen=True, slots=True)
class PkbRights:
    """What a user who sees a teacher's development may do."""

    record: bool  # the teacher records activities
    verify: bool  # the principal or supervisor of the main school verifies, opens plans
    standing: bool  # the district records the rank and carried credits


def pkb_rights(*, user: User, teacher: Teacher) -> PkbRights:
    """The teacher records; the principal and the supervisor of the teacher's main school
    verify and open plans; the district committee of its district records the standing."""
    if user.is_superuser:
        return PkbRights(record=False, verify=True, standing=True)
    main = teacher.assignments.filter(is_main=True).select_related("school__subdistrict").first()
    school = main.school if main is not None else None
    verify = school is not None and (
        (user.role == Role.PRINCIPAL and user.school_id == school.pk)
        or (user.role == Role.SUPERVISOR and user.supervised_schools.filter(pk=school.pk).exists())
    )
    standing = (
        school is not None
        and user.role == Role.DISTRICT_COMMITTEE
        and user.district_id == school.subdistrict.district_id
    )
    return PkbRights(record=teacher.user_id == user.pk, verify=verify, standing=standing)


@dataclass(frozen=True, slots=True)
class Progress:
    """A teacher's credits since reaching the rank and the balance towards the next."""

    standing: Standing | None
    earned: Earned
    appraisal_credit: Decimal
    balance: Balance | None
    top: bool


def teacher_progress(*, teacher: Teacher, year: int) -> Progress:
    """The credits per element since the rank was reached (carried and supporting credit,
    the yearly credit of final appraisals since, verified activities since) and the balance
    of the step out of the rank (docs/pkb.md "Progress")."""
    standing = Standing.objects.filter(teacher=teacher).first()
    if standing is None:
        return Progress(None, Earned(), Decimal(0), None, top=False)
    dev, kkg = year_params(year)
    appraisals = Appraisal.objects.filter(
        teacher=teacher, state=Appraisal.State.FINAL, year__gte=standing.since.year
    ).aggregate(total=Sum("credit"))["total"] or Decimal(0)
    earned = Earned(
        pk=standing.carried_pk + appraisals,
        supporting=standing.supporting,
    )
    verified = Activity.objects.filter(
        teacher=teacher, state=Activity.State.VERIFIED, done_on__gte=standing.since
    )
    for element, credit in (
        verified.values("element").annotate(total=Sum("credit")).values_list("element", "total")
    ):
        earned = earned.add(Element(element), credit or Decimal(0))
    if verified.filter(kind="presentation", credit__gt=0).exists():
        earned = Earned(
            pk=earned.pk,
            pd=earned.pd,
            pi_ki=earned.pi_ki,
            supporting=earned.supporting,
            presentation=True,
        )
    try:
        step = dev.step_from(standing.rank)
    except KeyError:
        step = None
    result = balance(step, earned, dev=dev, kkg=kkg) if step is not None else None
    return Progress(standing, earned, appraisals, result, top=step is None)


def teacher_plans(*, teacher: Teacher) -> QuerySet[Plan]:
    """The teacher's plans, newest first, with their activities."""
    return Plan.objects.filter(teacher=teacher).prefetch_related("activities")


def teacher_activities(*, teacher: Teacher) -> QuerySet[Activity]:
    """The teacher's activities, newest first."""
    return Activity.objects.filter(teacher=teacher).select_related("plan", "kkg_package__group")


@dataclass(frozen=True, slots=True)
class Below:
    """A signed appraisal with competencies below standard and no plan yet."""

    appraisal: Appraisal
    competencies: list[CompetencyBelow]


def appraisals_needing_plans(*, teacher: Teacher) -> list[Below]:
    """The teacher's signed appraisals whose competencies below standard have no remedial
    plan yet (docs/sources/domain.md §7.3: below standard obliges remedial PKB)."""
    found = []
    for appraisal in Appraisal.objects.filter(
        teacher=teacher, state__in=SIGNED_STATES, pkb_plan__isnull=True
    ).order_by("-year"):
        below = appraisal_competencies_below(appraisal)
        if below:
            found.append(Below(appraisal, below))
    return found


def _verifier_teachers(user: User) -> QuerySet[Teacher] | None:
    """The teachers whose activities and plans a principal or supervisor verifies (by main
    school); None for anyone else."""
    if user.is_superuser:
        scope = Q()
    elif user.role == Role.PRINCIPAL and user.school_id is not None:
        scope = _main_school(pk=user.school_id)
    elif user.role == Role.SUPERVISOR:
        scope = _main_school(supervisors=user)
    else:
        return None
    return Teacher.objects.filter(scope)


def verifier_worklist(*, user: User) -> QuerySet[Activity]:
    """The activities waiting for this principal's or supervisor's verification."""
    teachers = _verifier_teachers(user)
    if teachers is None:
        return Activity.objects.none()
    return (
        Activity.objects.filter(teacher__in=teachers.values("pk"), state=Activity.State.SUBMITTED)
        .select_related("teacher")
        .order_by("created_at")
    )


def verifier_plans_due(*, user: User) -> QuerySet[Appraisal]:
    """The signed appraisals of this principal's or supervisor's teachers with competencies
    below standard (the count kept on the appraisal when it was submitted) and no remedial
    plan yet: each waits for its plan (docs/sources/domain.md §7.3)."""
    teachers = _verifier_teachers(user)
    if teachers is None:
        return Appraisal.objects.none()
    return (
        Appraisal.objects.filter(
            teacher__in=teachers.values("pk"),
            state__in=SIGNED_STATES,
            below_count__gt=0,
            pkb_plan__isnull=True,
        )
        .select_related("teacher")
        .order_by("year", "teacher__name", "pk")
    )
