"""Transfer pages: who sees a transfer (the two districts, the province once disputed, nobody
else), who takes which step, the NUPTK only by POST, bad input answered with a message."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from sergur.accounts.models import User
from sergur.conftest import Cast
from sergur.registry.models import School
from sergur.transfers.models import Transfer
from sergur.transfers.services import transfer_answer, transfer_escalate, transfer_request
from sergur.transfers.tests.conftest import Outsiders

pytestmark = pytest.mark.django_db
LIST = reverse("transfers:list")


def as_user(client: Client, user: User) -> Client:
    client.force_login(user)
    return client


def who(cast: Cast, outsiders: Outsiders, name: str) -> User:
    user: User = getattr(outsiders, name) if hasattr(outsiders, name) else getattr(cast, name)
    return user


@pytest.fixture
def transfer(cast: Cast, sleman_school: School) -> Transfer:
    return transfer_request(
        actor=cast.dinas_other,
        nuptk=cast.sri_case.teacher.nuptk,
        school=sleman_school,
        reason="Ikut suami",
        now=timezone.now(),
    )


def disputed(cast: Cast, transfer: Transfer) -> Transfer:
    now = timezone.now()
    transfer = transfer_answer(
        transfer=transfer, actor=cast.dinas, approve=False, reason="Tidak", now=now
    )
    return transfer_escalate(transfer=transfer, actor=cast.dinas_other, reason="Banding", now=now)


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("dinas", 200),
        ("dinas_other", 200),
        ("lpmp", 200),
        ("operator", 200),
        ("sri", 403),
        ("pak_kepala", 403),
        ("rayon_admin", 403),
        ("asesor", 403),
    ],
)
def test_the_list_is_for_district_officers_and_the_province(
    client: Client, cast: Cast, name: str, status: int
) -> None:
    response = as_user(client, getattr(cast, name)).get(LIST)
    assert response.status_code == status
    if name in ("dinas", "lpmp"):  # listed in their menu
        assert f'href="{LIST}"' in response.content.decode()


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("dinas", 200),
        ("dinas_other", 200),
        ("third", 404),
        ("lpmp", 404),
        ("lpmp_other", 404),
        ("sri", 404),
        ("rayon_admin", 404),
        ("operator", 200),
    ],
)
def test_a_transfer_is_seen_by_its_two_districts_only(
    client: Client, cast: Cast, outsiders: Outsiders, transfer: Transfer, name: str, status: int
) -> None:
    url = reverse("transfers:detail", args=[transfer.pk])
    assert as_user(client, who(cast, outsiders, name)).get(url).status_code == status


@pytest.mark.parametrize(
    ("name", "status"),
    [("lpmp", 200), ("lpmp_other", 404), ("third", 404), ("dinas", 200), ("dinas_other", 200)],
)
def test_a_disputed_transfer_is_seen_by_the_province_of_origin(
    client: Client, cast: Cast, outsiders: Outsiders, transfer: Transfer, name: str, status: int
) -> None:
    disputed(cast, transfer)
    url = reverse("transfers:detail", args=[transfer.pk])
    assert as_user(client, who(cast, outsiders, name)).get(url).status_code == status
    if name == "lpmp":
        assert as_user(client, cast.lpmp).get(LIST).content.decode().count(url) == 1


def test_a_request_by_post_leads_to_the_transfer_without_the_nuptk_in_any_url(
    client: Client, cast: Cast, sleman_school: School
) -> None:
    nuptk = cast.sri_case.teacher.nuptk
    response = as_user(client, cast.dinas_other).post(
        reverse("transfers:request"),
        {"nuptk": nuptk, "school": sleman_school.pk, "reason": "Ikut suami"},
    )
    assert response.status_code == 302 and nuptk not in response["Location"]
    transfer = Transfer.objects.get()
    page = client.get(response["Location"]).content.decode()
    assert nuptk in page and cast.sri_case.teacher.name not in page  # not theirs yet
    origin = as_user(client, cast.dinas).get(response["Location"]).content.decode()
    assert cast.sri_case.teacher.name in origin
    assert transfer.destination == cast.dinas_other.district
    assert client.get(reverse("transfers:request")).status_code == 405


@pytest.mark.parametrize(
    "data",
    [
        {"nuptk": "12ab", "school": "", "reason": ""},
        {"nuptk": "9999999999999999", "reason": "x"},
        {"nuptk": "9" * 16, "school": "999999", "reason": "x"},
        {"nuptk": "\x00" * 16, "school": "x", "reason": "\x00"},
    ],
)
def test_bad_requests_answer_with_the_form_and_its_messages(
    client: Client, cast: Cast, sleman_school: School, data: dict[str, str]
) -> None:
    response = as_user(client, cast.dinas_other).post(reverse("transfers:request"), data)
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    assert not Transfer.objects.exists()


def test_an_unknown_nuptk_says_so(client: Client, cast: Cast, sleman_school: School) -> None:
    response = as_user(client, cast.dinas_other).post(
        reverse("transfers:request"),
        {"nuptk": "9" * 16, "school": sleman_school.pk, "reason": "x"},
        HTTP_ACCEPT_LANGUAGE="id",
    )
    assert response.status_code == 400
    assert "Tidak ada guru dengan NUPTK ini" in response.content.decode()


@pytest.mark.parametrize("name", ["lpmp", "third", "sri", "rayon_admin"])
def test_only_officers_of_a_district_with_schools_may_request(
    client: Client, cast: Cast, outsiders: Outsiders, sleman_school: School, name: str
) -> None:
    response = as_user(client, who(cast, outsiders, name)).post(
        reverse("transfers:request"),
        {"nuptk": cast.sri_case.teacher.nuptk, "school": sleman_school.pk, "reason": "x"},
    )
    assert response.status_code == 403
    assert not Transfer.objects.exists()


def test_the_origin_approves_on_the_page_and_the_teacher_moves(
    client: Client, cast: Cast, transfer: Transfer, sleman_school: School
) -> None:
    url = reverse("transfers:answer", args=[transfer.pk])
    assert (
        as_user(client, cast.dinas_other).post(url, {"approve": "1", "reason": "x"}).status_code
        == 403
    )
    assert as_user(client, cast.lpmp).post(url, {"approve": "1", "reason": "x"}).status_code == 404
    bad = as_user(client, cast.dinas).post(url, {"approve": "maybe", "reason": ""})
    assert bad.status_code == 302
    transfer.refresh_from_db()
    assert transfer.state == "requested"

    response = client.post(url, {"approve": "1", "reason": "Setuju"})

    assert response.status_code == 302
    transfer.refresh_from_db()
    assert transfer.state == "approved"
    assert cast.sri_case.teacher.assignments.get(is_main=True).school == sleman_school


def test_dispute_and_decision_on_the_pages(
    client: Client, cast: Cast, outsiders: Outsiders, transfer: Transfer
) -> None:
    transfer_answer(
        transfer=transfer, actor=cast.dinas, approve=False, reason="Tidak", now=timezone.now()
    )
    escalate = reverse("transfers:escalate", args=[transfer.pk])
    assert as_user(client, cast.dinas).post(escalate, {"reason": "x"}).status_code == 403
    assert as_user(client, outsiders.third).post(escalate, {"reason": "x"}).status_code == 404
    assert (
        as_user(client, cast.dinas_other).post(escalate, {"reason": "Banding"}).status_code == 302
    )
    answer = reverse("transfers:answer", args=[transfer.pk])
    assert (
        as_user(client, outsiders.lpmp_other)
        .post(answer, {"approve": "0", "reason": "x"})
        .status_code
        == 404
    )
    assert (
        as_user(client, cast.lpmp).post(answer, {"approve": "0", "reason": "Tetap"}).status_code
        == 302
    )
    transfer.refresh_from_db()
    assert transfer.state == "rejected"
