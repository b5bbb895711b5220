"""Reads of the allowance's load and eligibility, and who may see and change what: the one
place roles are checked (docs/allowance.md, "Who sees what").

A school operator keeps their own school's load; the district committee reads every school
of its district, recomputes eligibility, and keeps the approvals of its teachers and the
linearity table; a teacher sees only their own eligibility."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sergur.accounts.access import acting_user
from sergur.accounts.models import User
from sergur.allowance.models import (
    AdditionalDuty,
    CounsellingLoad,
    Linearity,
    LoadConfirmation,
    MinisterApproval,
    OpenHours,
    SemesterEligibility,
    TeacherSemester,
    TeachingLoad,
)
from sergur.registry.models import School, Teacher
from sergur.rules.allowance.params import AllowanceParams, allowance_params
from sergur.rules.allowance.semester import Semester, SemesterError, parse_semester, semester_of
from sergur.rules.programme import ProgrammeYearError

Role = User.Role
NO_RULES = _("There are no allowance rules for semester %(semester)s: %(error)s")


def current_semester() -> Semester:
    """The semester of today."""
    return semester_of(timezone.localdate())


def semester_or_current(code: str | None) -> Semester:
    """The semester `code` names, or today's when it is empty or not a semester."""
    try:
        return parse_semester(code or "")
    except SemesterError:
        return current_semester()


def semester_params(semester: Semester) -> AllowanceParams:
    """The allowance rules in force in `semester`, or a clear refusal."""
    try:
        return allowance_params(semester.year, tuple(settings.SERGUR_YEARS_DIRS))
    except ProgrammeYearError as exc:
        raise ValidationError(
            NO_RULES, code="no_rules", params={"semester": semester.code, "error": exc}
        ) from exc


# --- Schools ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class SchoolRights:
    """What a user may do with a school's load: read it, change it (the school's operator)."""

    edit: bool


def school_scope(user: User | AnonymousUser) -> Q | None:
    """The schools whose load a user may read; None when the role reads none."""
    person = acting_user(user)
    if person is None:
        return None
    if person.is_superuser:
        return Q()
    if person.role == Role.SCHOOL_OPERATOR and person.school_id is not None:
        return Q(pk=person.school_id)
    if person.role == Role.DISTRICT_COMMITTEE and person.district_id is not None:
        return Q(subdistrict__district=person.district_id)
    return None


def school_get_for_user(*, user: User | AnonymousUser, pk: int) -> tuple[School, SchoolRights]:
    """The school and the user's rights on its load: 403 for a role that reads no load, 404
    for a school out of the user's reach (its existence is not revealed)."""
    scope = school_scope(user)
    if scope is None:
        raise PermissionDenied
    school = School.objects.filter(scope, pk=pk).select_related("subdistrict__district").first()
    if school is None:
        raise Http404
    person = acting_user(user)
    assert person is not None  # noqa: S101 # nosec B101 # a scope means a signed-in user
    edit = person.is_superuser or person.role == Role.SCHOOL_OPERATOR
    return school, SchoolRights(edit=edit)


def school_edit_get_for_user(*, user: User | AnonymousUser, pk: int) -> School:
    """The school if the user keeps its load (its operator); 403 for anyone else who reads
    it or whose role keeps no load, 404 for a school out of reach."""
    person = acting_user(user)
    if person is None or not (person.is_superuser or person.role == Role.SCHOOL_OPERATOR):
        raise PermissionDenied
    school, _rights = school_get_for_user(user=person, pk=pk)
    return school


def load_line_get_for_user(*, user: User | AnonymousUser, pk: int) -> TeachingLoad:
    """A load line the user may change (their school's); 403 for a role that keeps no load,
    404 for another school's line."""
    person = acting_user(user)
    if person is None or not (person.is_superuser or person.role == Role.SCHOOL_OPERATOR):
        raise PermissionDenied
    scope = school_scope(person)
    assert scope is not None  # noqa: S101 # nosec B101 # an operator has a scope
    line = (
        TeachingLoad.objects.filter(pk=pk, school__in=School.objects.filter(scope))
        .select_related("teacher", "school", "subject")
        .first()
    )
    if line is None:
        raise Http404
    return line


def open_hours_get_for_user(*, user: User | AnonymousUser, pk: int) -> OpenHours:
    """Open hours the user may change (their school's); 403 for a role that keeps no load,
    404 for another school's."""
    person = acting_user(user)
    if person is None or not (person.is_superuser or person.role == Role.SCHOOL_OPERATOR):
        raise PermissionDenied
    scope = school_scope(person)
    assert scope is not None  # noqa: S101 # nosec B101 # an operator has a scope
    entry = (
        OpenHours.objects.filter(pk=pk, school__in=School.objects.filter(scope))
        .select_related("school__subdistrict", "subject")
        .first()
    )
    if entry is None:
        raise Http404
    return entry


def school_list_for_user(*, user: User | AnonymousUser) -> QuerySet[School]:
    """The schools whose load the user reads, with the district loaded."""
    scope = school_scope(user)
    if scope is None:
        return School.objects.none()
    return School.objects.filter(scope).select_related("subdistrict").order_by("name")


def latest_school_semester(*, school: School, code: str | None) -> Semester:
    """The semester `code` names; else the school's latest with load lines; else today's."""
    try:
        return parse_semester(code or "")
    except SemesterError:
        pass
    latest = (
        TeachingLoad.objects.filter(school=school)
        .order_by("-semester")
        .values_list("semester", flat=True)
        .first()
    )
    return parse_semester(latest) if latest else current_semester()


@dataclass(frozen=True)
class SchoolLoad:
    """A school's part of a semester: its lines, open hours, duties, counselling, facts,
    confirmation."""

    lines: list[TeachingLoad]
    open_hours: list[OpenHours]
    duties: list[AdditionalDuty]
    counselling: list[CounsellingLoad]
    facts: dict[int, TeacherSemester]
    confirmation: LoadConfirmation | None
    teachers: list[Teacher]


def school_teachers(school: School) -> QuerySet[Teacher]:
    """The teachers assigned to the school (main or other), for the load's choices."""
    return (
        Teacher.objects.filter(assignments__school=school).select_related("subject").distinct()
    ).order_by("name")


def school_load(*, school: School, semester: Semester) -> SchoolLoad:
    """Everything of the school's load for `semester`, in a fixed number of queries."""
    code = semester.code
    lines = list(
        TeachingLoad.objects.filter(school=school, semester=code)
        .select_related("teacher", "subject")
        .order_by("teacher__name", "class_label", "subject__code")
    )
    teachers = list(school_teachers(school))
    return SchoolLoad(
        lines=lines,
        open_hours=list(
            OpenHours.objects.filter(school=school, semester=code)
            .select_related("subject", "filled_by")
            .order_by("class_label", "subject__code")
        ),
        duties=list(
            AdditionalDuty.objects.filter(school=school, semester=code)
            .select_related("teacher")
            .order_by("teacher__name", "kind")
        ),
        counselling=list(
            CounsellingLoad.objects.filter(school=school, semester=code)
            .select_related("teacher")
            .order_by("teacher__name")
        ),
        facts={
            row.teacher_id: row
            for row in TeacherSemester.objects.filter(
                semester=code, teacher__in=[t.pk for t in teachers]
            )
        },
        confirmation=LoadConfirmation.objects.filter(school=school, semester=code)
        .select_related("confirmed_by")
        .first(),
        teachers=teachers,
    )


# --- The district ------------------------------------------------------------------------------


def district_committee(user: User | AnonymousUser) -> User:
    """The signed-in district committee member (with a district); 403 for anyone else."""
    person = acting_user(user)
    if person is None or person.role != Role.DISTRICT_COMMITTEE or person.district_id is None:
        raise PermissionDenied
    return person


def eligibility_list(
    *, user: User, semester: Semester, eligible: bool | None = None, query: str = ""
) -> QuerySet[SemesterEligibility]:
    """The committee's district's eligibility rows for `semester`, filtered by verdict and by
    a name or NUPTK the user typed (sent by POST, never in the URL)."""
    rows = SemesterEligibility.objects.filter(
        district=district_committee(user).district_id, semester=semester.code
    ).select_related("teacher", "school")
    if eligible is not None:
        rows = rows.filter(eligible=eligible)
    if query:
        rows = rows.filter(Q(teacher__name__icontains=query) | Q(teacher__nuptk=query))
    return rows.order_by("eligible", "teacher__name")


def latest_district_semester(*, user: User, code: str | None) -> Semester:
    """The semester `code` names; else the district's latest computed; else today's."""
    try:
        return parse_semester(code or "")
    except SemesterError:
        pass
    latest = (
        SemesterEligibility.objects.filter(district=district_committee(user).district_id)
        .order_by("-semester")
        .values_list("semester", flat=True)
        .first()
    )
    return parse_semester(latest) if latest else current_semester()


def district_teachers_for(user: User) -> QuerySet[Teacher]:
    """The teachers whose main school is in the committee's district."""
    return Teacher.objects.filter(
        assignments__is_main=True,
        assignments__school__subdistrict__district=district_committee(user).district_id,
    )


def approval_list(*, user: User) -> QuerySet[MinisterApproval]:
    """The minister's approvals recorded for the committee's district's teachers."""
    return (
        MinisterApproval.objects.filter(teacher__in=district_teachers_for(user))
        .select_related("teacher")
        .order_by("-letter_date", "-pk")
    )


def linearity_list() -> QuerySet[Linearity]:
    """The linearity table, by certified subject."""
    return Linearity.objects.select_related("certified", "taught").order_by(
        "certified__code", "taught__code"
    )


def linearity_may_read(user: User | AnonymousUser) -> bool:
    """Who reads the linearity table: the district committee and the school operators."""
    person = acting_user(user)
    return person is not None and (
        person.is_superuser or person.role in (Role.DISTRICT_COMMITTEE, Role.SCHOOL_OPERATOR)
    )


# --- The teacher -----------------------------------------------------------------------------


def own_teacher(user: User | AnonymousUser) -> Teacher:
    """The signed-in teacher's own record; 403 for anyone who is not a teacher with one."""
    person = acting_user(user)
    if person is None or person.role != Role.TEACHER:
        raise PermissionDenied
    teacher = Teacher.objects.filter(user=person).first()
    if teacher is None:
        raise PermissionDenied
    return teacher


def own_eligibility(*, teacher: Teacher) -> list[SemesterEligibility]:
    """The teacher's eligibility, newest semester first."""
    return list(SemesterEligibility.objects.filter(teacher=teacher).order_by("-semester"))


def own_load(*, teacher: Teacher, semester: Semester) -> list[TeachingLoad]:
    """The teacher's load lines in `semester`, over every school."""
    return list(
        TeachingLoad.objects.filter(teacher=teacher, semester=semester.code)
        .select_related("school", "subject")
        .order_by("school__name", "class_label")
    )
