"""The rayon's decisions page, publication (selected, all), the PLPG list and the district's
results: who may open them, what they list, CSV, and bounded queries."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from sergur.assessments.models import Result
from sergur.assessments.services.decisions import result_publish
from sergur.assessments.tests.decisions_support import decided, extra_case
from sergur.assessments.views.decisions import NOTHING_CHOSEN
from sergur.assessments.views.decisions.publication import COUNT_CHANGED
from sergur.cases.models import Case
from sergur.cases.tests.support import state_set

DECISIONS = reverse("assessments:decisions")
PUBLISH = reverse("assessments:publish")
PLPG = reverse("assessments:plpg")
DISTRICT = reverse("assessments:district_results")


def page(client: Client, user: Any, url: str, **params: str) -> Any:
    client.force_login(user)
    return client.get(url, params)


def csv_rows(response: Any) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(body)))


@pytest.mark.parametrize("who", ["sri", "asesor", "dinas", "lpmp", "pak_kepala"])
@pytest.mark.parametrize("url", [DECISIONS, PLPG])
def test_only_rayon_admins_open_the_rayon_pages(
    client: Client, cast: Any, who: str, url: str
) -> None:
    assert page(client, getattr(cast, who), url).status_code == 403


def test_anonymous_users_are_sent_to_sign_in(client: Client, cast: Any) -> None:
    response = client.get(DECISIONS)
    assert response.status_code == 302 and "login" in response["Location"]


def test_the_page_lists_each_stage(client: Client, cast: Any) -> None:
    state_set(
        case=cast.budi_case, to_state=Case.State.RECONCILIATION, actor=None, kind="reconciliation"
    )
    decided(cast.sri_case, "MS", total="830")

    response = page(client, cast.rayon_admin, DECISIONS)

    body = response.content.decode()
    assert response.status_code == 200
    assert reverse("assessments:reconcile", args=[cast.budi_case.pk]) in body
    assert "Melengkapi Substansi" in body and "830" in body


def test_another_rayon_sees_nothing_of_ours(client: Client, cast: Any) -> None:
    decided(cast.sri_case, "L")

    response = page(client, cast.rayon_other, DECISIONS)

    assert response.status_code == 200
    assert cast.sri_case.teacher.name not in response.content.decode()


def test_publish_selected(client: Client, cast: Any) -> None:
    chosen = decided(cast.sri_case, "L")
    left = decided(cast.budi_case, "MPLPG")
    client.force_login(cast.rayon_admin)

    response = client.post(PUBLISH, {"result": [chosen.pk]})

    assert response.status_code == 302
    assert Result.objects.get(pk=chosen.pk).published_by == cast.rayon_admin
    assert Result.objects.get(pk=left.pk).published_at is None
    assert Case.objects.get(pk=cast.sri_case.pk).state == Case.State.PUBLISHED


def test_publish_all_first_asks_how_many_and_publishes_nothing(client: Client, cast: Any) -> None:
    decided(cast.sri_case, "K")
    decided(cast.budi_case, "MA")
    client.force_login(cast.rayon_admin)

    response = client.post(PUBLISH, {"all": "on"}, HTTP_ACCEPT_LANGUAGE="en")

    body = response.content.decode()
    assert response.status_code == 200
    assert "Publish all 2 decisions now?" in body
    assert 'name="confirm" value="2"' in body
    assert (
        '<span class="decision-code">MA</span>' in body
        and '<span class="decision-code">K</span>' in body
    )
    assert not Result.objects.filter(published_at__isnull=False).exists()


def test_publish_all_once_confirmed(client: Client, cast: Any) -> None:
    decided(cast.sri_case, "K")
    decided(cast.budi_case, "MA")
    client.force_login(cast.rayon_admin)

    response = client.post(PUBLISH, {"all": "on", "confirm": "2"}, follow=True)

    assert [str(m) for m in response.context["messages"]] == ["2 keputusan diumumkan."]
    assert not Result.objects.filter(published_at__isnull=True).exists()
    states = set(Case.objects.values_list("state", flat=True))
    assert {Case.State.CLARIFICATION, Case.State.REOPENED} <= states


def test_a_confirmation_for_another_number_asks_again(client: Client, cast: Any) -> None:
    decided(cast.sri_case, "L")
    decided(cast.budi_case, "L")
    client.force_login(cast.rayon_admin)

    response = client.post(PUBLISH, {"all": "on", "confirm": "1"})

    assert response.status_code == 200
    assert str(COUNT_CHANGED) in response.content.decode()
    assert 'name="confirm" value="2"' in response.content.decode()
    assert not Result.objects.filter(published_at__isnull=False).exists()


def test_a_broken_confirmation_says_what_is_wrong(client: Client, cast: Any) -> None:
    decided(cast.sri_case, "L")
    client.force_login(cast.rayon_admin)

    response = client.post(PUBLISH, {"all": "on", "confirm": "x"}, follow=True)

    [message] = [str(m) for m in response.context["messages"]]
    assert message.strip()
    assert not Result.objects.filter(published_at__isnull=False).exists()


def test_one_published_decision_is_said_in_the_singular(client: Client, cast: Any) -> None:
    chosen = decided(cast.sri_case, "L")
    client.force_login(cast.rayon_admin)

    response = client.post(PUBLISH, {"result": [chosen.pk]}, follow=True, HTTP_ACCEPT_LANGUAGE="en")

    assert [str(m) for m in response.context["messages"]] == ["1 decision published."]


def test_publishing_nothing_says_so(client: Client, cast: Any) -> None:
    decided(cast.sri_case, "L")
    client.force_login(cast.rayon_admin)

    response = client.post(PUBLISH, {}, follow=True)

    assert [str(m) for m in response.context["messages"]] == [str(NOTHING_CHOSEN)]
    assert not Result.objects.filter(published_at__isnull=False).exists()


def test_another_rayon_cannot_publish_ours(client: Client, cast: Any) -> None:
    result = decided(cast.sri_case, "L")
    client.force_login(cast.rayon_other)

    client.post(PUBLISH, {"result": [result.pk]})
    client.post(PUBLISH, {"all": "on", "confirm": "1"})

    assert Result.objects.get(pk=result.pk).published_at is None


@pytest.mark.parametrize("who", ["sri", "dinas", "asesor"])
def test_other_roles_cannot_publish(client: Client, cast: Any, who: str) -> None:
    result = decided(cast.sri_case, "L")
    client.force_login(getattr(cast, who))

    assert client.post(PUBLISH, {"all": "on"}).status_code == 403
    assert Result.objects.get(pk=result.pk).published_at is None


def test_the_decisions_page_queries_do_not_grow(
    client: Client, cast: Any, django_assert_max_num_queries: Any
) -> None:
    def add(count: int) -> None:
        for index in range(count):
            case = extra_case(cast)
            result = decided(case, "L" if index % 2 else "MS")
            if index % 3 == 0:
                result_publish(result=result, actor=None, now=result.decided_at)

    add(2)
    client.force_login(cast.rayon_admin)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(DECISIONS)
    add(8)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(DECISIONS)
    assert response.status_code == 200


def test_a_long_list_shows_its_first_rows_and_publish_all_takes_every_one(
    client: Client, cast: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sergur.assessments.selectors.decisions import lists as selectors

    monkeypatch.setattr(selectors, "LIST_LIMIT", 2)
    waiting = [decided(extra_case(cast), "L") for _ in range(3)]

    body = page(client, cast.rayon_admin, DECISIONS).content.decode()

    assert body.count('name="result"') == 2
    assert "2 pertama dari 3" in body
    client.post(PUBLISH, {"all": "on", "confirm": "3"})
    assert Result.objects.filter(pk__in=[r.pk for r in waiting], published_at=None).count() == 0


def test_plpg_list_and_csv(client: Client, cast: Any) -> None:
    cast.sri_case.participant_number = "07030101234567"
    cast.sri_case.save(update_fields=["participant_number"])
    result_publish(result=decided(cast.sri_case, "MPLPG"), actor=None, now=_now())
    result_publish(result=decided(cast.budi_case, "L"), actor=None, now=_now())

    response = page(client, cast.rayon_admin, PLPG)
    body = response.content.decode()
    assert cast.sri_case.teacher.name in body and "SMP Negeri 1 Bantul" in body
    assert cast.budi_case.teacher.name not in body

    rows = csv_rows(page(client, cast.rayon_admin, PLPG, format="csv"))
    assert rows[1][0] == "07030101234567"
    assert rows[1][1] == cast.sri_case.teacher.name
    assert rows[1][2] == "SMP Negeri 1 Bantul"
    assert len(rows) == 2


def test_plpg_of_another_rayon_is_empty(client: Client, cast: Any) -> None:
    result_publish(result=decided(cast.sri_case, "MPLPG"), actor=None, now=_now())

    rows = csv_rows(page(client, cast.rayon_other, PLPG, format="csv"))

    assert len(rows) == 1


def test_district_results_by_code_and_csv(client: Client, cast: Any) -> None:
    result_publish(result=decided(cast.sri_case, "MPLPG"), actor=None, now=_now())
    result_publish(result=decided(cast.budi_case, "L"), actor=None, now=_now())
    unpublished = extra_case(cast)
    decided(unpublished, "D")

    body = page(client, cast.dinas, DISTRICT).content.decode()
    assert cast.sri_case.teacher.name in body and cast.budi_case.teacher.name in body
    assert unpublished.teacher.name not in body

    only_l = page(client, cast.dinas, DISTRICT, code="L").content.decode()
    assert cast.budi_case.teacher.name in only_l
    assert cast.sri_case.teacher.name not in only_l

    assert "Nilai jauh di bawah batas lulus." in body  # every reason, also to the district

    rows = csv_rows(page(client, cast.dinas, DISTRICT, format="csv", code="MPLPG"))
    assert [row[4] for row in rows[1:]] == ["MPLPG"]
    assert rows[1][-1] == "Nilai jauh di bawah batas lulus."


def test_another_district_sees_none_of_ours(client: Client, cast: Any) -> None:
    result_publish(result=decided(cast.sri_case, "L"), actor=None, now=_now())

    body = page(client, cast.dinas_other, DISTRICT).content.decode()

    assert cast.sri_case.teacher.name not in body


@pytest.mark.parametrize("who", ["sri", "rayon_admin", "asesor", "lpmp"])
def test_only_district_committees_open_the_district_results(
    client: Client, cast: Any, who: str
) -> None:
    assert page(client, getattr(cast, who), DISTRICT).status_code == 403


def test_district_results_queries_do_not_grow(
    client: Client, cast: Any, django_assert_max_num_queries: Any
) -> None:
    def add(count: int) -> None:
        for _ in range(count):
            result_publish(result=decided(extra_case(cast), "L"), actor=None, now=_now())

    add(1)
    client.force_login(cast.dinas)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(DISTRICT)
    add(6)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(DISTRICT)


def _now() -> Any:
    from django.utils import timezone

    return timezone.now()
