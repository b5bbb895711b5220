"""The assessor's worklist: their active allocations only, each with its sheet's status and
the case state, never another assessor; paginated in a fixed number of queries."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sergur.assessments.models import Allocation, Sheet
from sergur.assessments.selectors.sheets import WORKLIST_PER_PAGE
from sergur.assessments.tests.support import allocate, at_rayon, submit_complete, submit_sheet
from sergur.assessments.views.sheets import STATUS_NAMES
from sergur.cases.models import Case
from sergur.cases.services import case_open
from sergur.conftest import PASSWORD
from sergur.registry.tests.factories import TeacherFactory, TeachingAssignmentFactory

WORKLIST = "assessments:worklist"


def login(client: Client, user: Any) -> Client:
    assert client.login(username=user.username, password=PASSWORD)
    return client


@pytest.fixture
def sheets(cast: Any) -> list[Sheet]:
    case = at_rayon(submit_complete(cast.sri_case, cast))
    Case.objects.filter(pk=case.pk).update(participant_number="07-1-0001")
    return allocate(case, cast.asesor, cast.asesor2)


def test_the_worklist_shows_the_assessors_own_allocations(
    client: Client, cast: Any, sheets: list[Sheet]
) -> None:
    cast.asesor2.first_name = "Kusumawati"
    cast.asesor2.save(update_fields=["first_name"])
    content = login(client, cast.asesor).get(reverse(WORKLIST)).content.decode()

    assert "07-1-0001" in content
    assert cast.sri_case.teacher.subject.name in content
    assert reverse("assessments:sheet", args=[sheets[0].allocation_id]) in content
    assert reverse("assessments:sheet", args=[sheets[1].allocation_id]) not in content
    assert str(STATUS_NAMES["not_started"]) in content
    assert "Kusumawati" not in content and "A-asesor2" not in content
    assert str(Allocation.Slot.SECOND.label) not in content


def test_statuses_follow_the_sheet(client: Client, cast: Any, sheets: list[Sheet]) -> None:
    login(client, cast.asesor)
    sheets[0].notes = "started"
    sheets[0].save(update_fields=["notes"])
    assert str(STATUS_NAMES["draft"]) in client.get(reverse(WORKLIST)).content.decode()
    submit_sheet(sheets[0])
    assert str(STATUS_NAMES["submitted"]) in client.get(reverse(WORKLIST)).content.decode()


def test_the_other_assessors_submission_does_not_show(
    client: Client, cast: Any, sheets: list[Sheet]
) -> None:
    login(client, cast.asesor)
    before = client.get(reverse(WORKLIST)).content.decode()
    submit_sheet(sheets[1])
    after = client.get(reverse(WORKLIST)).content.decode()
    token = 'name="csrfmiddlewaretoken" value="'  # nosec B105 # HTML searched for, no secret
    strip = [page.split(token)[0] + page.split(token)[1][64:] for page in (before, after)]
    assert strip[0] == strip[1]


def test_unallocated_and_inactive_allocations_are_not_listed(
    client: Client, cast: Any, sheets: list[Sheet]
) -> None:
    content = login(client, cast.asesor3).get(reverse(WORKLIST)).content.decode()
    assert reverse("assessments:sheet", args=[sheets[0].allocation_id]) not in content
    Allocation.objects.filter(pk=sheets[0].allocation_id).update(active=False)
    login(client, cast.asesor)
    content = client.get(reverse(WORKLIST)).content.decode()
    assert reverse("assessments:sheet", args=[sheets[0].allocation_id]) not in content


@pytest.mark.parametrize("who", ["sri", "pak_kepala", "dinas", "rayon_admin", "rayon_other"])
def test_only_assessors_have_a_worklist(client: Client, cast: Any, who: str) -> None:
    assert login(client, getattr(cast, who)).get(reverse(WORKLIST)).status_code == 404


def _more_cases(cast: Any, count: int) -> None:
    school = cast.sri_case.teacher.assignments.get().school
    for _ in range(count):
        teacher = TeacherFactory(subject=cast.sri_case.teacher.subject)
        TeachingAssignmentFactory(teacher=teacher, school=school)
        case = case_open(teacher=teacher, programme_year=cast.sri_case.programme_year, actor=None)
        allocation = Allocation.objects.create(case=case, assessor=cast.asesor.assessor, slot=1)
        Sheet.objects.create(allocation=allocation)


def _queries(client: Client, target: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(target).status_code == 200
    return len(captured)


def test_the_worklist_is_paginated_in_a_fixed_number_of_queries(client: Client, cast: Any) -> None:
    login(client, cast.asesor)
    _more_cases(cast, 2)
    few = _queries(client, reverse(WORKLIST))
    _more_cases(cast, WORKLIST_PER_PAGE + 3)
    many = _queries(client, reverse(WORKLIST))
    assert few == many
    second = client.get(reverse(WORKLIST), {"page": 2}).content.decode()
    assert second.count('href="/assessments/sheets/') == 5
