"""Helpers of the allowance tests: certified teachers of Sri's school (certificate of
April 2008, so paid from semester 2009-1), the school's operator, and load lines entered
through the services."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sergur.accounts.models import User
from sergur.allowance.models import TeachingLoad
from sergur.allowance.services import load_line_save
from sergur.assessments.tests.decisions_support import extra_case
from sergur.certificates.tests.support import issued
from sergur.registry.models import School, Subject, Teacher
from sergur.registry.tests.factories import UserFactory

SEMESTER = "2009-1"
NOW = dt.datetime(2009, 2, 1, 3, 0, tzinfo=dt.UTC)


def certified(cast: Any) -> Teacher:
    """Another teacher of Sri's school with an educator certificate (180 Matematika, 2008)
    and an NRG, and a teacher account of their own."""
    teacher = issued(extra_case(cast), cast).teacher
    assert teacher.user is not None
    return teacher


def own_school(cast: Any) -> School:
    """Sri's school."""
    return School.objects.get(assignments__teacher__user=cast.sri, assignments__is_main=True)


def other_school(cast: Any) -> School:
    """Budi's school, in the same district."""
    return School.objects.get(assignments__teacher__user=cast.budi, assignments__is_main=True)


def operator_of(school: School, username: str = "operator_sekolah") -> User:
    """The school operator of `school`."""
    return UserFactory(username=username, role=User.Role.SCHOOL_OPERATOR, school=school)


def line(
    teacher: Teacher,
    school: School,
    actor: User,
    hours: int,
    *,
    label: str = "7A",
    subject: str = "180",
    share: Decimal = Decimal(1),
    pupils: int | None = None,
    semester: str = SEMESTER,
) -> TeachingLoad:
    """A timetable line entered by the school's operator."""
    return load_line_save(
        line=None,
        school=school,
        semester=semester,
        teacher=teacher,
        class_label=label,
        subject=Subject.objects.get_or_create(code=subject, defaults={"name": f"Mapel {subject}"})[
            0
        ],
        hours=hours,
        team_share=share,
        pupils=pupils,
        actor=actor,
        now=NOW,
    )
