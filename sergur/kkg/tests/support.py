"""Builders for the working-group tests: a KKG of Sri's cluster (her school the core, Budi's a
member school) with Sri as the elected coordinator and Budi a member, and a held package."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from sergur.conftest import Cast
from sergur.kkg.models import Group, Meeting, Package
from sergur.kkg.services import (
    group_coordinator_elect,
    group_create,
    group_member_add,
    meeting_add,
    meeting_attendance_record,
    package_add,
    package_report_submit,
)
from sergur.portfolios.tests.teacher_support import pdf_upload

YEAR = 2026
DAY = dt.date(2026, 2, 3)


def cluster(cast: Cast, *, coordinator: bool = True) -> Group:
    """The KKG of Sri's cluster, registered by the district; Sri coordinates, Budi is in."""
    assert cast.dinas.district is not None
    one, two = cast.pak_kepala.school, cast.bu_kepala.school
    assert one is not None and two is not None
    group = group_create(
        actor=cast.dinas,
        district=cast.dinas.district,
        kind=Group.Kind.KKG,
        name="KKG Gugus Melati",
        core_school=one,
        member_schools=[two],
    )
    for user in (cast.sri, cast.budi):
        group_member_add(actor=cast.dinas, group=group, teacher=user.teacher, on=DAY)
    if coordinator:
        group_coordinator_elect(actor=cast.dinas, group=group, teacher=cast.sri.teacher, on=DAY)
        group.refresh_from_db()
    return group


def held_package(cast: Cast, group: Group, *, meetings: int = 3, report: bool = True) -> Package:
    """A package of `meetings` held meetings that Sri and Budi attended, with its report."""
    package = package_add(
        actor=cast.sri,
        group=group,
        year=YEAR,
        topic="RPP tematik kelas 4",
        output_kind="syllabus",
        planned_meetings=3,
    )
    members = list(group.memberships.all())
    for number in range(meetings):
        meeting = meeting_add(
            actor=cast.sri,
            package=package,
            held_on=DAY + dt.timedelta(weeks=number),
            agenda=f"Pertemuan {number + 1}",
        )
        meeting_attendance_record(actor=cast.sri, meeting=meeting, present=members)
    if report:
        package_report_submit(
            actor=cast.sri, package=package, upload=pdf_upload(), now=timezone.now()
        )
    package.refresh_from_db()
    return package


def planned_meeting(cast: Cast, package: Package) -> Meeting:
    """A meeting of the package not held yet."""
    return meeting_add(actor=cast.sri, package=package, held_on=DAY, agenda="Rencana")
