from __future__ import annotations

import pytest
from django.urls import reverse

from sergur.cases.models import Case, CaseEvent
from sergur.cases.services import case_open, case_transition
from sergur.registry.tests.admin_support import change_url, changelist_url, queries
from sergur.registry.tests.factories import TeacherFactory


def test_the_operator_opens_the_case_list_and_a_case_with_its_log(client, cast):
    client.force_login(cast.operator)
    case_transition(
        case=cast.sri_case,
        to_state=Case.State.SUBMITTED,
        actor=cast.sri,
        kind=CaseEvent.Kind.SUBMITTED,
        reason="submitted for the test",
    )

    listing = client.get(changelist_url(Case))
    page = client.get(change_url(cast.sri_case))

    assert listing.status_code == 200
    assert page.status_code == 200
    log = page.context["inline_admin_formsets"][0]
    assert log.formset.queryset.count() == 2
    assert "submitted for the test" in page.content.decode()


@pytest.mark.parametrize("who", ["sri", "pak_kepala", "dinas", "asesor", None])
def test_anyone_but_staff_is_sent_to_the_admin_login(client, cast, who):
    if who is not None:
        client.force_login(getattr(cast, who))

    for url in (changelist_url(Case), change_url(cast.sri_case)):
        response = client.get(url)
        assert response.status_code in (302, 403)
        if response.status_code == 302:
            assert "/admin/login/" in response["Location"]


def test_the_case_page_is_read_only_and_a_post_changes_nothing(client, cast):
    client.force_login(cast.operator)
    case = cast.sri_case

    page = client.get(change_url(case))
    response = client.post(change_url(case), {"state": Case.State.SUBMITTED})

    assert not page.context["has_change_permission"]
    assert 'name="state"' not in page.content.decode()
    assert response.status_code == 403
    case.refresh_from_db()
    assert case.state == Case.State.DRAFT
    assert case.events.count() == 1


def test_cases_cannot_be_added_or_deleted_in_the_admin(client, cast):
    client.force_login(cast.operator)
    case = cast.sri_case

    assert client.get(changelist_url(Case) + "add/").status_code == 403
    assert (
        client.post(reverse("admin:cases_case_delete", args=[case.pk]), {"post": "yes"}).status_code
        == 403
    )
    assert Case.objects.filter(pk=case.pk).exists()


def test_cases_are_found_by_participant_number_and_teacher(client, cast):
    client.force_login(cast.operator)
    Case.objects.filter(pk=cast.sri_case.pk).update(participant_number="07340218010001")

    by_number = client.get(changelist_url(Case), {"q": "07340218010001"})
    by_nuptk = client.get(changelist_url(Case), {"q": cast.budi_case.teacher.nuptk})

    assert list(by_number.context["cl"].result_list) == [cast.sri_case]
    assert list(by_nuptk.context["cl"].result_list) == [cast.budi_case]


def test_a_longer_case_list_takes_no_more_queries(client, cast):
    client.force_login(cast.operator)
    before = queries(client, changelist_url(Case))
    for _ in range(5):
        case_open(
            teacher=TeacherFactory.create(), programme_year=cast.sri_case.programme_year, actor=None
        )

    assert queries(client, changelist_url(Case)) == before
