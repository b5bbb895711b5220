from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError
from django.utils import timezone

from sergur.registry.models import Teacher
from sergur.registry.tests.factories import (
    DistrictFactory,
    ProgrammeYearFactory,
    SchoolFactory,
    SubjectFactory,
    TeacherFactory,
    TeachingAssignmentFactory,
)

pytestmark = pytest.mark.django_db


def test_a_civil_servant_needs_a_nip():
    with pytest.raises(IntegrityError):
        TeacherFactory(employment=Teacher.Employment.PNS, nip="")


def test_a_non_civil_servant_may_have_no_nip():
    teacher = TeacherFactory(employment=Teacher.Employment.NON_PNS, nip="")
    assert str(teacher) == teacher.name


def test_a_teacher_has_one_main_school():
    assignment = TeachingAssignmentFactory()
    TeachingAssignmentFactory(teacher=assignment.teacher, is_main=False)
    with pytest.raises(IntegrityError):
        TeachingAssignmentFactory(teacher=assignment.teacher, is_main=True)


def test_names_and_codes():
    district = DistrictFactory()
    assert district.full_code == "3402"
    assert str(district) == "Regency Bantul" or "Bantul" in str(district)
    school = SchoolFactory()
    assert str(school) == school.name
    teacher = TeacherFactory()
    assert str(teacher.subject) == "180 Matematika"
    assert not teacher.is_counselor


def test_a_programme_year_is_open_between_opening_and_deadline():
    year = ProgrammeYearFactory()
    now = timezone.now()
    assert year.is_open(now)
    assert not year.is_open(year.portfolio_deadline + dt.timedelta(seconds=1))
    assert str(year) == "2007"


def test_full_clean_drops_bidirectional_and_zero_width_characters_from_names():
    teacher = TeacherFactory.build(
        name="\u202eSri\u200b Lestari, S.Pd.\u2069",
        birth_place="Ban\ufefftul",
        subject=SubjectFactory(),
        user=None,
    )

    teacher.full_clean()

    assert teacher.name == "Sri Lestari, S.Pd."
    assert teacher.birth_place == "Bantul"
