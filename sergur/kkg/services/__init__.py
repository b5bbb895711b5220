"""Every write of the working groups: the group and its coordinator, members, the programme's
packages and meetings, attendance, outputs and reports, the resource-person register."""

from __future__ import annotations

from sergur.kkg.services.groups import (
    group_coordinator_elect,
    group_create,
    group_member_add,
    resource_person_add,
)
from sergur.kkg.services.programme import (
    meeting_add,
    meeting_attendance_record,
    output_add,
    package_add,
    package_report_submit,
    stored_upload,
)

__all__ = [
    "group_coordinator_elect",
    "group_create",
    "group_member_add",
    "meeting_add",
    "meeting_attendance_record",
    "output_add",
    "package_add",
    "package_report_submit",
    "resource_person_add",
    "stored_upload",
]
