"""Messages to whoever something waits on or changed for (issue 14, item 7): made after the
writer's transaction commits by the background task, in the inbox always and by e-mail as the
person chose, once per person and event, with no name in the e-mail."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from sergur.accounts.models import User
from sergur.appeals.tests.support import published
from sergur.assessments.tests.support import allocate, at_rayon, submit_complete
from sergur.cases.models import Case, CaseEvent
from sergur.cases.services import case_event_record
from sergur.conftest import Cast
from sergur.notifications.models import Kind, Notification, Preference
from sergur.notifications.services import notices_make

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2008, 1, 10, 9, 0, tzinfo=dt.UTC)
Commit = Callable[..., Any]


@pytest.fixture(autouse=True)
def _addresses(cast: Cast) -> None:
    for user in (cast.sri, cast.pak_kepala, cast.pengawas, cast.asesor, cast.asesor2):
        user.email = f"{user.pk}@example.id"
        user.save(update_fields=["email"])


def notices(user: User) -> list[str]:
    return list(Notification.objects.filter(recipient=user).values_list("kind", flat=True))


def test_a_submitted_portfolio_tells_the_principal_and_the_supervisor(
    cast: Cast, django_capture_on_commit_callbacks: Commit
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        submit_complete(cast.sri_case, cast)

    assert notices(cast.pak_kepala) == [Kind.ENVELOPE]
    assert notices(cast.pengawas) == [Kind.ENVELOPE]
    assert notices(cast.sri) == []  # the actor is not told what they did
    assert notices(cast.bu_kepala) == []  # another school's principal
    sent = {message.to[0] for message in mail.outbox}
    assert {f"{cast.pak_kepala.pk}@example.id", f"{cast.pengawas.pk}@example.id"} <= sent


def test_nothing_is_sent_before_the_transaction_commits(
    cast: Cast, django_capture_on_commit_callbacks: Commit
) -> None:
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        case_event_record(case=cast.sri_case, actor=None, kind=CaseEvent.Kind.RETURNED)
    assert Notification.objects.count() == 0 and len(callbacks) >= 1


def test_a_returned_portfolio_and_a_published_decision_tell_the_teacher(
    cast: Cast, django_capture_on_commit_callbacks: Commit
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        case_event_record(case=cast.sri_case, actor=cast.dinas, kind=CaseEvent.Kind.RETURNED)
        published(cast.sri_case, "MS")

    assert sorted(notices(cast.sri)) == sorted([Kind.RETURNED, Kind.PUBLISHED])
    body = mail.outbox[-1].body
    assert "MS" in body and reverse("portfolios:case", args=[cast.sri_case.pk]) in body


def test_an_allocation_tells_the_assessors_and_never_names_the_teacher(
    cast: Cast, django_capture_on_commit_callbacks: Commit
) -> None:
    case = at_rayon(cast.sri_case)
    allocate(case, cast.asesor, cast.asesor2)
    with django_capture_on_commit_callbacks(execute=True):
        case_event_record(
            case=case, actor=cast.rayon_admin, kind=CaseEvent.Kind.ALLOCATED, data={"round": 1}
        )

    assert notices(cast.asesor) == [Kind.ALLOCATED] == notices(cast.asesor2)
    for message in mail.outbox:
        text = f"{message.subject}\n{message.body}"
        assert case.teacher.name not in text and case.teacher.nuptk not in text


def test_a_message_is_made_once_however_often_the_task_runs(cast: Cast) -> None:
    event = case_event_record(case=cast.sri_case, actor=None, kind=CaseEvent.Kind.RETURNED)
    first = notices_make(event_ids=[event.pk], now=NOW)
    again = notices_make(event_ids=[event.pk], now=NOW)

    assert len(first) == 1 and again == []
    assert Notification.objects.count() == 1 and len(mail.outbox) == 1


def test_a_declined_kind_stays_in_the_inbox_only(cast: Cast) -> None:
    Preference.objects.create(user=cast.sri, kind=Kind.RETURNED, email=False)
    event = case_event_record(case=cast.sri_case, actor=None, kind=CaseEvent.Kind.RETURNED)
    notices_make(event_ids=[event.pk], now=NOW)

    notice = Notification.objects.get()
    assert notice.emailed_at is None and mail.outbox == []


def test_events_that_concern_nobody_make_no_message(cast: Cast) -> None:
    event = case_event_record(case=cast.sri_case, actor=None, kind=CaseEvent.Kind.EVIDENCE_ADDED)
    assert notices_make(event_ids=[event.pk], now=NOW) == []


# -- the pages ----------------------------------------------------------------------------------


def _notice(cast: Cast) -> Notification:
    event = case_event_record(case=cast.sri_case, actor=None, kind=CaseEvent.Kind.RETURNED)
    (made,) = notices_make(event_ids=[event.pk], now=NOW)
    return Notification.objects.get(event=event, recipient=made.recipient)


def test_the_inbox_shows_ones_own_messages_and_opening_one_reads_it(
    cast: Cast, client: Client
) -> None:
    notice = _notice(cast)
    client.force_login(cast.sri)
    assert reverse("notifications:open", args=[notice.pk]) in client.get("/inbox/").content.decode()

    response = client.post(reverse("notifications:open", args=[notice.pk]))
    assert response.status_code == 302 and response["Location"].endswith(
        f"/cases/{notice.case_id}/"
    )
    notice.refresh_from_db()
    assert notice.read_at is not None


@pytest.mark.parametrize("who", ["budi", "dinas", "dinas_other", "asesor", "rayon_admin"])
def test_nobody_else_sees_or_opens_a_message(cast: Cast, client: Client, who: str) -> None:
    notice = _notice(cast)
    client.force_login(getattr(cast, who))
    assert (
        reverse("notifications:open", args=[notice.pk])
        not in client.get("/inbox/").content.decode()
    )
    assert client.post(reverse("notifications:open", args=[notice.pk])).status_code == 404
    notice.refresh_from_db()
    assert notice.read_at is None


def test_anonymous_visitors_are_sent_to_sign_in(client: Client) -> None:
    response = client.get(reverse("notifications:inbox"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_preferences_page_records_the_choice_per_kind(cast: Cast, client: Client) -> None:
    client.force_login(cast.sri)
    data = {kind.value: "on" for kind in Kind if kind != Kind.PUBLISHED}
    response = client.post(reverse("notifications:preferences"), data)

    assert response.status_code == 302
    assert dict(Preference.objects.filter(user=cast.sri).values_list("kind", "email")) == {
        kind.value: kind != Kind.PUBLISHED for kind in Kind
    }


def test_the_case_state_is_untouched_by_the_messages(cast: Cast) -> None:
    event = case_event_record(case=cast.sri_case, actor=None, kind=CaseEvent.Kind.RETURNED)
    notices_make(event_ids=[event.pk], now=NOW)
    assert Case.objects.get(pk=cast.sri_case.pk).state == cast.sri_case.state
