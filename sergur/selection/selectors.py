"""Reads of selection, and who may see a district's selection: the one place roles are
checked (district committee: their own district; operator: every district)."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery, Sum
from django.http import Http404

from sergur.accounts.models import User
from sergur.registry.models import District, ProgrammeYear, Teacher, TeachingAssignment
from sergur.rules.selection import Candidate
from sergur.rules.selection.subject import CertifiedSubject, certified_subject
from sergur.selection.models import (
    QuotaAllocation,
    QuotaMove,
    SelectionEntry,
    SelectionRun,
    SkLetter,
)

Role = User.Role


def is_operator(user: User | AnonymousUser) -> bool:
    """Operators (and superusers) work for every district."""
    return bool(
        user.is_authenticated
        and user.is_active
        and (user.is_superuser or user.role == Role.OPERATOR)
    )


def district_get_for_user(*, user: User | AnonymousUser, pk: int) -> District:
    """The district whose selection the user runs: the district committee's own district, any
    district for an operator; 403 for every other role, 404 for another committee's district
    (its existence is not revealed)."""
    if not user.is_authenticated or not user.is_active:
        raise PermissionDenied
    operator = is_operator(user)
    if not operator and user.role != Role.DISTRICT_COMMITTEE:
        raise PermissionDenied
    if not operator and user.district_id != pk:
        raise Http404
    district = District.objects.select_related("province").filter(pk=pk).first()
    if district is None:
        raise Http404
    return district


def quota_scope(*, user: User | AnonymousUser) -> Q:
    """The quota rows a user may see: an operator every one, a district committee those of
    its own district; 403 for every other role."""
    if is_operator(user):
        return Q()
    if user.is_authenticated and user.role == Role.DISTRICT_COMMITTEE and user.district_id:
        return Q(district_id=user.district_id)
    raise PermissionDenied


def programme_year_get(*, year: int) -> ProgrammeYear:
    """The programme year by its number; 404 when there is none."""
    found = ProgrammeYear.objects.filter(year=year).first()
    if found is None:
        raise Http404
    return found


def run_get(*, programme_year: ProgrammeYear, district: District) -> SelectionRun | None:
    """The district's selection run of the year, if it has been run."""
    return (
        SelectionRun.objects.filter(programme_year=programme_year, district=district)
        .select_related("created_by")
        .first()
    )


def entry_list(*, run: SelectionRun, name: str = "", status: str = "") -> QuerySet[SelectionEntry]:
    """The run's entries as the list shows them (teacher, subject and school joined), by
    rank (Buku 1 urutan prioritas, docs/sources/domain.md §4.3); filtered by teacher name and status
    (selected / eligible / not_eligible)."""
    rows = SelectionEntry.objects.filter(run=run).select_related(
        "teacher", "teacher__subject", "school"
    )
    if name:
        rows = rows.filter(teacher__name__icontains=name)
    if status == "selected":
        rows = rows.filter(selected=True)
    elif status == "eligible":
        rows = rows.filter(eligible=True, selected=False)
    elif status == "not_eligible":
        rows = rows.filter(eligible=False)
    return rows


def participants(*, run: SelectionRun) -> QuerySet[SelectionEntry]:
    """The selected teachers of a run in the order of the SK (their participant numbers,
    docs/sources/domain.md §4.5)."""
    return (
        SelectionEntry.objects.filter(run=run, selected=True)
        .select_related("teacher", "teacher__subject", "school")
        .order_by("participant_number", "pk")
    )


def _hours_of_every_school() -> Subquery:
    """A teacher's weekly hours added up over every school they teach in (seed 003: "mengajar di
    sekolah lain yang memiliki ijin operasional"), as the identity page adds them."""
    return Subquery(
        TeachingAssignment.objects.filter(teacher=OuterRef("pk"))
        .values("teacher")
        .annotate(total=Sum("weekly_hours"))
        .values("total")
    )


def district_teachers(*, district: District) -> QuerySet[Teacher]:
    """The teachers whose main school (sekolah induk) is in the district, with their subject,
    main school and its region loaded and their hours at every school summed (two queries
    however many)."""
    main = TeachingAssignment.objects.filter(is_main=True).select_related(
        "school__subdistrict__district__province"
    )
    return (
        Teacher.objects.filter(
            assignments__is_main=True, assignments__school__subdistrict__district=district
        )
        .annotate(weekly_hours_total=_hours_of_every_school())
        .select_related("subject")
        .prefetch_related(Prefetch("assignments", queryset=main, to_attr="main_assignments"))
        .order_by("pk")
    )


def quota_rows(
    *, user: User | AnonymousUser, programme_year: ProgrammeYear
) -> QuerySet[QuotaAllocation]:
    """The allocation table the user may see, with its regions loaded."""
    return (
        QuotaAllocation.objects.filter(quota_scope(user=user), programme_year=programme_year)
        .select_related("province", "district")
        .order_by("province__code", "district__code", "school_level")
    )


def quota_moves(
    *, user: User | AnonymousUser, programme_year: ProgrammeYear
) -> QuerySet[QuotaMove]:
    """The moves of unfilled quota the user may see (from or to their district)."""
    scope = quota_scope(user=user)
    if scope:
        district = user.district_id  # type: ignore[union-attr]
        scope = Q(from_district_id=district) | Q(to_district_id=district)
    return (
        QuotaMove.objects.filter(scope, programme_year=programme_year)
        .select_related("from_district", "to_district", "created_by")
        .order_by("created_at", "pk")
    )


@dataclass(frozen=True)
class PublicStatus:
    """What the public lookup shows: name, school and status; nothing else."""

    name: str
    school: str
    status: str  # "selected" | "eligible" | "not_eligible"
    participant_number: str
    year: int


def public_status(*, nuptk: str, programme_year: ProgrammeYear) -> PublicStatus | None:
    """The public status of the teacher with this NUPTK in the year (the published list of
    participants, Buku 1); None when there is no such teacher or no selection yet (the
    caller says "not found", revealing nothing)."""
    entry = (
        SelectionEntry.objects.filter(programme_year=programme_year, teacher__nuptk=nuptk)
        .select_related("teacher", "school")
        .first()
    )
    if entry is None:
        return None
    if entry.selected:
        status = "selected"
    elif entry.eligible:
        status = "eligible"
    else:
        status = "not_eligible"
    return PublicStatus(
        name=entry.teacher.name,
        school=entry.school.name if entry.school else "",
        status=status,
        participant_number=entry.participant_number if entry.selected else "",
        year=programme_year.year,
    )


def own_entries(*, user: User | AnonymousUser) -> QuerySet[SelectionEntry]:
    """The signed-in teacher's own selection entries, newest year first; 403 for anyone who
    is not a teacher with a registry record."""
    if not user.is_authenticated or user.role != Role.TEACHER:
        raise PermissionDenied
    return (
        SelectionEntry.objects.filter(teacher__user=user)
        .select_related(
            "programme_year", "run", "school", "teacher__subject", "teacher__degree_subject"
        )
        .order_by("-programme_year__year")
    )


def certified_subject_for(teacher: Teacher) -> CertifiedSubject:
    """The subject the teacher is certified in, with its reason: the subject taught, or the
    degree's field when a mismatched teacher chose it (seed 003's FAQ, rules core)."""
    degree = teacher.degree_subject
    return certified_subject(
        taught=teacher.subject.code,
        degree=degree.code if degree is not None else "",
        choice=teacher.mismatch_choice,
    )


def main_assignment(teacher: Teacher) -> TeachingAssignment | None:
    """The teacher's main school assignment (sekolah induk): from `district_teachers`'
    prefetch when there, else one query."""
    loaded: list[TeachingAssignment] | None = getattr(teacher, "main_assignments", None)
    if loaded is not None:
        return loaded[0] if loaded else None
    return (
        teacher.assignments.filter(is_main=True)
        .select_related("school__subdistrict__district__province")
        .first()
    )


def candidate_for(teacher: Teacher) -> Candidate:
    """The teacher as selection sees them (the Candidate contract of the rules core, Buku 1):
    registry fields, the weekly hours at every school added up (seed 003: "mengajar di sekolah
    lain yang memiliki ijin operasional"), the main school's level and region, the subject."""
    main = main_assignment(teacher)
    region = ""
    level = ""
    hours: int | None = getattr(teacher, "weekly_hours_total", None)
    if hours is None:
        hours = teacher.assignments.aggregate(total=Sum("weekly_hours"))["total"] or 0
    if main is not None:
        district = main.school.subdistrict.district
        region = f"{district.province.code}{district.code}"
        level = main.school.level
    return Candidate(
        nuptk=teacher.nuptk or "",
        name=teacher.name,
        birth_date=teacher.birth_date,
        employment=teacher.employment,
        rank=teacher.rank or "",
        has_inpassing=teacher.has_inpassing,
        education_level=teacher.education_level or "",
        degree_date=teacher.degree_date,
        teacher_since=teacher.teacher_since,
        permanent_since=teacher.permanent_since,
        service_gap_months=teacher.service_gap_months,
        teaching_hours=hours,
        additional_duty=teacher.additional_duty,
        achievement=teacher.achievement,
        certified=teacher.certified,
        region=region,
        school_level=level,
        subject_code=teacher.subject.code,
    )


def lookup_year() -> ProgrammeYear | None:
    """The programme year the public lookup and the menus use: the current one, else the
    latest."""
    return ProgrammeYear.objects.order_by("-is_current", "-year").first()


def eligible_counts(*, programme_year: ProgrammeYear) -> dict[tuple[str, str, str], int]:
    """Eligible teachers per (province code, district code, school level) from the year's
    selection runs: the weights of the quota allocation (2011: the split follows the
    eligible teachers)."""
    rows = (
        SelectionEntry.objects.filter(
            programme_year=programme_year, eligible=True, school__isnull=False
        )
        .values_list("run__district__province__code", "run__district__code", "school__level")
        .annotate(total=Count("pk"))
        .order_by()
    )
    return {(p, d, level or ""): total for p, d, level, total in rows}


def district_quota(*, programme_year: ProgrammeYear, district: District) -> int | None:
    """The district's allocated quota of the year (all school levels), None before any
    allocation."""
    total = QuotaAllocation.objects.filter(
        programme_year=programme_year, district=district
    ).aggregate(total=Sum("quota"))["total"]
    return int(total) if total is not None else None


def sk_letter_get(*, programme_year: ProgrammeYear, district: District) -> SkLetter | None:
    """The number and signatory recorded for the district's SK of the year, if any."""
    return SkLetter.objects.filter(programme_year=programme_year, district=district).first()


def sk_signatory_last(*, district: District) -> SkLetter | None:
    """The district's most recent SK of any year (its signatory is usually still in office)."""
    return SkLetter.objects.filter(district=district).order_by("-signed_on", "-pk").first()
