"""The assessor and the instructor registers share one abstract entry
(`RayonRegisterEntry`): each register's rows are reached by the same names as before the
entry was shared, and each keeps its own number, status and criteria."""

from __future__ import annotations

import pytest
from django.utils import translation

from sergur.accounts.models import User
from sergur.assessments.models import Assessor
from sergur.plpg.models import Instructor
from sergur.registry.models import Rayon, RayonRegisterEntry
from sergur.registry.tests.factories import SubjectFactory, UserFactory

pytestmark = pytest.mark.django_db


def _entry[E: RayonRegisterEntry](model: type[E], role: str, rayon: Rayon, number: str) -> E:
    entry = model._default_manager.create(
        user=UserFactory(role=role),
        rayon=rayon,
        number=number,
        degree=RayonRegisterEntry.Degree.S3,
        status="lecturer",
        institution="Universitas Contoh",
    )
    entry.subjects.add(SubjectFactory())
    return entry


def test_both_registers_are_reached_by_their_own_names_from_account_rayon_and_subject():
    rayon = Rayon.objects.create(code="99", institution="Universitas Contoh")
    assessor = _entry(Assessor, User.Role.ASSESSOR, rayon, "A-2")
    instructor = _entry(Instructor, User.Role.INSTRUCTOR, rayon, "I-1")
    subject = SubjectFactory()

    assert assessor.user.assessor == assessor
    assert instructor.user.instructor == instructor
    assert list(rayon.assessors.all()) == [assessor]
    assert list(rayon.instructors.all()) == [instructor]
    assert list(subject.assessors.all()) == [assessor]
    assert list(subject.instructors.all()) == [instructor]
    assert str(assessor) == f"{assessor.user} (A-2)"
    assert str(instructor) == f"{instructor.user} (I-1)"


def test_each_register_keeps_its_own_words_and_choices():
    with translation.override("en"):
        assert str(Assessor._meta.get_field("number").verbose_name) == "assessor number"
        assert str(Instructor._meta.get_field("number").verbose_name) == "instructor number"
    assert Assessor._meta.get_field("status").blank
    assert not Instructor._meta.get_field("status").blank
    assert "supervisor" in Assessor.Status.values
    assert "supervisor" not in Instructor.Status.values
    assert Assessor._meta.ordering == Instructor._meta.ordering == ["rayon", "number"]
