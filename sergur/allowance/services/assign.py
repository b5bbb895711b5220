"""The district committee gives a short teacher class-subject hours at another school, as the
teaching-load planner proposed them (docs/allowance.md, "Accepting a proposal"): a load line
moves from a teacher above the cap, or open hours become the teacher's line. Every hour is
checked against the proposal first: a line that changed or moved, open hours already given,
or a teacher who would fall below the minimum refuse the whole, and nothing is written."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sergur.accounts.models import User
from sergur.allowance.models import OpenHours, TeachingLoad
from sergur.allowance.services.eligibility import eligibility_compute_teachers
from sergur.allowance.services.load import _changed
from sergur.registry.models import School, Teacher, TeachingAssignment

NOT_COMMITTEE = _("Only the committee of the teacher's district gives hours at another school.")
NOTHING = _("Tick at least one of the proposed class-subjects.")
LINE_GONE = _(
    "Class %(klass)s (%(subject)s) at %(school)s is no longer as proposed: its line was "
    "changed, removed or given to another teacher. Run the plan again."
)
OPEN_GONE = _(
    "The open hours of class %(klass)s (%(subject)s) at %(school)s were given to a teacher "
    "or changed. Run the plan again."
)
GIVER_SHORT = _(
    "Giving class %(klass)s (%(subject)s) at %(school)s would leave its teacher below "
    "%(minimum)s JP a week. Run the plan again."
)
OTHER_DISTRICT = _("Class %(klass)s (%(subject)s) is at a school of another district.")


class Source(StrEnum):
    """Where the proposed hours come from."""

    LINE = "line"  # a load line of a teacher above the cap
    OPEN = "open"  # open hours no teacher teaches


@dataclass(frozen=True, slots=True)
class Taken:
    """One class-subject as the plan proposed it to the teacher: where it comes from (the
    line's or the open hours' pk), its school, class, subject code and weekly hours."""

    source: Source
    pk: int
    school: int
    class_label: str
    subject: str
    hours: int


@dataclass(frozen=True, slots=True)
class Assigned:
    """What `load_assign` wrote: the teacher's new lines, and for each teacher who gave a
    line (a "giver", above the cap) the pks of the schools whose lines they gave."""

    lines: list[TeachingLoad]
    givers: dict[int, list[int]]


def _whole(line: TeachingLoad) -> int:
    return int(line.hours * line.team_share)


def _check_committee(actor: User, teacher: Teacher) -> int:
    """The district of the teacher's main school, if the actor is its committee."""
    district = (
        TeachingAssignment.objects.filter(teacher=teacher, is_main=True)
        .values_list("school__subdistrict__district_id", flat=True)
        .first()
    )
    if not (
        actor.role == User.Role.DISTRICT_COMMITTEE
        and district is not None
        and actor.district_id == district
    ):
        raise ValidationError(NOT_COMMITTEE, code="forbidden")
    return district


def _stale_lines(
    items: list[Taken], lines: dict[int, TeachingLoad], teacher: Teacher, semester: str
) -> list[ValidationError]:
    errors = []
    for item in items:
        line = lines.get(item.pk)
        if (
            line is None
            or line.semester != semester
            or line.school_id != item.school
            or line.class_label != item.class_label
            or line.subject.code != item.subject
            or line.hours != item.hours
            or line.team_share != 1
            or line.teacher_id == teacher.pk
        ):
            school = line.school.name if line is not None else str(item.school)
            where = {"klass": item.class_label, "subject": item.subject, "school": school}
            errors.append(ValidationError(LINE_GONE, code="stale", params=where))
    return errors


def _stale_open(
    items: list[Taken], found: dict[int, OpenHours], semester: str
) -> list[ValidationError]:
    errors = []
    for item in items:
        entry = found.get(item.pk)
        if (
            entry is None
            or entry.filled
            or entry.semester != semester
            or entry.school_id != item.school
            or entry.class_label != item.class_label
            or entry.subject.code != item.subject
            or entry.hours != item.hours
        ):
            where = {"klass": item.class_label, "subject": item.subject}
            where["school"] = entry.school.name if entry is not None else str(item.school)
            errors.append(ValidationError(OPEN_GONE, code="stale", params=where))
    return errors


def _givers_short(
    moved: list[TeachingLoad], district: int, semester: str, minimum: int
) -> list[ValidationError]:
    """A teacher giving lines keeps at least the minimum over the district's schools."""
    givers = {line.teacher_id for line in moved}
    totals: dict[int, int] = defaultdict(int)
    for line in TeachingLoad.objects.filter(
        teacher__in=givers, semester=semester, school__subdistrict__district=district
    ):
        totals[line.teacher_id] += _whole(line)
    errors = []
    for line in moved:
        totals[line.teacher_id] -= _whole(line)
    for line in moved:
        if totals[line.teacher_id] < minimum:
            params = {
                "klass": line.class_label,
                "subject": line.subject.code,
                "school": line.school.name,
                "minimum": minimum,
            }
            errors.append(ValidationError(GIVER_SHORT, code="stale", params=params))
    return errors


@transaction.atomic
def load_assign(
    *,
    teacher: Teacher,
    semester: str,
    taken: Sequence[Taken],
    minimum: int,
    actor: User,
    now: dt.datetime | None = None,
) -> Assigned:
    """Give `teacher` the proposed class-subjects in one transaction: move each line to them
    or turn each open hours into their line, assign them to each school (not as main),
    withdraw each school's confirmation (the school confirms its part again), audit, and
    recompute the eligibility of the teacher and of every teacher who gave a line. Refuses
    the whole when any item is no longer as proposed, listing every one."""
    district = _check_committee(actor, teacher)
    if not taken:
        raise ValidationError(NOTHING, code="empty")
    when = now or timezone.now()
    from_lines = [item for item in taken if item.source is Source.LINE]
    from_open = [item for item in taken if item.source is Source.OPEN]
    lines = {
        line.pk: line
        for line in TeachingLoad.objects.select_for_update()
        .filter(pk__in=[item.pk for item in from_lines])
        .select_related("school__subdistrict", "subject")
    }
    found = {
        entry.pk: entry
        for entry in OpenHours.objects.select_for_update()
        .filter(pk__in=[item.pk for item in from_open])
        .select_related("school__subdistrict", "subject")
    }
    errors = _stale_lines(from_lines, lines, teacher, semester)
    errors += _stale_open(from_open, found, semester)
    rows: list[TeachingLoad | OpenHours] = [*lines.values(), *found.values()]
    for row in rows:
        if row.school.subdistrict.district_id != district:
            where = {"klass": row.class_label, "subject": row.subject.code}
            errors.append(ValidationError(OTHER_DISTRICT, code="district", params=where))
    if not errors:
        errors += _givers_short(list(lines.values()), district, semester, minimum)
    if errors:
        raise ValidationError(errors)

    written: list[TeachingLoad] = []
    gave: dict[int, set[int]] = defaultdict(set)
    for line in lines.values():
        gave[line.teacher_id].add(line.school_id)
    givers = sorted(gave)
    for line in lines.values():
        line.teacher = teacher
        line.updated_at, line.updated_by = when, actor
        line.full_clean()
        line.save()
        written.append(line)
    for entry in found.values():
        line = TeachingLoad(
            semester=semester,
            teacher=teacher,
            school=entry.school,
            class_label=entry.class_label,
            subject=entry.subject,
            hours=entry.hours,
            pupils=entry.pupils,
            updated_at=when,
            updated_by=actor,
        )
        line.full_clean()
        line.save()
        entry.filled_at, entry.filled_by = when, teacher
        entry.full_clean()
        entry.save(update_fields=["filled_at", "filled_by"])
        written.append(line)
    touched: dict[int, School] = {line.school_id: line.school for line in written}
    hours_at: dict[int, int] = defaultdict(int)
    for line in written:
        hours_at[line.school_id] += line.hours
    for pk, school in sorted(touched.items()):
        TeachingAssignment.objects.get_or_create(
            teacher=teacher,
            school=school,
            defaults={"weekly_hours": min(hours_at[pk], 60), "is_main": False},
        )
        _changed(school, semester, actor, {"assigned": teacher.pk, "hours": hours_at[pk]})
    eligibility_compute_teachers(
        teacher_ids=[teacher.pk, *givers], semester=semester, by=actor, now=when
    )
    return Assigned(
        lines=written, givers={giver: sorted(schools) for giver, schools in sorted(gave.items())}
    )
