"""The yearly programme: packages, meetings, attendance, outputs and the package report
(docs/kkg.md; docs/sources/domain.md §7.4)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from sergur.accounts.models import User
from sergur.common.audit import Action, audit_record
from sergur.common.uploads import upload_content_check, upload_size_check
from sergur.kkg.models import (
    Attendance,
    Group,
    Meeting,
    Membership,
    Output,
    Package,
    ResourcePerson,
)
from sergur.kkg.selectors import year_kkg_params
from sergur.kkg.signals import meeting_planned, package_reported

UNKNOWN_OUTPUT = _("Choose one of the kinds of output of the year's rules.")
NOT_OF_GROUP = _("Only members of the group can be marked present.")
OTHER_DISTRICT_PERSON = _("Choose resource persons from the register of the group's district.")
NO_MEETING_HELD = _("The report comes after the package's meetings: record their attendance first.")


def stored_upload(upload: UploadedFile[Any]) -> tuple[int, str]:
    """The size and real type of an upload within the evidence limit, checked by content."""
    size = upload_size_check(upload, limit=settings.SERGUR_EVIDENCE_MAX_BYTES)
    return size, upload_content_check(upload)


def _audit(actor: User, group: Group, what: str, **detail: int | str) -> None:
    audit_record(
        action=Action.KKG_CHANGED,
        user=actor,
        object_kind="kkg_group",
        object_id=group.pk,
        district_id=group.district_id,
        detail={"what": what, **detail},
    )


@transaction.atomic
def package_add(
    *, actor: User, group: Group, year: int, topic: str, output_kind: str, planned_meetings: int
) -> Package:
    """Add a package to the group's programme of `year`, numbered after the last one."""
    params = year_kkg_params(year)
    try:
        params.output(output_kind)
    except KeyError:
        raise ValidationError(UNKNOWN_OUTPUT, code="output") from None
    Group.objects.select_for_update().filter(pk=group.pk).first()
    last = Package.objects.filter(group=group, year=year).aggregate(n=Max("number"))["n"] or 0
    package = Package(
        group=group,
        year=year,
        number=last + 1,
        topic=topic.strip(),
        output_kind=output_kind,
        planned_meetings=planned_meetings,
    )
    package.full_clean()
    package.save()
    _audit(actor, group, "package_added", package=package.pk)
    return package


@transaction.atomic
def meeting_add(
    *,
    actor: User,
    package: Package,
    held_on: dt.date,
    agenda: str,
    resource_persons: Iterable[ResourcePerson] = (),
) -> Meeting:
    """Plan a meeting of the package with its agenda and resource persons."""
    persons = list(resource_persons)
    if any(person.district_id != package.group.district_id for person in persons):
        raise ValidationError(OTHER_DISTRICT_PERSON, code="district")
    meeting = Meeting(package=package, held_on=held_on, agenda=agenda.strip())
    meeting.full_clean()
    meeting.save()
    meeting.resource_persons.set(persons)
    _audit(actor, package.group, "meeting_added", meeting=meeting.pk)
    meeting_planned.send(sender=Meeting, meeting=meeting, actor=actor)
    return meeting


@transaction.atomic
def meeting_attendance_record(
    *, actor: User, meeting: Meeting, present: Iterable[Membership]
) -> Meeting:
    """Record who attended: the meeting counts as held from now on (again: replaced)."""
    members = list(present)
    group_id = meeting.package.group_id
    if any(member.group_id != group_id for member in members):
        raise ValidationError(NOT_OF_GROUP, code="not_member")
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    Attendance.objects.filter(meeting=meeting).delete()
    Attendance.objects.bulk_create(
        Attendance(meeting=meeting, membership=member) for member in members
    )
    meeting.attendance_taken = True
    meeting.save(update_fields=["attendance_taken"])
    group = Group.objects.get(pk=group_id)
    _audit(actor, group, "attendance", meeting=meeting.pk, present=len(members))
    return meeting


@transaction.atomic
def output_add(
    *, actor: User, package: Package, kind: str, title: str, upload: UploadedFile[Any]
) -> Output:
    """Store an output of the package (a PDF, JPEG or PNG, checked by content and size)."""
    try:
        year_kkg_params(package.year).output(kind)
    except KeyError:
        raise ValidationError(UNKNOWN_OUTPUT, code="output") from None
    size, mime = stored_upload(upload)
    output = Output(
        package=package,
        kind=kind,
        title=title.strip(),
        content_type=mime,
        size=size,
        added_by=actor,
    )
    output.file.save("output", upload, save=False)
    try:
        output.full_clean()
        output.save()
    except ValidationError:
        output.file.delete(save=False)
        raise
    _audit(actor, package.group, "output_added", output=output.pk)
    return output


@transaction.atomic
def package_report_submit(
    *, actor: User, package: Package, upload: UploadedFile[Any], now: dt.datetime
) -> Package:
    """Store the package's written report, which its credit needs (docs/sources/domain.md
    §7.4); a new report replaces the old one."""
    if not package.meetings.filter(attendance_taken=True).exists():
        raise ValidationError(NO_MEETING_HELD, code="not_held")
    _size, mime = stored_upload(upload)
    package = Package.objects.select_for_update().select_related("group").get(pk=package.pk)
    old = package.report.name if package.report else ""
    package.report.save("report", upload, save=False)
    package.report_type = mime
    package.report_at = now
    package.save(update_fields=["report", "report_type", "report_at"])
    if old:
        package.report.storage.delete(old)
    _audit(actor, package.group, "report", package=package.pk)
    package_reported.send(sender=Package, package=package, actor=actor)
    return package
