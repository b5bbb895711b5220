"""The access matrix's objects of the working groups and of PKB (access_world.py builds the
rest): a KKG of Sri's school (the core school, no member schools) that Sri coordinates, with a
held package, its report, a meeting and an output, all through the apps' services. Budi
(`teacher:other`) is no member; the principal and supervisor of his school do not see it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from sergur.common.tests.access_world import Target
from sergur.conftest import Cast
from sergur.development.services import activity_record, standing_record
from sergur.kkg.models import Group
from sergur.kkg.services import (
    group_coordinator_elect,
    group_create,
    group_member_add,
    meeting_add,
    meeting_attendance_record,
    output_add,
    package_add,
    package_report_submit,
)
from sergur.portfolios.tests.teacher_support import pdf_upload
from sergur.rules.development import Kind

DAY = dt.date(2026, 2, 3)


def kkg_targets(cast: Cast) -> dict[str, Target]:
    """The group, its package, a meeting and an output."""
    assert cast.dinas.district is not None and cast.pak_kepala.school is not None
    group = group_create(
        actor=cast.dinas,
        district=cast.dinas.district,
        kind=Group.Kind.KKG,
        name="KKG Gugus Melati",
        core_school=cast.pak_kepala.school,
    )
    member = group_member_add(actor=cast.dinas, group=group, teacher=cast.sri.teacher, on=DAY)
    group_coordinator_elect(actor=cast.dinas, group=group, teacher=cast.sri.teacher, on=DAY)
    package = package_add(
        actor=cast.sri,
        group=group,
        year=2026,
        topic="RPP tematik",
        output_kind="syllabus",
        planned_meetings=3,
    )
    meeting = meeting_add(actor=cast.sri, package=package, held_on=DAY, agenda="Pertemuan 1")
    meeting_attendance_record(actor=cast.sri, meeting=meeting, present=[member])
    package_report_submit(actor=cast.sri, package=package, upload=pdf_upload(), now=timezone.now())
    output = output_add(
        actor=cast.sri, package=package, kind="syllabus", title="RPP", upload=pdf_upload()
    )
    return {
        "kkg_group": Target(name="kkg_group", kwargs={"pk": group.pk}),
        "kkg_package": Target(name="kkg_package", kwargs={"pk": package.pk}),
        "kkg_meeting": Target(name="kkg_meeting", kwargs={"pk": meeting.pk}),
        "kkg_output": Target(name="kkg_output", kwargs={"pk": output.pk}),
    }


def pkb_targets(cast: Cast) -> dict[str, Target]:
    """Sri's development (her standing at III/a) and a training of hers with its evidence."""
    teacher = cast.sri.teacher
    standing_record(
        actor=cast.dinas,
        teacher=teacher,
        rank="III/a",
        since=DAY,
        carried_pk=Decimal(10),
        supporting=Decimal(1),
    )
    activity = activity_record(
        actor=cast.sri,
        teacher=teacher,
        kind=Kind.TRAINING,
        title="Diklat",
        done_on=DAY,
        hours=40,
        upload=pdf_upload(),
    )
    return {
        "pkb_teacher": Target(name="pkb_teacher", kwargs={"pk": teacher.pk}),
        "pkb_activity": Target(name="pkb_activity", kwargs={"pk": activity.pk}),
    }
