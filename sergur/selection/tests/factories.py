"""Teachers with the fields eligibility needs, for the selection tests."""

from __future__ import annotations

import datetime as dt

from sergur.registry.models import School, Subject, Teacher
from sergur.registry.tests.factories import (
    SubjectFactory,
    TeacherFactory,
    TeachingAssignmentFactory,
)


def eligible_teacher(
    school: School,
    *,
    name: str,
    employment: str = "pns",
    teacher_since: dt.date = dt.date(1990, 7, 1),
    birth_date: dt.date = dt.date(1960, 1, 1),
    subject: Subject | None = None,
    hours: int = 24,
    **fields: object,
) -> Teacher:
    """A teacher of `school` who meets every 2007 rule unless `fields` say otherwise: S1 since
    1988, a teacher since 1990, under 60 in 2008, not certified; non-PNS permanent since
    1995."""
    values: dict[str, object] = {
        "name": name,
        "employment": employment,
        "education_level": "S1",
        "degree_date": dt.date(1988, 1, 1),
        "teacher_since": teacher_since,
        "birth_date": birth_date,
        "certified": False,
        "subject": subject or SubjectFactory(),
    }
    if employment == "non_pns":
        values.update(nip="", rank="", permanent_since=dt.date(1995, 1, 1))
    values.update(fields)
    teacher = TeacherFactory(**values)
    TeachingAssignmentFactory(teacher=teacher, school=school, weekly_hours=hours)
    return teacher
