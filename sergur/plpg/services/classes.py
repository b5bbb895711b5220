"""Forming PLPG classes: the proposal from the rayon's published MPLPG decisions, the class's
instructor (with the conflict-of-interest refusals), venue, dates and timetable, the instructor
register and the rayon's subject merge table (docs/plpg.md, "Classes")."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from sergur.accounts.models import User
from sergur.cases.models import Case, CaseEvent
from sergur.cases.services import case_transition
from sergur.plpg.models import (
    Instructor,
    InstructorRelation,
    Participant,
    PlpgClass,
    Session,
    SubjectMerge,
)
from sergur.plpg.selectors import plpg_candidates, year_plpg_params
from sergur.registry.models import ProgrammeYear, Rayon, Subject, Teacher, TeachingAssignment
from sergur.rules.plpg.classes import propose_classes

NOT_RAYON_ADMIN = _("Only the rayon admin forms PLPG classes.")
OTHER_RAYON_INSTRUCTOR = _("The chosen instructor is not in this rayon's register.")
INSTRUCTOR_INACTIVE = _("The chosen instructor is not active.")
INSTRUCTOR_SUBJECT = _("The chosen instructor does not teach the subject %(subject)s.")
INSTRUCTOR_RELATED = _("The chosen instructor declared a relationship with %(teacher)s.")
INSTRUCTOR_SAME_SCHOOL = _("The chosen instructor teaches at the school of %(teacher)s.")
DATES_ORDER = _("The last day is before the first day.")
SESSION_OUTSIDE = _("The session's day is outside the class's dates.")
SESSION_JP = _("The timetable would hold %(jp)s JP, more than the training's %(total)s.")
RELATION_EXISTS = _("A relationship with this teacher is already declared.")
MERGE_SELF = _("A subject is not merged into itself.")


def _rayon_admin(actor: User, rayon: int) -> None:
    if not (
        actor.is_superuser or (actor.role == User.Role.RAYON_ADMIN and actor.rayon_id == rayon)
    ):
        raise ValidationError(NOT_RAYON_ADMIN, code="forbidden")


@transaction.atomic
def plpg_classes_propose(
    *, rayon: Rayon, programme_year: ProgrammeYear, actor: User
) -> list[PlpgClass]:
    """Place every published MPLPG case of the rayon not yet placed: grouped by subject (small
    groups merged by the rayon's table), split into classes of at most the year's size; each
    case moves to the PLPG (docs/sources/domain.md §3.1)."""
    _rayon_admin(actor, rayon.pk)
    params = year_plpg_params(programme_year)
    cases = {
        case.pk: case for case in plpg_candidates(rayon=rayon.pk, programme_year=programme_year)
    }
    merges = {
        m.subject.code: m.into.code
        for m in SubjectMerge.objects.filter(rayon=rayon).select_related("subject", "into")
    }
    subjects = {s.code: s for s in Subject.objects.all()}
    proposal = propose_classes(
        ((pk, case.teacher.subject.code) for pk, case in cases.items()), merges, params.class_size
    )
    taken = {
        (c.subject.code): c.number
        for c in PlpgClass.objects.filter(rayon=rayon, programme_year=programme_year)
        .select_related("subject")
        .order_by("number")
    }
    created = []
    for proposed in proposal:
        number = taken.get(proposed.subject, 0) + proposed.number
        klass = PlpgClass(
            rayon=rayon,
            programme_year=programme_year,
            subject=subjects[proposed.subject],
            number=number,
        )
        klass.full_clean()
        klass.save()
        created.append(klass)
        for pk in proposed.participants:
            case = cases[pk]
            place = Participant(case=case, plpg_class=klass)
            place.full_clean()
            place.save()
            case_transition(
                case=case,
                to_state=Case.State.PLPG,
                actor=actor,
                kind=CaseEvent.Kind.PLPG_PLACED,
                data={"class": klass.pk, "subject": proposed.subject, "number": number},
            )
    return created


def instructor_obstacles(*, plpg_class: PlpgClass, instructor: Instructor) -> list[str]:
    """Every reason the instructor may not teach the class: another rayon, inactive, not the
    subject, a declared relationship with a participant, a participant's school."""
    if instructor.rayon_id != plpg_class.rayon_id:
        return [str(OTHER_RAYON_INSTRUCTOR)]
    reasons = []
    if not instructor.active:
        reasons.append(str(INSTRUCTOR_INACTIVE))
    if not instructor.subjects.filter(pk=plpg_class.subject_id).exists():
        reasons.append(str(INSTRUCTOR_SUBJECT % {"subject": plpg_class.subject}))
    teachers = Teacher.objects.filter(cases__plpg__plpg_class=plpg_class)
    related = InstructorRelation.objects.filter(instructor=instructor, teacher__in=teachers)
    reasons.extend(
        str(INSTRUCTOR_RELATED % {"teacher": r.teacher.name})
        for r in related.select_related("teacher")
    )
    if instructor.home_school_id is not None:
        same = TeachingAssignment.objects.filter(
            teacher__in=teachers, school=instructor.home_school_id
        ).select_related("teacher")
        reasons.extend(str(INSTRUCTOR_SAME_SCHOOL % {"teacher": a.teacher.name}) for a in same)
    return reasons


@transaction.atomic
def plpg_class_update(
    *,
    plpg_class: PlpgClass,
    instructor: Instructor | None,
    venue: str,
    starts_on: dt.date | None,
    ends_on: dt.date | None,
    actor: User,
) -> PlpgClass:
    """Set the class's instructor, venue and dates; an instructor with a conflict of interest
    is refused with every reason."""
    _rayon_admin(actor, plpg_class.rayon_id)
    if instructor is not None:
        reasons = instructor_obstacles(plpg_class=plpg_class, instructor=instructor)
        if reasons:
            raise ValidationError(reasons, code="instructor")
    if starts_on and ends_on and ends_on < starts_on:
        raise ValidationError(DATES_ORDER, code="dates")
    plpg_class.instructor = instructor
    plpg_class.venue = venue.strip()
    plpg_class.starts_on, plpg_class.ends_on = starts_on, ends_on
    plpg_class.full_clean()
    plpg_class.save()
    return plpg_class


@transaction.atomic
def plpg_session_add(
    *, plpg_class: PlpgClass, day: dt.date, starts_at: dt.time, topic: str, jp: int, actor: User
) -> Session:
    """Add a session to the timetable: within the class's dates, the total within the year's
    JP (docs/sources/domain.md §3.1: 90 JP over 10 days)."""
    _rayon_admin(actor, plpg_class.rayon_id)
    start, end = plpg_class.starts_on, plpg_class.ends_on
    if (start and day < start) or (end and day > end):
        raise ValidationError(SESSION_OUTSIDE, code="day")
    params = year_plpg_params(plpg_class.programme_year)
    planned = sum(plpg_class.sessions.values_list("jp", flat=True)) + jp
    if planned > params.jp_total:
        raise ValidationError(
            SESSION_JP, code="jp", params={"jp": planned, "total": params.jp_total}
        )
    session = Session(plpg_class=plpg_class, day=day, starts_at=starts_at, topic=topic, jp=jp)
    session.full_clean()
    session.save()
    return session


@transaction.atomic
def instructor_save(
    *, instructor: Instructor, subjects: Iterable[Subject], actor: User
) -> Instructor:
    """Add or change an entry of the rayon's instructor register."""
    _rayon_admin(actor, instructor.rayon_id)
    instructor.full_clean()
    instructor.save()
    instructor.subjects.set(list(subjects))
    return instructor


@transaction.atomic
def instructor_relation_declare(
    *, instructor: Instructor, teacher: Teacher, relation: str, actor: User
) -> InstructorRelation:
    """Record a relationship with a teacher; the instructor never gets that teacher's class."""
    _rayon_admin(actor, instructor.rayon_id)
    if InstructorRelation.objects.filter(instructor=instructor, teacher=teacher).exists():
        raise ValidationError(RELATION_EXISTS, code="exists")
    entry = InstructorRelation(instructor=instructor, teacher=teacher, relation=relation.strip())
    entry.full_clean()
    entry.save()
    return entry


@transaction.atomic
def subject_merge_set(*, rayon: Rayon, subject: Subject, into: Subject | None, actor: User) -> None:
    """Set (or, with `into` None, remove) a row of the rayon's subject merge table."""
    _rayon_admin(actor, rayon.pk)
    SubjectMerge.objects.filter(rayon=rayon, subject=subject).delete()
    if into is None:
        return
    if into == subject:
        raise ValidationError(MERGE_SELF, code="self")
    row = SubjectMerge(rayon=rayon, subject=subject, into=into)
    row.full_clean()
    row.save()
