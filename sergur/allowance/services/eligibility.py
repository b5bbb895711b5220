"""(Re)compute the allowance eligibility of a district's teachers for a semester, in bulk and
with a bounded number of queries (docs/allowance.md, "Eligibility"). The rules are the core's
(`sergur/rules/allowance/eligibility.py`); this module only loads rows and saves results."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.db.models import OuterRef, ProtectedError, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from sergur.accounts.models import User
from sergur.allowance.models import (
    AdditionalDuty,
    CounsellingLoad,
    Linearity,
    MinisterApproval,
    SemesterEligibility,
    TeacherSemester,
    TeachingLoad,
)
from sergur.allowance.signals import eligibility_changed
from sergur.appraisal.selectors import appraisal_latest_categories
from sergur.certificates.models import Certificate, Nrg
from sergur.common.audit import audit_record
from sergur.registry.models import District, Teacher, TeachingAssignment
from sergur.rules.allowance.eligibility import DEFAULT_EMPLOYER, Eligibility, Facts, evaluate
from sergur.rules.allowance.load import Line, Load
from sergur.rules.allowance.params import allowance_params
from sergur.rules.allowance.semester import Semester, parse_semester

COMPUTED = "allowance.computed"
"""The audit action of a recomputation (one record per district and semester)."""
BATCH = 1000


@dataclass(frozen=True, slots=True)
class ComputeSummary:
    """What a recomputation found: teachers computed, of whom eligible."""

    semester: str
    teachers: int
    eligible: int


@dataclass(slots=True)
class _Rows:
    """Everything the rules read about a set of teachers for one semester, by teacher id."""

    main: dict[int, int] = field(default_factory=dict)
    lines: dict[int, list[Line]] = field(default_factory=lambda: defaultdict(list))
    duties: dict[int, list[str]] = field(default_factory=lambda: defaultdict(list))
    pupils: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    certificates: dict[int, list[tuple[int, str, str]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    nrg: set[int] = field(default_factory=set)
    facts: dict[int, tuple[str, bool, str]] = field(default_factory=dict)
    approvals: dict[int, str] = field(default_factory=dict)
    employment: dict[int, str] = field(default_factory=dict)


PKG_FROM_APPRAISAL = {
    "AB": TeacherSemester.Pkg.AMAT_BAIK,
    "B": TeacherSemester.Pkg.BAIK,
    "C": TeacherSemester.Pkg.CUKUP,
    "S": TeacherSemester.Pkg.SEDANG,
    "K": TeacherSemester.Pkg.KURANG,
}
"""The appraisal app's category codes (docs/pkg.md) as the allowance's PKG categories."""


def district_teachers(district: District, semester: str) -> QuerySet[Teacher]:
    """The teachers the district computes for a semester: main school in the district, and
    an active certificate or a load line in the semester."""
    return Teacher.objects.filter(
        Q(certificates__status=Certificate.Status.ACTIVE) | Q(loads__semester=semester),
        assignments__is_main=True,
        assignments__school__subdistrict__district=district,
    ).distinct()


def _load_rows(teachers: QuerySet[Teacher], semester: Semester) -> _Rows:
    code = semester.code
    ids = teachers.values("pk")
    rows = _Rows()
    rows.main = dict(
        TeachingAssignment.objects.filter(teacher__in=ids, is_main=True).values_list(
            "teacher_id", "school_id"
        )
    )
    rows.employment = dict(Teacher.objects.filter(pk__in=ids).values_list("pk", "employment"))
    loads = TeachingLoad.objects.filter(teacher__in=ids, semester=code).values_list(
        "teacher_id",
        "school_id",
        "subject__code",
        "hours",
        "team_share",
        "pupils",
        "school__level",
        "class_label",
    )
    for teacher, school, subject, hours, share, pupils, level, label in loads.iterator(5000):
        rows.lines[teacher].append(Line(str(school), subject, hours, share, pupils, level, label))
    for teacher, kind in AdditionalDuty.objects.filter(teacher__in=ids, semester=code).values_list(
        "teacher_id", "kind"
    ):
        rows.duties[teacher].append(kind)
    for teacher, pupils in CounsellingLoad.objects.filter(
        teacher__in=ids, semester=code
    ).values_list("teacher_id", "pupils"):
        rows.pupils[teacher] += pupils
    for teacher, issued, subject, name in (
        Certificate.objects.filter(teacher__in=ids, status=Certificate.Status.ACTIVE)
        .order_by("issued_on", "pk")
        .values_list("teacher_id", "issued_on", "subject_code", "subject_name")
    ):
        rows.certificates[teacher].append((issued.year, subject, f"{subject} {name}"))
    rows.nrg = set(Nrg.objects.filter(teacher__in=ids).values_list("teacher_id", flat=True))
    rows.facts = {
        teacher: (pkg, elsewhere, employer)
        for teacher, pkg, elsewhere, employer in TeacherSemester.objects.filter(
            teacher__in=ids, semester=code
        ).values_list("teacher_id", "pkg", "employed_elsewhere", "employer")
    }
    # A final PKG of the appraisal app outranks the category recorded by hand: the latest one
    # made final before the semester starts (docs/allowance.md, "Eligibility").
    appraised = appraisal_latest_categories(rows.employment, before=semester.start)
    for teacher, category in appraised.items():
        _, elsewhere, employer = rows.facts.get(teacher, ("", False, ""))
        rows.facts[teacher] = (PKG_FROM_APPRAISAL[category], elsewhere, employer)
    for approval in MinisterApproval.objects.filter(teacher__in=ids).order_by("letter_date"):
        if approval.covers(code):
            rows.approvals[approval.teacher_id] = approval.letter_number
    return rows


def linearity_map() -> dict[str, frozenset[str]]:
    """The linearity table: certified subject code -> the subject codes it may teach."""
    table: dict[str, set[str]] = defaultdict(set)
    for certified, taught in Linearity.objects.values_list("certified__code", "taught__code"):
        table[certified].add(taught)
    return {certified: frozenset(taught) for certified, taught in table.items()}


def _facts(teacher: int, rows: _Rows, linear: dict[str, frozenset[str]]) -> Facts:
    certificates = rows.certificates.get(teacher, [])
    pkg, elsewhere, employer = rows.facts.get(teacher, ("", False, ""))
    codes = [subject for _, subject, _ in certificates]
    may_teach = frozenset(codes[1:]).union(*(linear.get(c, frozenset()) for c in codes))
    return Facts(
        certificate_year=certificates[0][0] if certificates else None,
        has_nrg=teacher in rows.nrg,
        certified_subject=codes[0] if codes else "",
        subject_label=certificates[0][2] if certificates else "",
        may_teach=may_teach,
        pkg=pkg,
        employed_elsewhere=elsewhere,
        approval=rows.approvals.get(teacher, ""),
        employer=employer or DEFAULT_EMPLOYER[rows.employment[teacher]],
    )


def evaluate_teachers(
    teachers: QuerySet[Teacher], semester: Semester
) -> Iterable[tuple[int, int | None, Eligibility]]:
    """Each teacher's id, main school id and verdict for `semester` (reads only)."""
    params = allowance_params(semester.year)
    rows = _load_rows(teachers, semester)
    linear = linearity_map()
    for teacher in sorted(rows.employment):
        main = rows.main.get(teacher)
        load = Load(
            main_school=str(main),
            lines=tuple(rows.lines.get(teacher, ())),
            duties=tuple(rows.duties.get(teacher, ())),
            counselling_pupils=rows.pupils.get(teacher, 0),
        )
        yield teacher, main, evaluate(load, _facts(teacher, rows, linear), semester, params)


def _drop_stale(district: District, semester: str, teachers: QuerySet[Teacher]) -> None:
    """Remove the rows of teachers no longer in the district's list; a row a later record
    (a payment) refers to is kept, as the record it explains."""
    stale = SemesterEligibility.objects.filter(district=district, semester=semester).exclude(
        teacher__in=teachers.values("pk")
    )
    for row in stale:
        try:
            with transaction.atomic():
                row.delete()
        except ProtectedError:
            continue


def verdicts_before(teachers: QuerySet[Teacher], semester: str) -> dict[int, bool]:
    """Each teacher's verdict before a recomputation, in one query: the semester's own row,
    else their latest earlier semester's; a teacher never computed is left out."""
    rows = SemesterEligibility.objects.filter(teacher=OuterRef("pk"))
    same = rows.filter(semester=semester).values("eligible")[:1]
    earlier = rows.filter(semester__lt=semester).order_by("-semester").values("eligible")[:1]
    found = (
        Teacher.objects.filter(pk__in=teachers.values("pk"))
        .annotate(before=Coalesce(Subquery(same), Subquery(earlier)))
        .exclude(before=None)
        .values_list("pk", "before")
    )
    return dict(found)


def _results(
    district: District, teachers: QuerySet[Teacher], semester: Semester, when: dt.datetime
) -> list[SemesterEligibility]:
    return [
        SemesterEligibility(
            teacher_id=teacher,
            semester=semester.code,
            district=district,
            school_id=school,
            eligible=verdict.eligible,
            hours=verdict.hours.quantize(Decimal("0.01")),
            reasons=verdict.reasons_json(),
            funding=verdict.funding,
            load_code=verdict.load_code,
            computed_at=when,
        )
        for teacher, school, verdict in evaluate_teachers(teachers, semester)
    ]


def _save(results: list[SemesterEligibility]) -> None:
    SemesterEligibility.objects.bulk_create(
        results,
        batch_size=BATCH,
        update_conflicts=True,
        unique_fields=["teacher", "semester"],
        update_fields=[
            "district",
            "school",
            "eligible",
            "hours",
            "reasons",
            "funding",
            "load_code",
            "computed_at",
        ],
    )


def _tell_changed(
    semester: str, before: dict[int, bool], results: list[SemesterEligibility]
) -> None:
    """Signal `eligibility_changed` with the teachers whose verdict differs from before (a
    first-ever verdict is no change)."""
    changed = [row for row in results if before.get(row.teacher_id, row.eligible) != row.eligible]
    if changed:
        eligibility_changed.send(
            sender=SemesterEligibility,
            semester=semester,
            eligible=[row.teacher_id for row in changed if row.eligible],
            ineligible=[row.teacher_id for row in changed if not row.eligible],
        )


@transaction.atomic
def eligibility_compute(
    district: District, semester: str, *, by: User, now: dt.datetime | None = None
) -> ComputeSummary:
    """(Re)compute SemesterEligibility for the district's teachers in `semester`; rows of
    teachers no longer in the district's list are removed. One audit record; the teachers
    whose verdict changed are told (signal `eligibility_changed`)."""
    parsed = parse_semester(semester)
    when = now or timezone.now()
    teachers = district_teachers(district, parsed.code)
    before = verdicts_before(teachers, parsed.code)
    results = _results(district, teachers, parsed, when)
    _drop_stale(district, parsed.code, teachers)
    _save(results)
    eligible = sum(1 for row in results if row.eligible)
    _tell_changed(parsed.code, before, results)
    audit_record(
        action=COMPUTED,
        user=by,
        object_kind="district",
        object_id=district.pk,
        district_id=district.pk,
        detail={"semester": parsed.code, "teachers": len(results), "eligible": eligible},
        now=when,
    )
    return ComputeSummary(semester=parsed.code, teachers=len(results), eligible=eligible)


@transaction.atomic
def eligibility_compute_teachers(
    *, teacher_ids: Iterable[int], semester: str, by: User, now: dt.datetime | None = None
) -> list[SemesterEligibility]:
    """(Re)compute SemesterEligibility of some teachers in `semester` after a change to their
    load (a planner's proposal accepted), each in the district of their main school and
    only if that district computes them (`district_teachers`). One audit record per
    district."""
    parsed = parse_semester(semester)
    when = now or timezone.now()
    ids = sorted(set(teacher_ids))
    by_district: dict[int, list[int]] = defaultdict(list)
    for teacher, district_id in TeachingAssignment.objects.filter(
        teacher__in=ids, is_main=True
    ).values_list("teacher_id", "school__subdistrict__district_id"):
        by_district[district_id].append(teacher)
    saved: list[SemesterEligibility] = []
    for district in District.objects.filter(pk__in=list(by_district)).order_by("pk"):
        teachers = district_teachers(district, parsed.code).filter(pk__in=by_district[district.pk])
        before = verdicts_before(teachers, parsed.code)
        results = _results(district, teachers, parsed, when)
        _save(results)
        _tell_changed(parsed.code, before, results)
        saved += results
        audit_record(
            action=COMPUTED,
            user=by,
            object_kind="district",
            object_id=district.pk,
            district_id=district.pk,
            detail={
                "semester": parsed.code,
                "teachers": len(results),
                "eligible": sum(1 for row in results if row.eligible),
            },
            now=when,
        )
    return saved
