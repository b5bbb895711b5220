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
from decimal import Decimal
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
TEAM_GONE = _(
    "The share of class %(klass)s (%(subject)s) at %(school)s that its team left untaught was "
    "given to a teacher or changed. Run the plan again."
)


class Source(StrEnum):
    """Where the proposed hours come from."""

    LINE = "line"  # a load line of a teacher above the cap (alone or in a team)
    OPEN = "open"  # open hours no teacher teaches
    TEAM = "team"  # the share of a team-taught class-subject its team leaves untaught


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


def _team_left(members: list[TeachingLoad]) -> tuple[int, Decimal]:
    """A team-taught class-subject's weekly hours and the share its team leaves untaught."""
    taught = sum((line.team_share for line in members), Decimal(0))
    return max(line.hours for line in members), Decimal(1) - taught


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
            or _whole(line) != item.hours
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


def _teams(
    items: list[Taken], semester: str
) -> tuple[dict[int, list[TeachingLoad]], list[ValidationError]]:
    """The members of each team whose untaught share is taken (locked), by the first line's
    pk, and every item no longer as proposed."""
    firsts = {
        line.pk: line
        for line in TeachingLoad.objects.select_for_update()
        .filter(pk__in=[item.pk for item in items], semester=semester)
        .select_related("school__subdistrict", "subject")
    }
    teams: dict[int, list[TeachingLoad]] = {}
    errors = []
    for item in items:
        first = firsts.get(item.pk)
        members = (
            list(
                TeachingLoad.objects.select_for_update()
                .filter(
                    semester=semester,
                    school=first.school_id,
                    class_label=first.class_label,
                    subject=first.subject_id,
                )
                .select_related("school__subdistrict", "subject")
            )
            if first is not None
            else []
        )
        hours, left = _team_left(members) if members else (0, Decimal(0))
        if (
            first is None
            or min(line.pk for line in members) != first.pk
            or first.school_id != item.school
            or first.class_label != item.class_label
            or first.subject.code != item.subject
            or left <= 0
            or int(hours * left) != item.hours
        ):
            school = first.school.name if first is not None else str(item.school)
            where = {"klass": item.class_label, "subject": item.subject, "school": school}
            errors.append(ValidationError(TEAM_GONE, code="stale", params=where))
        else:
            teams[item.pk] = members
    return teams, errors


def _givers_short(
    moved: list[TeachingLoad], district: int, semester: str, minimum: int
) -> list[ValidationError]:
    """A teacher giving lines keeps at least the minimum over the district's schools."""
    givers = {line.teacher_id for line in moved}
    gone = {line.pk for line in moved}
    totals: dict[int, Decimal] = defaultdict(Decimal)
    for line in TeachingLoad.objects.filter(
        teacher__in=givers, semester=semester, school__subdistrict__district=district
    ):
        if line.pk not in gone:
            # Each line by the teacher's share, summed, then whole hours (as the planner counts).
            totals[line.teacher_id] += line.hours * line.team_share
    errors = []
    for line in moved:
        if int(totals[line.teacher_id]) < minimum:
            params = {
                "klass": line.class_label,
                "subject": line.subject.code,
                "school": line.school.name,
                "minimum": minimum,
            }
            errors.append(ValidationError(GIVER_SHORT, code="stale", params=params))
    return errors


def _own_line(teacher: Teacher, line: TeachingLoad) -> TeachingLoad | None:
    """The teacher's own line of the same class-subject as `line`, if any (a team member)."""
    return (
        TeachingLoad.objects.select_for_update()
        .filter(
            semester=line.semester,
            teacher=teacher,
            school=line.school_id,
            class_label=line.class_label,
            subject=line.subject_id,
        )
        .select_related("school", "subject")
        .first()
    )


def _add_share(line: TeachingLoad, share: Decimal, stamp: tuple[dt.datetime, User]) -> TeachingLoad:
    line.team_share = min(Decimal(1), line.team_share + share)
    line.updated_at, line.updated_by = stamp
    line.full_clean()
    line.save()
    return line


def _new_line(
    teacher: Teacher,
    like: TeachingLoad | OpenHours,
    hours: int,
    share: Decimal,
    stamp: tuple[dt.datetime, User],
) -> TeachingLoad:
    line = TeachingLoad(
        semester=like.semester,
        teacher=teacher,
        school=like.school,
        class_label=like.class_label,
        subject=like.subject,
        hours=hours,
        team_share=share,
        pupils=like.pupils,
        updated_at=stamp[0],
        updated_by=stamp[1],
    )
    line.full_clean()
    line.save()
    return line


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
    (a team line with its share), turn each open hours into their line, give them the share a
    team leaves untaught, assign them to each school (not as main),
    withdraw each school's confirmation (the school confirms its part again), audit, and
    recompute the eligibility of the teacher and of every teacher who gave a line. Refuses
    the whole when any item is no longer as proposed, listing every one."""
    district = _check_committee(actor, teacher)
    if not taken:
        raise ValidationError(NOTHING, code="empty")
    when = now or timezone.now()
    from_lines = [item for item in taken if item.source is Source.LINE]
    from_open = [item for item in taken if item.source is Source.OPEN]
    from_teams = [item for item in taken if item.source is Source.TEAM]
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
    teams, stale_teams = _teams(from_teams, semester)
    errors += stale_teams
    rows: list[TeachingLoad | OpenHours] = [
        *lines.values(),
        *found.values(),
        *(members[0] for members in teams.values()),
    ]
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
    stamp = (when, actor)
    for line in lines.values():
        own = _own_line(teacher, line)
        if own is None:
            line.teacher = teacher
            line.updated_at, line.updated_by = stamp
            line.full_clean()
            line.save()
            written.append(line)
        else:
            # The teacher already teaches this class-subject in its team: the giver's share
            # joins theirs (one line per teacher and class-subject).
            written.append(_add_share(own, line.team_share, stamp))
            line.delete()
    for entry in found.values():
        written.append(_new_line(teacher, entry, entry.hours, Decimal(1), stamp))
        entry.filled_at, entry.filled_by = when, teacher
        entry.full_clean()
        entry.save(update_fields=["filled_at", "filled_by"])
    for members in teams.values():
        first = members[0]
        hours, left = _team_left(members)
        own = next((line for line in members if line.teacher_id == teacher.pk), None)
        if own is None:
            written.append(_new_line(teacher, first, hours, left, stamp))
        else:
            written.append(_add_share(own, left, stamp))
    touched: dict[int, School] = {line.school_id: line.school for line in written}
    hours_at: dict[int, int] = defaultdict(int)
    for line in written:
        hours_at[line.school_id] += max(1, _whole(line))
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
