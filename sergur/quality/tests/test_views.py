"""The quality-assurance pages: each monitoring role sees its place, the wrong role 403, a
school or district outside the place 404, bad choices a message (never a 500), and the
queries stay bounded whatever the number of teachers."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sergur.conftest import Cast
from sergur.quality.tests.support import final_appraisal
from sergur.registry.models import School
from sergur.registry.tests.factories import (
    DistrictFactory,
    ProvinceFactory,
    SchoolFactory,
    SubdistrictFactory,
    TeacherFactory,
    TeachingAssignmentFactory,
)

pytestmark = pytest.mark.django_db
OVERVIEW = reverse("quality:overview")
WORKLIST = reverse("quality:worklist")


@pytest.fixture
def appraised(cast: Cast) -> Cast:
    one = School.objects.get(name="SMP Negeri 1 Bantul")
    sri = cast.sri.teacher
    sri.certified = True
    sri.save(update_fields=["certified"])
    final_appraisal(teacher=sri, school=one, year=2029, appraiser=cast.pak_kepala)
    final_appraisal(teacher=sri, school=one, year=2030, appraiser=cast.pak_kepala, low=("02",))
    return cast


def _client(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def test_principal_sees_below_standard_teacher(appraised: Cast) -> None:
    response = _client(appraised.pak_kepala).get(OVERVIEW)
    assert response.status_code == 200
    body = response.content.decode()
    assert appraised.sri.teacher.name in body
    assert "quality-core-title" in body  # the chart with its table
    assert "quality-kkg-title" in body  # seed 004's question, too few to say here
    response = _client(appraised.pak_kepala).get(WORKLIST, {"year": 2030})
    assert appraised.sri.teacher.name in response.content.decode()


def test_the_pages_speak_plainly_when_nothing_is_missing(appraised: Cast) -> None:
    client = _client(appraised.pak_kepala)
    client.cookies["django_language"] = "en"
    overview = client.get(OVERVIEW).content.decode()
    # No internal seed numbers ("Seed 001's model", "Seed 004 asks") on the page.
    assert "Seed 0" not in overview and "Quality assurance follows each" in overview
    # 2029's appraisal of the school's one certified teacher is final: nothing to count.
    worklist = client.get(WORKLIST, {"year": 2029}).content.decode()
    assert "Every certified teacher has a final appraisal for this year." in worklist
    assert "0 certified teachers" not in worklist


def test_other_district_and_province_see_nothing(appraised: Cast) -> None:
    one = School.objects.get(name="SMP Negeri 1 Bantul")
    body = _client(appraised.dinas_other).get(OVERVIEW).content.decode()
    assert appraised.sri.teacher.name not in body
    assert _client(appraised.dinas_other).get(OVERVIEW, {"school": one.pk}).status_code == 404
    assert _client(appraised.bu_kepala).get(WORKLIST, {"school": one.pk}).status_code == 404
    elsewhere = DistrictFactory(province=ProvinceFactory(code="98", name="Maluku"), code="01")
    far = SchoolFactory(subdistrict=SubdistrictFactory(district=elsewhere))
    assert _client(appraised.lpmp).get(OVERVIEW, {"district": elsewhere.pk}).status_code == 404
    assert _client(appraised.lpmp).get(OVERVIEW, {"school": far.pk}).status_code == 404
    # The province's quality office sees the district of the cast.
    assert appraised.sri.teacher.name in _client(appraised.lpmp).get(OVERVIEW).content.decode()


def test_wrong_roles_are_refused(appraised: Cast) -> None:
    assert _client(appraised.sri).get(OVERVIEW).status_code == 403
    assert _client(appraised.asesor).get(OVERVIEW).status_code == 403
    assert _client(appraised.dinas).get(WORKLIST).status_code == 403
    assert Client().get(OVERVIEW).status_code == 302


def test_bad_choice_says_so(appraised: Cast) -> None:
    response = _client(appraised.dinas).get(OVERVIEW, {"year": "abc", "school": "x"})
    assert response.status_code == 200
    assert 'class="request-error" role="alert"' in response.content.decode()


def test_queries_do_not_grow_with_teachers(appraised: Cast) -> None:
    client = _client(appraised.dinas)
    with CaptureQueriesContext(connection) as few:
        client.get(OVERVIEW)
    one = School.objects.get(name="SMP Negeri 1 Bantul")
    for _ in range(15):
        teacher = TeacherFactory(certified=True)
        TeachingAssignmentFactory(teacher=teacher, school=one)
        final_appraisal(teacher=teacher, school=one, year=2029, appraiser=appraised.pak_kepala)
        final_appraisal(
            teacher=teacher, school=one, year=2030, appraiser=appraised.pak_kepala, points=1
        )
    with CaptureQueriesContext(connection) as many:
        response = client.get(OVERVIEW)
    assert response.content.decode().count("<tr>") > 15
    assert len(many) == len(few), (len(few), len(many))
