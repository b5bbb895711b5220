from __future__ import annotations

import pytest

from sergur.registry.models import School, Teacher
from sergur.registry.tests.admin_support import admin_models, change_url, changelist_url, queries
from sergur.registry.tests.factories import (
    SchoolFactory,
    SubjectFactory,
    TeacherFactory,
    TeachingAssignmentFactory,
)

MODELS = admin_models("registry")


def test_every_registry_model_has_a_screen():
    names = {model.__name__ for model in MODELS}
    assert names == {
        "Province",
        "District",
        "Subdistrict",
        "School",
        "Subject",
        "Teacher",
        "ProgrammeYear",
        "Rayon",
    }


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_the_operator_opens_the_list_the_row_and_the_add_page(client, cast, model):
    client.force_login(cast.operator)
    obj = model.objects.first()

    assert client.get(changelist_url(model)).status_code == 200
    assert client.get(change_url(obj)).status_code == 200
    assert client.get(changelist_url(model) + "add/").status_code == 200


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
@pytest.mark.parametrize("who", ["sri", "pak_kepala", "dinas", None])
def test_anyone_but_staff_is_sent_to_the_admin_login(client, cast, model, who):
    if who is not None:
        client.force_login(getattr(cast, who))

    for url in (changelist_url(model), change_url(model.objects.first())):
        response = client.get(url)
        assert response.status_code in (302, 403)
        if response.status_code == 302:
            assert "/admin/login/" in response["Location"]


def test_teachers_are_found_by_nuptk_and_name(client, cast):
    client.force_login(cast.operator)
    sri = cast.sri_case.teacher

    by_number = client.get(changelist_url(Teacher), {"q": sri.nuptk})
    by_name = client.get(changelist_url(Teacher), {"q": sri.name.split(",")[0]})

    assert list(by_number.context["cl"].result_list) == [sri]
    assert sri in by_name.context["cl"].result_list


def test_the_teacher_list_shows_the_main_school_and_the_page_shows_assignments(client, cast):
    client.force_login(cast.operator)
    sri = cast.sri_case.teacher
    school = sri.assignments.get().school

    listing = client.get(changelist_url(Teacher)).content.decode()
    page = client.get(change_url(sri))

    assert school.name in listing
    assert page.context["inline_admin_formsets"][0].formset.queryset.count() == 1


def test_schools_are_found_by_npsn_and_filtered_by_level(client, cast):
    client.force_login(cast.operator)
    sd = SchoolFactory.create(level=School.Level.SD, npsn="20409999", name="SD Negeri Contoh")

    found = client.get(changelist_url(School), {"q": "20409999"})
    filtered = client.get(changelist_url(School), {"level__exact": "SD"})

    assert list(found.context["cl"].result_list) == [sd]
    assert list(filtered.context["cl"].result_list) == [sd]


@pytest.mark.parametrize("model", [Teacher, School], ids=lambda m: m.__name__)
def test_a_longer_list_takes_no_more_queries(client, cast, model):
    client.force_login(cast.operator)
    before = queries(client, changelist_url(model))
    subject = SubjectFactory.create(code="156", name="Bahasa Indonesia")
    for _ in range(5):
        TeachingAssignmentFactory.create(
            teacher=TeacherFactory.create(subject=subject), school=SchoolFactory.create()
        )

    assert queries(client, changelist_url(model)) == before
