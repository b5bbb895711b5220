"""The school operator keeps the school's teaching load for a semester: timetable lines,
additional duties, counsellors' pupils, each teacher's semester facts, and the school's
confirmation of its part (docs/allowance.md, "Teaching load"). A change to the school's part
withdraws its confirmation; every change is audited."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sergur.accounts.models import User
from sergur.allowance.models import (
    AdditionalDuty,
    CounsellingLoad,
    LoadConfirmation,
    TeacherSemester,
    TeachingLoad,
)
from sergur.allowance.selectors import school_teachers, semester_params
from sergur.common.audit import audit_record
from sergur.registry.models import School, Subject, Teacher
from sergur.rules.allowance.semester import parse_semester

LOAD_CHANGED = "allowance.load_changed"
CONFIRMED = "allowance.confirmed"
NOT_OPERATOR = _("Only the school's operator changes its teaching load.")
NOT_AT_SCHOOL = _("This teacher is not assigned to the school.")
UNKNOWN_DUTY = _("“%(kind)s” is not an additional duty of the rules for semester %(semester)s.")
NOTHING_TO_CONFIRM = _("There is nothing to confirm: the school has no load for %(semester)s.")


def _check_operator(actor: User, school: School) -> None:
    if not (
        actor.is_superuser
        or (actor.role == User.Role.SCHOOL_OPERATOR and actor.school_id == school.pk)
    ):
        raise ValidationError(NOT_OPERATOR, code="forbidden")


def _check_teacher(teacher: Teacher, school: School) -> None:
    if not school_teachers(school).filter(pk=teacher.pk).exists():
        raise ValidationError({"teacher": NOT_AT_SCHOOL}, code="teacher")


def _changed(school: School, semester: str, actor: User, detail: dict[str, str | int]) -> None:
    """Withdraw the school's confirmation and audit the change."""
    LoadConfirmation.objects.filter(school=school, semester=semester).delete()
    audit_record(
        action=LOAD_CHANGED,
        user=actor,
        object_kind="school",
        object_id=school.pk,
        district_id=school.subdistrict.district_id,
        detail={"semester": semester, **detail},
    )


@transaction.atomic
def load_line_save(
    *,
    line: TeachingLoad | None,
    school: School,
    semester: str,
    teacher: Teacher,
    class_label: str,
    subject: Subject,
    hours: int,
    team_share: Decimal = Decimal(1),
    pupils: int | None = None,
    actor: User,
    now: dt.datetime | None = None,
) -> TeachingLoad:
    """Add a timetable line (`line` None) or change one of the school's lines."""
    _check_operator(actor, school)
    _check_teacher(teacher, school)
    entry = line if line is not None else TeachingLoad(school=school, semester=semester)
    if entry.school_id != school.pk:
        raise ValidationError(NOT_OPERATOR, code="forbidden")
    entry.semester = semester
    entry.teacher = teacher
    entry.class_label = class_label.strip()
    entry.subject = subject
    entry.hours = hours
    entry.team_share = team_share
    entry.pupils = pupils
    entry.updated_at = now or timezone.now()
    entry.updated_by = actor
    entry.full_clean()
    entry.save()
    _changed(school, semester, actor, {"line": entry.pk, "hours": hours})
    return entry


@transaction.atomic
def load_line_delete(*, line: TeachingLoad, actor: User) -> None:
    """Remove one of the school's timetable lines."""
    _check_operator(actor, line.school)
    pk = line.pk
    line.delete()
    _changed(line.school, line.semester, actor, {"line": pk, "deleted": 1})


@transaction.atomic
def duty_add(
    *,
    school: School,
    semester: str,
    teacher: Teacher,
    kind: str,
    actor: User,
    now: dt.datetime | None = None,
) -> AdditionalDuty:
    """Record an additional duty of the semester's rules (idempotent)."""
    _check_operator(actor, school)
    _check_teacher(teacher, school)
    parsed = parse_semester(semester)
    if semester_params(parsed).duty(kind) is None:
        raise ValidationError(
            {"kind": UNKNOWN_DUTY % {"kind": kind, "semester": parsed.code}}, code="duty"
        )
    duty, created = AdditionalDuty.objects.get_or_create(
        school=school,
        semester=parsed.code,
        teacher=teacher,
        kind=kind,
        defaults={"updated_at": now or timezone.now(), "updated_by": actor},
    )
    if created:
        _changed(school, parsed.code, actor, {"duty": kind})
    return duty


@transaction.atomic
def duty_remove(*, duty: AdditionalDuty, actor: User) -> None:
    """Remove an additional duty."""
    _check_operator(actor, duty.school)
    duty.delete()
    _changed(duty.school, duty.semester, actor, {"duty": duty.kind, "deleted": 1})


@transaction.atomic
def counselling_set(
    *,
    school: School,
    semester: str,
    teacher: Teacher,
    pupils: int,
    actor: User,
    now: dt.datetime | None = None,
) -> CounsellingLoad | None:
    """Set the pupils a counsellor serves at the school (0 removes the entry)."""
    _check_operator(actor, school)
    _check_teacher(teacher, school)
    parse_semester(semester)
    existing = CounsellingLoad.objects.filter(
        school=school, semester=semester, teacher=teacher
    ).first()
    if pupils == 0:
        if existing is not None:
            existing.delete()
            _changed(school, semester, actor, {"counselling": 0})
        return None
    entry = existing or CounsellingLoad(school=school, semester=semester, teacher=teacher)
    entry.pupils = pupils
    entry.updated_at = now or timezone.now()
    entry.updated_by = actor
    entry.full_clean()
    entry.save()
    _changed(school, semester, actor, {"counselling": pupils})
    return entry


@transaction.atomic
def teacher_semester_set(
    *,
    school: School,
    semester: str,
    teacher: Teacher,
    pkg: str,
    employed_elsewhere: bool,
    employer: str,
    actor: User,
    now: dt.datetime | None = None,
) -> TeacherSemester:
    """Record a teacher's semester facts: latest PKG, other permanent post, employer."""
    _check_operator(actor, school)
    _check_teacher(teacher, school)
    entry = TeacherSemester.objects.filter(teacher=teacher, semester=semester).first()
    entry = entry or TeacherSemester(teacher=teacher, semester=semester)
    entry.pkg = pkg
    entry.employed_elsewhere = employed_elsewhere
    entry.employer = employer
    entry.updated_at = now or timezone.now()
    entry.updated_by = actor
    entry.full_clean()
    entry.save()
    _changed(school, semester, actor, {"facts": teacher.pk})
    return entry


@transaction.atomic
def load_confirm(
    *, school: School, semester: str, actor: User, now: dt.datetime | None = None
) -> LoadConfirmation:
    """The school confirms its part of the semester's loads (idempotent)."""
    _check_operator(actor, school)
    code = parse_semester(semester).code
    existing = LoadConfirmation.objects.filter(school=school, semester=code).first()
    if existing is not None:
        return existing
    if not TeachingLoad.objects.filter(school=school, semester=code).exists():
        raise ValidationError(NOTHING_TO_CONFIRM % {"semester": code}, code="empty")
    confirmation = LoadConfirmation(
        school=school, semester=code, confirmed_by=actor, confirmed_at=now or timezone.now()
    )
    confirmation.full_clean()
    confirmation.save()
    audit_record(
        action=CONFIRMED,
        user=actor,
        object_kind="school",
        object_id=school.pk,
        district_id=school.subdistrict.district_id,
        detail={"semester": code},
    )
    return confirmation
