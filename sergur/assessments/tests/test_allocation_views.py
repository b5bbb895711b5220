"""The rayon's assessment home, the allocation action and the reassignment page: who may open
them, what they show, and that their queries do not grow with the rows."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sergur.assessments.models import Allocation
from sergur.assessments.tests.support import allocate, at_rayon
from sergur.assessments.tests.test_allocation_services import extra_case
from sergur.cases.models import Case, CaseEvent

HOME = "assessments:rayon"
OUTSIDERS = ["asesor", "sri", "dinas", "lpmp", "pak_kepala"]


@pytest.fixture
def received(cast: Any) -> Any:
    at_rayon(cast.sri_case)
    at_rayon(cast.budi_case)
    return cast


def body(response: Any) -> str:
    return str(response.content.decode())


def test_the_rayon_admin_sees_counts_and_waiting_portfolios(client, received):
    client.force_login(received.rayon_admin)
    response = client.get(reverse(HOME))
    assert response.status_code == 200
    page = body(response)
    assert received.sri_case.teacher.name in page
    assert reverse("assessments:allocate") in page


def test_another_rayon_sees_no_portfolio(client, received):
    client.force_login(received.rayon_other)
    response = client.get(reverse(HOME))
    assert response.status_code == 200
    assert received.sri_case.teacher.name not in body(response)


@pytest.mark.parametrize("who", OUTSIDERS)
def test_other_roles_may_not_open_the_rayon_pages(client, received, who):
    client.force_login(getattr(received, who))
    assert client.get(reverse(HOME)).status_code == 403
    assert client.post(reverse("assessments:allocate"), {"year": 2007}).status_code == 403
    assert not Allocation.objects.exists()


def test_anonymous_visitors_are_sent_to_sign_in(client, received):
    response = client.get(reverse(HOME))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_an_unknown_programme_year_is_not_found(client, received):
    client.force_login(received.rayon_admin)
    assert client.get(reverse(HOME), {"year": 1999}).status_code == 404


@pytest.mark.parametrize("year", ["²", "2007x", "-1", ""])
def test_a_year_that_is_no_number_is_not_an_error(client, received, year):
    client.force_login(received.rayon_admin)
    assert client.get(reverse(HOME), {"year": year}).status_code in {200, 404}


def test_allocating_places_the_portfolios_and_says_so(client, received):
    client.force_login(received.rayon_admin)
    response = client.post(reverse("assessments:allocate"), {"year": 2007}, follow=True)
    assert response.status_code == 200
    assert Case.objects.filter(state=Case.State.IN_ASSESSMENT).count() == 2
    page = body(response)
    assert 'class="message-success"' in page
    assert received.asesor.assessor.number in page
    assert 'class="message-warning"' not in page


def test_allocating_names_the_unplaced_portfolios(client, received):
    from sergur.assessments.models import Assessor

    Assessor.objects.update(max_load=1)
    client.force_login(received.rayon_admin)
    response = client.post(reverse("assessments:allocate"), {"year": 2007}, follow=True)
    unplaced = Case.objects.get(state=Case.State.RECEIVED)
    assert unplaced.teacher.name in body(response)
    assert 'class="message-warning"' in body(response)


def test_another_rayon_allocates_nothing_of_ours(client, received):
    client.force_login(received.rayon_other)
    client.post(reverse("assessments:allocate"), {"year": 2007})
    assert not Allocation.objects.exists()


def test_the_home_queries_do_not_grow_with_the_rows(
    client, received, django_assert_max_num_queries
):
    client.force_login(received.rayon_admin)
    allocate(received.sri_case, received.asesor, received.asesor2)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse(HOME))
    for _ in range(3):
        case = extra_case(received)
        allocate(case, received.asesor, received.asesor3)
        extra_case(received)
    with CaptureQueriesContext(connection) as many:
        client.get(reverse(HOME))
    assert len(many) == len(few)


# -- reassignment --------------------------------------------------------------------------


@pytest.fixture
def allocated(received: Any) -> Any:
    allocate(received.sri_case, received.asesor, received.asesor2)
    return received


def reassign_url(cast: Any, slot: int = 1) -> str:
    allocation = Allocation.objects.get(case=cast.sri_case, slot=slot, active=True)
    return reverse("assessments:reassign", args=[allocation.pk])


def test_the_reassign_page_offers_only_the_free_assessors(client, allocated):
    client.force_login(allocated.rayon_admin)
    response = client.get(reassign_url(allocated))
    assert response.status_code == 200
    choices = [str(a) for a in response.context["form"].fields["assessor"].queryset]
    assert choices == [str(allocated.asesor3.assessor)]


def test_reassigning_with_a_reason_replaces_the_assessor(client, allocated):
    client.force_login(allocated.rayon_admin)
    url = reassign_url(allocated)
    response = client.post(
        url, {"assessor": allocated.asesor3.assessor.pk, "reason": "Berhalangan"}
    )
    assert response.status_code == 302
    current = Allocation.objects.get(case=allocated.sri_case, slot=1, active=True)
    assert current.assessor.user == allocated.asesor3
    assert CaseEvent.objects.filter(kind=CaseEvent.Kind.REASSIGNED).count() == 1


def test_reassigning_without_a_reason_shows_the_form_again(client, allocated):
    client.force_login(allocated.rayon_admin)
    response = client.post(reassign_url(allocated), {"assessor": allocated.asesor3.assessor.pk})
    assert response.status_code == 200
    assert response.context["form"].errors["reason"]
    assert Allocation.objects.get(case=allocated.sri_case, slot=1, active=True).assessor.user == (
        allocated.asesor
    )


def test_a_refused_reassignment_says_why(client, allocated):
    from django.utils import timezone

    from sergur.assessments.models import Sheet

    Sheet.objects.filter(allocation__slot=1).update(submitted_at=timezone.now())
    client.force_login(allocated.rayon_admin)
    response = client.post(
        reassign_url(allocated), {"assessor": allocated.asesor3.assessor.pk, "reason": "x"}
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()


@pytest.mark.parametrize("who", ["rayon_other", "asesor", "sri", "dinas"])
def test_others_may_not_reassign(client, allocated, who):
    client.force_login(getattr(allocated, who))
    url = reassign_url(allocated)
    expected = 404 if who == "rayon_other" else 403
    assert client.get(url).status_code == expected
    response = client.post(url, {"assessor": allocated.asesor3.assessor.pk, "reason": "x"})
    assert response.status_code == expected
    assert not CaseEvent.objects.filter(kind=CaseEvent.Kind.REASSIGNED).exists()


def test_only_the_first_unplaced_are_named_and_the_rest_counted(client, received, monkeypatch):
    from sergur.assessments.models import Assessor
    from sergur.assessments.views import allocation as views

    monkeypatch.setattr(views, "UNPLACED_SHOWN", 1)
    Assessor.objects.update(max_load=0)
    client.force_login(received.rayon_admin)
    response = client.post(reverse("assessments:allocate"), {"year": 2007}, follow=True)
    assert body(response).count('class="message-warning"') == 2


def test_a_case_in_assessment_without_assessors_still_shows(client, received):
    from sergur.cases.tests.support import state_set

    state_set(
        case=received.budi_case,
        to_state=Case.State.IN_ASSESSMENT,
        actor=None,
        kind=CaseEvent.Kind.ALLOCATED,
    )
    client.force_login(received.rayon_admin)
    response = client.get(reverse(HOME))
    assert response.status_code == 200
    assert [(r.case, r.allocations) for r in response.context["rows"]] == [(received.budi_case, [])]


# -- third assessor by hand ----------------------------------------------------------------


@pytest.fixture
def waiting_third(allocated: Any) -> Any:
    from sergur.assessments.models import Reconciliation
    from sergur.cases.services import case_transition

    case_transition(
        case=allocated.sri_case,
        to_state=Case.State.RECONCILIATION,
        actor=None,
        kind=CaseEvent.Kind.RECONCILIATION,
    )
    Reconciliation.objects.create(case=allocated.sri_case, round=1, mode="third")
    return allocated


def third_url(cast: Any) -> str:
    return reverse("assessments:assign_third", args=[cast.sri_case.pk])


def test_the_home_offers_a_third_assessor_where_one_is_missing(client, waiting_third):
    client.force_login(waiting_third.rayon_admin)
    response = client.get(reverse(HOME))
    assert third_url(waiting_third) in body(response)


def test_the_rayon_admin_allocates_a_third_assessor(client, waiting_third):
    client.force_login(waiting_third.rayon_admin)
    response = client.get(third_url(waiting_third))
    assert response.status_code == 200
    choices = list(response.context["form"].fields["assessor"].queryset)
    assert choices == [waiting_third.asesor3.assessor]
    response = client.post(
        third_url(waiting_third), {"assessor": choices[0].pk, "reason": "Tidak ada yang bebas"}
    )
    assert response.status_code == 302
    third = Allocation.objects.get(case=waiting_third.sri_case, slot=3, active=True)
    assert third.assessor.user == waiting_third.asesor3 and third.reason
    event = CaseEvent.objects.filter(case=waiting_third.sri_case).last()
    assert event is not None and event.data == {"round": 1, "slot": 3} and event.reason == ""
    # Served: the page is gone.
    assert client.get(third_url(waiting_third)).status_code == 404
    assert third_url(waiting_third) not in body(client.get(reverse(HOME)))


def test_a_third_assessor_is_not_offered_without_a_third_mode_reconciliation(client, allocated):
    client.force_login(allocated.rayon_admin)
    assert client.get(third_url(allocated)).status_code == 404


@pytest.mark.parametrize("who", ["rayon_other", "asesor", "sri"])
def test_others_may_not_allocate_a_third_assessor(client, waiting_third, who):
    client.force_login(getattr(waiting_third, who))
    expected = 404 if who == "rayon_other" else 403
    assert client.get(third_url(waiting_third)).status_code == expected
    response = client.post(
        third_url(waiting_third), {"assessor": waiting_third.asesor3.assessor.pk, "reason": "x"}
    )
    assert response.status_code == expected
    assert not Allocation.objects.filter(slot=3).exists()


def test_a_refused_third_assessor_says_why(client, waiting_third):
    from sergur.assessments.models import Assessor

    school = waiting_third.sri_case.teacher.assignments.get().school
    Assessor.objects.filter(user=waiting_third.asesor3).update(home_school=school)
    client.force_login(waiting_third.rayon_admin)
    response = client.post(
        third_url(waiting_third), {"assessor": waiting_third.asesor3.assessor.pk, "reason": "x"}
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert not Allocation.objects.filter(slot=3).exists()
