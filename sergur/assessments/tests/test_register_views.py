"""The assessor register pages: the rayon admin lists, adds and edits their rayon's assessors
and their declared relationships; an assessor declares their own; nobody else gets in."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sergur.accounts.models import User
from sergur.assessments.models import Assessor, DeclaredRelation
from sergur.registry.models import Rayon
from sergur.registry.tests.factories import SchoolFactory, SubjectFactory, UserFactory

OUTSIDERS = ["asesor", "sri", "dinas", "lpmp"]


def body(response: Any) -> str:
    return str(response.content.decode())


def entry_data(user: User, **changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "user": user.pk,
        "number": "07-001",
        "degree": "S3",
        "subjects": [SubjectFactory().pk],
        "institution": "Universitas Contoh",
        "home_district": "",
        "home_school_npsn": "",
        "max_load": "",
        "active": "on",
    }
    data.update(changes)
    return data


@pytest.fixture
def newcomer(cast: Any) -> User:
    user: User = UserFactory(username="baru", role=User.Role.ASSESSOR, rayon=cast.rayon_admin.rayon)
    return user


def test_the_register_lists_the_rayons_assessors(client, cast):
    client.force_login(cast.rayon_admin)
    response = client.get(reverse("assessments:register"))
    assert response.status_code == 200
    for user in (cast.asesor, cast.asesor2, cast.asesor3):
        assert user.assessor.number in body(response)


def test_another_rayons_register_is_its_own(client, cast):
    client.force_login(cast.rayon_other)
    response = client.get(reverse("assessments:register"))
    assert response.status_code == 200
    assert cast.asesor.assessor.number not in body(response)


@pytest.mark.parametrize("who", OUTSIDERS)
def test_other_roles_may_not_see_or_change_the_register(client, cast, newcomer, who):
    client.force_login(getattr(cast, who))
    assert client.get(reverse("assessments:register")).status_code == 403
    response = client.post(reverse("assessments:register_add"), entry_data(newcomer))
    assert response.status_code == 403
    edit = reverse("assessments:register_edit", args=[cast.asesor.assessor.pk])
    assert client.get(edit).status_code == 403
    assert not Assessor.objects.filter(user=newcomer).exists()


def test_the_register_queries_do_not_grow_with_the_rows(client, cast):
    client.force_login(cast.rayon_admin)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("assessments:register"))
    rayon = Rayon.objects.get(code="900")
    for n in range(5):
        user = UserFactory(role=User.Role.ASSESSOR, rayon=rayon)
        entry = Assessor.objects.create(
            user=user, rayon=rayon, number=f"X-{n}", degree="S2", institution="U"
        )
        entry.subjects.add(SubjectFactory())
        entry.home_school = SchoolFactory()
        entry.save()
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("assessments:register"))
    assert len(many) == len(few)


def test_the_rayon_admin_adds_an_assessor(client, cast, newcomer):
    client.force_login(cast.rayon_admin)
    school = SchoolFactory()
    response = client.post(
        reverse("assessments:register_add"),
        entry_data(newcomer, home_school_npsn=school.npsn, max_load="12"),
    )
    assert response.status_code == 302
    entry = Assessor.objects.get(user=newcomer)
    assert (entry.rayon.code, entry.number, entry.degree, entry.max_load) == (
        "900",
        "07-001",
        "S3",
        12,
    )
    assert entry.home_school == school
    assert list(entry.subjects.values_list("code", flat=True)) == ["180"]


def test_an_unknown_school_and_a_taken_number_are_named(client, cast, newcomer):
    client.force_login(cast.rayon_admin)
    response = client.post(
        reverse("assessments:register_add"),
        entry_data(newcomer, number=cast.asesor.assessor.number, home_school_npsn="99999999"),
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "99999999" in errors["home_school_npsn"][0]
    assert errors["number"]
    assert not Assessor.objects.filter(user=newcomer).exists()


def test_an_account_of_another_rayon_cannot_be_registered(client, cast):
    stranger = UserFactory(role=User.Role.ASSESSOR, rayon=cast.rayon_other.rayon)
    client.force_login(cast.rayon_admin)
    response = client.post(reverse("assessments:register_add"), entry_data(stranger))
    assert response.status_code == 200
    assert response.context["form"].errors["user"]


def test_the_rayon_admin_edits_an_entry(client, cast):
    entry = cast.asesor.assessor
    entry.home_school = SchoolFactory()
    entry.save()
    client.force_login(cast.rayon_admin)
    url = reverse("assessments:register_edit", args=[entry.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert f'value="{entry.home_school.npsn}"' in body(response)
    response = client.post(url, entry_data(cast.asesor, number=entry.number, active=""))
    assert response.status_code == 302
    entry.refresh_from_db()
    assert not entry.active and entry.degree == "S3"


def test_another_rayon_cannot_edit_our_entry(client, cast):
    client.force_login(cast.rayon_other)
    url = reverse("assessments:register_edit", args=[cast.asesor.assessor.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, entry_data(cast.asesor)).status_code == 404


# -- declared relationships ------------------------------------------------------------------


def number_of(case: Any) -> str:
    case.participant_number = "07123456789012"
    case.save(update_fields=["participant_number"])
    return str(case.participant_number)


def test_the_rayon_admin_records_a_relationship(client, cast):
    number = number_of(cast.sri_case)
    url = reverse("assessments:register_relations", args=[cast.asesor.assessor.pk])
    client.force_login(cast.rayon_admin)
    response = client.post(url, {"participant_number": number, "relation": "kakak"})
    assert response.status_code == 302
    relation = DeclaredRelation.objects.get()
    assert (relation.assessor.user, relation.teacher) == (cast.asesor, cast.sri_case.teacher)
    assert cast.sri_case.teacher.name in body(client.get(url))


def test_another_rayon_cannot_see_or_record_our_relationships(client, cast):
    number = number_of(cast.sri_case)
    url = reverse("assessments:register_relations", args=[cast.asesor.assessor.pk])
    client.force_login(cast.rayon_other)
    assert client.get(url).status_code == 404
    response = client.post(url, {"participant_number": number, "relation": "kakak"})
    assert response.status_code == 404
    assert not DeclaredRelation.objects.exists()


def test_an_assessor_declares_their_own_relationship(client, cast):
    number = number_of(cast.budi_case)
    client.force_login(cast.asesor2)
    url = reverse("assessments:my_relations")
    assert client.get(url).status_code == 200
    response = client.post(url, {"participant_number": number, "relation": "teman sekantor"})
    assert response.status_code == 302
    assert DeclaredRelation.objects.get().assessor.user == cast.asesor2


def test_an_unknown_participant_number_is_named_and_nothing_is_saved(client, cast):
    client.force_login(cast.asesor)
    response = client.post(
        reverse("assessments:my_relations"),
        {"participant_number": "00000000000000", "relation": "x"},
    )
    assert response.status_code == 200
    assert "00000000000000" in response.context["form"].errors["participant_number"][0]
    assert not DeclaredRelation.objects.exists()


def test_a_second_declaration_is_refused(client, cast):
    number = number_of(cast.sri_case)
    client.force_login(cast.asesor)
    url = reverse("assessments:my_relations")
    client.post(url, {"participant_number": number, "relation": "adik"})
    response = client.post(url, {"participant_number": number, "relation": "adik"})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert DeclaredRelation.objects.count() == 1


@pytest.mark.parametrize("who", ["sri", "rayon_admin", "dinas"])
def test_only_assessors_have_their_own_relationship_page(client, cast, who):
    client.force_login(getattr(cast, who))
    assert client.get(reverse("assessments:my_relations")).status_code == 403


def test_an_account_with_the_role_but_no_register_entry_is_refused(client, cast, newcomer):
    client.force_login(newcomer)
    assert client.get(reverse("assessments:my_relations")).status_code == 403
