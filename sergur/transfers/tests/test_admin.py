"""The operator's read-only screen of transfers: it opens, it never writes, and its list takes
the same number of queries however many transfers there are."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import timezone

from sergur.conftest import Cast
from sergur.registry.models import School
from sergur.registry.tests.admin_support import admin_models, change_url, changelist_url, queries
from sergur.registry.tests.factories import TeacherFactory, TeachingAssignmentFactory
from sergur.transfers.models import Transfer
from sergur.transfers.services import transfer_request

pytestmark = pytest.mark.django_db


def requested(cast: Cast, school: School) -> Transfer:
    teacher = TeacherFactory()
    TeachingAssignmentFactory(teacher=teacher, school=cast.sri_case.teacher.schools.get())
    return transfer_request(
        actor=cast.dinas_other, nuptk=teacher.nuptk, school=school, reason="x", now=timezone.now()
    )


def test_the_operator_reads_and_cannot_change(
    client: Client, cast: Cast, sleman_school: School
) -> None:
    assert admin_models("transfers") == [Transfer]
    transfer = requested(cast, sleman_school)
    client.force_login(cast.operator)
    one = queries(client, changelist_url(Transfer))
    requested(cast, sleman_school)
    requested(cast, sleman_school)
    assert queries(client, changelist_url(Transfer)) == one
    page = client.get(change_url(transfer))
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    assert client.post(change_url(transfer), {}).status_code == 403


@pytest.mark.parametrize("who", ["dinas", "lpmp", "sri"])
def test_anyone_but_staff_is_sent_to_the_admin_login(client: Client, cast: Cast, who: str) -> None:
    client.force_login(getattr(cast, who))
    response = client.get(changelist_url(Transfer))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
