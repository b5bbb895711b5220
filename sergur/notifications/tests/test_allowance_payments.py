"""Messages of the allowance and its payments (docs/notifications.md, "Messages about other
subjects"): a teacher whose verdict changed, a teacher an SKTP lists, a teacher a run pays;
nobody else, after the commit, once per occurrence, with no name, NUPTK or NIP in the e-mail."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import pytest
from django.core import mail
from django.urls import reverse

from sergur.allowance.models import TeachingLoad
from sergur.allowance.services import eligibility_compute, load_line_delete
from sergur.allowance.tests.support import NOW as LOAD_NOW
from sergur.allowance.tests.support import SEMESTER, certified, line, operator_of, own_school
from sergur.conftest import Cast
from sergur.notifications.models import Kind, Notification, Preference
from sergur.payments.tests.support import district_of, eligible, finance, issued, paid, profile

pytestmark = pytest.mark.django_db

Commit = Callable[..., AbstractContextManager[list[Callable[[], Any]]]]


@pytest.fixture(autouse=True)
def _english(settings: Any) -> None:
    settings.LANGUAGE_CODE = "en"  # the e-mails are written in the site's language


@pytest.fixture(autouse=True)
def _addresses(cast: Cast) -> None:
    for user in (cast.sri, cast.budi, cast.dinas):
        user.email = f"{user.pk}@example.id"
        user.save(update_fields=["email"])


def notices() -> list[tuple[int, str, str, str]]:
    return list(
        Notification.objects.order_by("pk").values_list("recipient_id", "kind", "subject", "link")
    )


def test_a_teacher_is_told_when_their_verdict_changes_and_only_then(
    cast: Cast, django_capture_on_commit_callbacks: Commit
) -> None:
    school = own_school(cast)
    operator = operator_of(school)
    teacher, other = certified(cast), certified(cast)
    for person in (teacher, other):
        assert person.user is not None
        person.user.email = f"{person.user.pk}@example.id"
        person.user.save(update_fields=["email"])
    line(teacher, school, operator, 12, label="7A")
    kept = line(teacher, school, operator, 12, label="7B")
    line(other, school, operator, 24)
    district = cast.dinas.district
    assert district is not None

    def compute(semester: str = SEMESTER) -> None:
        with django_capture_on_commit_callbacks(execute=True):
            eligibility_compute(district, semester, by=cast.dinas, now=LOAD_NOW)

    compute()
    assert notices() == []  # a first verdict is no change
    load_line_delete(line=kept, actor=operator)
    compute()
    link = reverse("allowance:mine") + f"?semester={SEMESTER}"
    assert teacher.user is not None
    assert notices() == [(teacher.user.pk, Kind.ALLOWANCE_ELIGIBILITY, f"TPG {SEMESTER}", link)]
    compute()
    assert len(notices()) == 1  # the same verdict again
    line(teacher, school, operator, 12, label="7B")
    compute()
    assert len(notices()) == 2
    assert [m.to for m in mail.outbox] == [[teacher.user.email]] * 2
    text = f"{mail.outbox[0].subject} {mail.outbox[0].body}"
    assert teacher.name not in text and teacher.nuptk not in text and link in text
    assert "My allowance shows whether you are eligible, why, and what to fix." in text
    # The next semester's first verdict is compared with the latest earlier one.
    TeachingLoad.objects.all().delete()
    compute("2009-2")
    assert {n[0] for n in notices()[2:]} == {teacher.user.pk, other.user.pk}  # type: ignore[union-attr]


@pytest.fixture
def money(cast: Cast) -> dict[str, Any]:
    sri = cast.sri_case.teacher
    district = district_of(sri)
    officer = finance(district)
    eligible(sri)
    eligible(cast.budi_case.teacher)  # eligible, but without a pay profile: not listed
    profile(sri, officer)
    return {"district": district, "officer": officer}


def test_the_teachers_an_sktp_lists_are_told_once(
    cast: Cast, money: dict[str, Any], django_capture_on_commit_callbacks: Commit
) -> None:
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        sktp = issued(money["officer"], money["district"])
    assert notices() == []  # nothing before the commit
    for callback in callbacks:
        callback()
    assert notices() == [(cast.sri.pk, Kind.SKTP_LISTED, sktp.number, reverse("payments:mine"))]
    with django_capture_on_commit_callbacks(execute=True):
        issued(money["officer"], money["district"])
    assert len(notices()) == 1
    message = mail.outbox[0]
    assert message.to == [cast.sri.email]
    teacher = cast.sri_case.teacher
    assert teacher.nuptk not in message.subject and teacher.name not in message.subject
    assert (teacher.nip or "-") not in message.subject


def test_a_teacher_a_run_pays_is_told_their_net_sum_once(
    cast: Cast, money: dict[str, Any], django_capture_on_commit_callbacks: Commit
) -> None:
    issued(money["officer"], money["district"])
    Notification.objects.all().delete()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        run = paid(money["officer"], money["district"])
    assert notices() == [
        (cast.sri.pk, Kind.ALLOWANCE_PAID, "TPG 2019-Q1: Rp 8.584.200", reverse("payments:mine"))
    ]
    assert "Rp 8.584.200" in mail.outbox[0].subject
    assert "each month paid and any correction" in mail.outbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        again = paid(money["officer"], money["district"])
    assert again.entries_count == 0 and run.entries_count == 3
    assert len(notices()) == 1  # a run that records nothing tells nobody


def test_a_declined_payment_kind_stays_in_the_inbox_only(
    cast: Cast, money: dict[str, Any], django_capture_on_commit_callbacks: Commit
) -> None:
    Preference.objects.create(user=cast.sri, kind=Kind.ALLOWANCE_PAID, email=False)
    issued(money["officer"], money["district"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        paid(money["officer"], money["district"])
    notice = Notification.objects.get(kind=Kind.ALLOWANCE_PAID)
    assert notice.recipient == cast.sri and notice.emailed_at is None
    assert mail.outbox == []
