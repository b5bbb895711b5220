"""A counsellor's pages use the seed's own words (seed 003, Buku III: "Perencanaan Program
Pelayanan Bimbingan dan Konseling", "LAMA MEMBERIKAN PELAYANAN BIMBINGAN DAN KONSELING");
a subject teacher's pages keep the subject teacher's."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils.html import escape

from sergur.cases.models import Case
from sergur.cases.services import case_open
from sergur.registry.tests.factories import (
    SubjectFactory,
    TeacherFactory,
    TeachingAssignmentFactory,
    UserFactory,
)
from sergur.rules.messages import SECTIONS, component_names

COUNSELLOR = component_names("counselor")
SERVICE = "Lama memberikan pelayanan BK"
PLANNING = "Perencanaan Program Pelayanan Bimbingan dan Konseling"


@pytest.fixture
def counsellor_case(cast):
    subject = SubjectFactory(code="850", name="Bimbingan dan Konseling", is_counseling=True)
    user = UserFactory(username="konselor", role="teacher")
    teacher = TeacherFactory(user=user, subject=subject)
    TeachingAssignmentFactory(teacher=teacher, school=cast.sri.teacher.assignments.get().school)
    return case_open(teacher=teacher, programme_year=cast.sri_case.programme_year, actor=None)


def page(client, name: str, case: Case, *args: str) -> str:
    response = client.get(reverse(f"portfolios:{name}", args=[case.pk, *args]))
    assert response.status_code == 200
    return str(response.content.decode())


def test_a_counsellors_case_page_uses_the_seeds_words(client, counsellor_case):
    client.force_login(counsellor_case.teacher.user)

    text = page(client, "case", counsellor_case)

    assert escape(SERVICE) in text
    assert escape(PLANNING) in text
    assert escape(COUNSELLOR["learning_plans_and_practice"]["id"]) in text
    assert escape(SECTIONS["teaching_period"]["id"]) not in text


def test_a_counsellors_case_page_asks_for_the_4b_records_not_the_envelope(client, counsellor_case):
    client.force_login(counsellor_case.teacher.user)

    text = page(client, "case", counsellor_case)

    # The assessors score a counsellor's 4b from the records (Buku II pp. 33-35).
    assert "4.b Pelaksanaan Pelayanan Bimbingan dan Konseling" in text
    assert "Pelaksanaan pembelajaran: amplop tertutup" not in text
    assert "Amplop tertutup: penilaian dari atasan dan pengawas (unsur 5)" in text
    assert "pelaksanaan pelayanan BK (4b)" in text


def test_a_counsellors_tables_carry_the_seeds_titles(client, counsellor_case):
    client.force_login(counsellor_case.teacher.user)

    assert escape(SERVICE) in page(client, "section", counsellor_case, "teaching_period")
    assert escape(PLANNING) in page(client, "section", counsellor_case, "lesson_plan")


def test_a_counsellors_tables_read_in_english(client, counsellor_case):
    client.force_login(counsellor_case.teacher.user)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})

    text = page(client, "section", counsellor_case, "teaching_period")

    assert escape(COUNSELLOR["teaching_experience"]["en"]) in text


def test_a_subject_teachers_pages_keep_the_teaching_words(client, cast):
    client.force_login(cast.sri)

    text = page(client, "case", cast.sri_case)

    assert escape(SECTIONS["teaching_period"]["id"]) in text
    assert escape(SERVICE) not in text
    assert escape(PLANNING) not in text


def test_another_teacher_cannot_open_a_counsellors_pages(client, cast, counsellor_case):
    client.force_login(cast.budi)

    for args in ((), ("teaching_period",)):
        name = "section" if args else "case"
        url = reverse(f"portfolios:{name}", args=[counsellor_case.pk, *args])
        assert client.get(url).status_code == 404
