"""The school operator records the class-subject hours no teacher teaches (docs/allowance.md,
"Open hours"): the district's planner offers them to certified teachers short of hours. A
change withdraws the school's confirmation and is audited, as any change to its load."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sergur.accounts.models import User
from sergur.allowance.models import OpenHours
from sergur.allowance.services.load import _changed, _check_operator
from sergur.registry.models import School, Subject
from sergur.rules.allowance.semester import parse_semester

FILLED = _(
    "These hours were given to a teacher by the district's plan; they are a timetable line "
    "now and are no longer open."
)


@transaction.atomic
def open_hours_add(
    *,
    school: School,
    semester: str,
    class_label: str,
    subject: Subject,
    hours: int,
    pupils: int | None = None,
    actor: User,
    now: dt.datetime | None = None,
) -> OpenHours:
    """Record that a class's hours in a subject have no teacher in the semester."""
    _check_operator(actor, school)
    code = parse_semester(semester).code
    entry = OpenHours(
        school=school,
        semester=code,
        class_label=class_label.strip(),
        subject=subject,
        hours=hours,
        pupils=pupils,
        updated_at=now or timezone.now(),
        updated_by=actor,
    )
    entry.full_clean()
    entry.save()
    _changed(school, code, actor, {"open": entry.pk, "hours": hours})
    return entry


@transaction.atomic
def open_hours_remove(*, entry: OpenHours, actor: User) -> None:
    """Remove open hours that no teacher was given (a filled entry is the plan's record)."""
    _check_operator(actor, entry.school)
    if entry.filled:
        raise ValidationError(FILLED, code="filled")
    pk = entry.pk
    entry.delete()
    _changed(entry.school, entry.semester, actor, {"open": pk, "deleted": 1})
