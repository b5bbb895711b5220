"""The register and the rayon's portfolios as the rules core's allocation sees them: the
year's parameters, the pool of assessors a rayon may allocate, each entry's load, declared
relationships and the FAQ criteria it lacks (sergur.rules.assessment.allocation and
qualification)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Q, QuerySet

from sergur.assessments.models import Assessor, DeclaredRelation
from sergur.cases.models import Case
from sergur.registry.models import ProgrammeYear, Rayon, TeachingAssignment
from sergur.rules.assessment import AssessmentParams, assessment_params
from sergur.rules.assessment.allocation import AssessorSlot, PortfolioSlot
from sergur.rules.assessment.qualification import AssessorRecord, qualification_gaps
from sergur.rules.messages import Message


def year_params(programme_year: ProgrammeYear) -> AssessmentParams:
    """The assessment parameters of a programme year."""
    return assessment_params(programme_year.year, tuple(settings.SERGUR_YEARS_DIRS))


def pool(*, rayon: int, params: AssessmentParams) -> QuerySet[Assessor]:
    """The assessors a rayon may allocate: its own register, and the assessors of other
    rayons' universities who assess a subject the year lets cross the rayon
    (docs/sources/seeds/003_358fe984fbae11df.txt, the FAQ on assessors, question 7)."""
    crossing = Q(subjects__code__in=sorted(params.outside_rayon_subjects))
    outside = Assessor.objects.filter(crossing).exclude(rayon=rayon).values("pk")
    return Assessor.objects.filter(Q(rayon=rayon) | Q(pk__in=outside))


# -- slots for the rules core -----------------------------------------------------------------


@dataclass(frozen=True)
class Workplace:
    """Where a teacher works: the main school and its district."""

    school: int | None
    district: int | None


def workplaces(teachers: Iterable[int]) -> dict[int, Workplace]:
    """Each teacher's main school and its district (one query)."""
    rows = (
        TeachingAssignment.objects.filter(teacher__in=list(teachers), is_main=True)
        .order_by("teacher", "pk")
        .values_list("teacher", "school", "school__subdistrict__district")
    )
    found: dict[int, Workplace] = {}
    for teacher, school, district in rows:
        found.setdefault(teacher, Workplace(school, district))
    return found


def portfolio_slots(
    cases: list[Case], crossing: frozenset[str] = frozenset()
) -> list[PortfolioSlot]:
    """The cases as the rules core's portfolios (the teacher and subject must be loaded);
    `crossing` is the year's outside_rayon_subjects."""
    places = workplaces(case.teacher_id for case in cases)
    nowhere = Workplace(None, None)
    return [
        PortfolioSlot(
            case=case.pk,
            teacher=case.teacher_id,
            subject=case.teacher.subject.code,
            school=places.get(case.teacher_id, nowhere).school,
            district=places.get(case.teacher_id, nowhere).district,
            outside_rayon_allowed=case.teacher.subject.code in crossing,
        )
        for case in cases
    ]


def register(rayon: int) -> QuerySet[Assessor]:
    """The rayon's register, with what a list shows (three queries with the subjects)."""
    return (
        Assessor.objects.filter(rayon=rayon)
        .select_related("user", "home_district", "home_school")
        .prefetch_related("subjects")
        .order_by("number")
    )


def with_loads(assessors: QuerySet[Assessor], programme_year: ProgrammeYear) -> QuerySet[Assessor]:
    """The assessors with `year_load`: their active allocations in the programme year."""
    return assessors.annotate(
        year_load=Count(
            "allocations",
            filter=Q(allocations__active=True, allocations__case__programme_year=programme_year),
        )
    )


def assessor_record(assessor: Assessor) -> AssessorRecord:
    """What the register records of the assessor against the FAQ's criteria."""
    return AssessorRecord(
        status=assessor.status,
        educator_certificate=assessor.educator_certificate,
        degree=assessor.degree,
        degree_in_education=assessor.degree_in_education,
        experience_last_year=assessor.experience_last_year,
    )


def assessor_gaps(
    assessor: Assessor, *, year: int, params: AssessmentParams
) -> tuple[Message, ...]:
    """The FAQ criteria the register entry lacks for a programme year."""
    return qualification_gaps(
        assessor_record(assessor), year=year, experience_years=params.assessor_experience_years
    )


def assessor_slot(
    assessor: Assessor,
    default_load: int,
    related: Iterable[int],
    *,
    year: int,
    params: AssessmentParams,
    rayon: int,
) -> AssessorSlot:
    """One register entry as the rules core's assessor for a rayon's portfolios (needs
    `year_load` and the subjects and home school loaded)."""
    district = assessor.home_district_id
    if district is None and assessor.home_school is not None:
        district = assessor.home_school.subdistrict.district_id
    return AssessorSlot(
        id=assessor.pk,
        subjects=frozenset(subject.code for subject in assessor.subjects.all()),
        school=assessor.home_school_id,
        district=district,
        related_teachers=frozenset(related),
        capacity=default_load if assessor.max_load is None else assessor.max_load,
        load=getattr(assessor, "year_load", 0),
        active=assessor.active,
        unqualified=assessor_gaps(assessor, year=year, params=params),
        outside_rayon=assessor.rayon_id != rayon,
    )


def assessor_slots(
    assessors: QuerySet[Assessor], programme_year: ProgrammeYear, *, rayon: int
) -> dict[int, AssessorSlot]:
    """The assessors as the rules core sees them for a rayon's portfolios, with their loads of
    the programme year, their declared relationships and the criteria they lack (four
    queries)."""
    params = year_params(programme_year)
    default_load = params.assessor_load
    entries = list(
        with_loads(assessors, programme_year)
        .select_related("home_school__subdistrict")
        .prefetch_related("subjects")
    )
    related: dict[int, list[int]] = {}
    rows = DeclaredRelation.objects.filter(assessor__in=[a.pk for a in entries]).values_list(
        "assessor", "teacher"
    )
    for assessor, teacher in rows:
        related.setdefault(assessor, []).append(teacher)
    return {
        a.pk: assessor_slot(
            a,
            default_load,
            related.get(a.pk, ()),
            year=programme_year.year,
            params=params,
            rayon=rayon,
        )
        for a in entries
    }


def case_rayon(case: Case) -> int:
    """The rayon serving the province of the teacher's main school (0 when none does)."""
    found = (
        Rayon.objects.filter(
            provinces__districts__subdistricts__schools__assignments__teacher=case.teacher_id,
            provinces__districts__subdistricts__schools__assignments__is_main=True,
        )
        .order_by("pk")
        .values_list("pk", flat=True)
        .first()
    )
    return found or 0


def register_gaps(assessors: Iterable[Assessor]) -> dict[int, tuple[Message, ...]]:
    """The FAQ criteria each register entry lacks for the current programme year (else the
    latest); none without a programme year."""
    years = ProgrammeYear.objects.all()
    year = years.filter(is_current=True).first() or years.order_by("-year").first()
    if year is None:
        return {}
    params = year_params(year)
    return {a.pk: assessor_gaps(a, year=year.year, params=params) for a in assessors}
