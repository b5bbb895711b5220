"""Helpers of the quality-assurance tests and benchmark: final PKG appraisals written straight
to the tables (the appraisal app's own tests cover how they get there), scored by the rules
core so the stored figures agree with the points."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from sergur.accounts.models import User
from sergur.appraisal.models import Appraisal, IndicatorScore
from sergur.kkg.models import Attendance, Group, Meeting, Membership, Package
from sergur.registry.models import School, Teacher
from sergur.rules.appraisal import appraisal_params, decimal, evaluate, instrument


def final_appraisal(
    *,
    teacher: Teacher,
    school: School,
    year: int,
    appraiser: User,
    points: int = 2,
    low: tuple[str, ...] = (),
    key: str = "pkg-teacher",
    state: str = Appraisal.State.FINAL,
) -> Appraisal:
    """A final appraisal with every indicator at `points` (0 for the competencies in `low`)."""
    used = instrument(key)
    given = {c.key: [0 if c.key in low else points] * c.indicators for c in used.competencies}
    result = evaluate(used, given, appraisal_params(year), rank="III/a", hours=24)
    appraisal = Appraisal.objects.create(
        teacher=teacher,
        school=school,
        year=year,
        instrument_key=key,
        instrument_version=used.version,
        appraiser=appraiser,
        state=state,
        rank="III/a",
        teaching_hours=24,
        total=result.total,
        score=decimal(result.score),
        category=result.category.code,
        npk=result.category.npk,
        below_count=len(result.below_standard),
        lowest_value=min(c.value for c in result.competencies),
        credit=Decimal(0),
        final_at=timezone.now() if state == Appraisal.State.FINAL else None,
    )
    IndicatorScore.objects.bulk_create(
        IndicatorScore(appraisal=appraisal, competency=c, indicator=n + 1, points=p)
        for c, row in given.items()
        for n, p in enumerate(row)
    )
    return appraisal


def kkg_attended(*, group: Group, teachers: list[Teacher], year: int, meetings: int = 3) -> None:
    """The teachers join `group` (if not yet) and attend `meetings` held meetings of a package
    of `year` (written straight to the tables; the KKG app's tests cover the services)."""
    memberships = []
    for teacher in teachers:
        school = teacher.assignments.get(is_main=True).school
        membership, _ = Membership.objects.get_or_create(
            group=group,
            teacher=teacher,
            defaults={"school": school, "joined_on": dt.date(year, 1, 2)},
        )
        memberships.append(membership)
    number = Package.objects.filter(group=group, year=year).count() + 1
    package = Package.objects.create(
        group=group, year=year, number=number, topic="RPP", output_kind="syllabus"
    )
    for day in range(meetings):
        meeting = Meeting.objects.create(
            package=package,
            held_on=dt.date(year, 2, 1 + day),
            agenda="Pertemuan",
            attendance_taken=True,
        )
        Attendance.objects.bulk_create(
            Attendance(meeting=meeting, membership=m) for m in memberships
        )
