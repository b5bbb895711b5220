"""Messages about a subject that is not a case: the PKG appraisal's steps (issue 15) tell
exactly the person each step waits on, once the writer's transaction commits, as they chose,
with no name in the e-mail; and the general mechanism an app uses for its own kinds."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from sergur.accounts.models import User
from sergur.appraisal.models import Appraisal
from sergur.appraisal.services import (
    appraisal_countersign,
    appraisal_object,
    appraisal_sign,
    appraisal_submit,
)
from sergur.appraisal.tests.support import scored
from sergur.conftest import Cast
from sergur.notifications.models import Kind, Notification, Preference
from sergur.notifications.services import notices_about, notices_queue
from sergur.privacy.selectors.export import SECTIONS
from sergur.registry.tests.factories import (
    DistrictFactory,
    SchoolFactory,
    SubdistrictFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
Commit = Callable[..., Any]


@pytest.fixture
def others(cast: Cast) -> dict[str, User]:
    """People a PKG message must never reach: another district's principal, the supervisor
    of another school, the other teacher, the district."""
    one = cast.pak_kepala.school
    two = cast.bu_kepala.school
    assert one is not None and two is not None
    far = DistrictFactory(province=one.subdistrict.district.province, code="09", name="Jauh")
    far_school = SchoolFactory(subdistrict=SubdistrictFactory(district=far))
    far_head = UserFactory(username="far_head", role=User.Role.PRINCIPAL, school=far_school)
    other_supervisor = UserFactory(username="pengawas2", role=User.Role.SUPERVISOR)
    other_supervisor.supervised_schools.add(two)
    return {
        "far_principal": far_head,
        "other_supervisor": other_supervisor,
        "bu_kepala": cast.bu_kepala,
        "budi": cast.budi,
        "dinas": cast.dinas,
    }


@pytest.fixture(autouse=True)
def _addresses(cast: Cast) -> None:
    for user in (cast.sri, cast.pak_kepala, cast.pengawas, cast.bu_kepala, cast.budi):
        user.email = f"{user.pk}@example.id"
        user.save(update_fields=["email"])


def kinds() -> dict[int, list[str]]:
    """Every message made, by recipient."""
    found: dict[int, list[str]] = {}
    for recipient, kind in Notification.objects.values_list("recipient_id", "kind"):
        found.setdefault(recipient, []).append(kind)
    return found


def test_a_submitted_appraisal_waits_on_the_teacher_alone(
    cast: Cast, others: dict[str, User], django_capture_on_commit_callbacks: Commit
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        appraisal = scored(cast)

    assert kinds() == {cast.sri.pk: [Kind.PKG_TO_SIGN]}  # not the appraiser who submitted
    notice = Notification.objects.get()
    assert notice.case is None
    assert notice.subject == f"PKG {appraisal.year} #{appraisal.pk}"
    assert notice.link == reverse("appraisal:detail", args=[appraisal.pk])
    assert [message.to for message in mail.outbox] == [[f"{cast.sri.pk}@example.id"]]
    text = f"{mail.outbox[0].subject} {mail.outbox[0].body}"
    assert cast.sri.teacher.name not in text
    assert cast.sri.teacher.nuptk not in text
    assert notice.link in text


def test_an_objection_goes_back_to_the_appraiser(
    cast: Cast, others: dict[str, User], django_capture_on_commit_callbacks: Commit
) -> None:
    appraisal = scored(cast)
    with django_capture_on_commit_callbacks(execute=True):
        appraisal_object(appraisal=appraisal, actor=cast.sri, objection="Indicator 3 seen.")

    assert kinds() == {cast.pak_kepala.pk: [Kind.PKG_OBJECTION]}


def test_countersignatures_wait_on_the_principal_then_the_supervisor_and_final_tells_the_teacher(
    cast: Cast, others: dict[str, User], django_capture_on_commit_callbacks: Commit
) -> None:
    appraisal = scored(cast)
    with django_capture_on_commit_callbacks(execute=True):
        appraisal_sign(appraisal=appraisal, actor=cast.sri)
    assert kinds() == {cast.pak_kepala.pk: [Kind.PKG_COUNTERSIGN]}

    Notification.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        appraisal_countersign(appraisal=appraisal, actor=cast.pak_kepala)
    assert kinds() == {cast.pengawas.pk: [Kind.PKG_COUNTERSIGN]}

    Notification.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        appraisal_countersign(appraisal=appraisal, actor=cast.pengawas)
    assert appraisal.state == Appraisal.State.FINAL
    assert kinds() == {cast.sri.pk: [Kind.PKG_FINAL]}


def test_a_resubmission_after_an_objection_is_a_new_message(
    cast: Cast, django_capture_on_commit_callbacks: Commit
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        appraisal = scored(cast)
        appraisal_object(appraisal=appraisal, actor=cast.sri, objection="Indicator 3 seen.")
        appraisal_submit(appraisal=appraisal, actor=cast.pak_kepala)

    assert Notification.objects.filter(recipient=cast.sri, kind=Kind.PKG_TO_SIGN).count() == 2


def test_nothing_is_sent_before_the_commit(
    cast: Cast, django_capture_on_commit_callbacks: Commit
) -> None:
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        scored(cast)
    assert not Notification.objects.exists()
    assert mail.outbox == []
    for callback in callbacks:
        callback()
    assert Notification.objects.filter(recipient=cast.sri).count() == 1


def test_a_declined_kind_stays_in_the_inbox_only(
    cast: Cast, django_capture_on_commit_callbacks: Commit
) -> None:
    Preference.objects.create(user=cast.sri, kind=Kind.PKG_TO_SIGN, email=False)
    with django_capture_on_commit_callbacks(execute=True):
        scored(cast)

    notice = Notification.objects.get(recipient=cast.sri)
    assert notice.emailed_at is None
    assert mail.outbox == []


def test_a_message_is_made_once_per_key_however_often_the_task_runs(cast: Cast) -> None:
    args: dict[str, Any] = {
        "kind": Kind.PKG_FINAL,
        "user_ids": [cast.sri.pk],
        "subject": "PKG 2030 #1",
        "link": "/pkg/1/",
        "key": "appraisal:1:final:x",
        "now": timezone.now(),
    }
    assert len(notices_about(**args)) == 1
    assert notices_about(**args) == []
    assert Notification.objects.count() == 1
    assert len(mail.outbox) == 1
    with pytest.raises(IntegrityError), transaction.atomic():
        Notification.objects.create(
            recipient=cast.sri,
            kind=Kind.PKG_FINAL,
            link="/x/",
            key="appraisal:1:final:x",
            created_at=timezone.now(),
        )


def test_a_message_without_a_case_needs_a_link(cast: Cast) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        Notification.objects.create(
            recipient=cast.sri, kind=Kind.PKG_FINAL, created_at=timezone.now()
        )


@pytest.mark.parametrize("link", ["https://elsewhere.example/", "//elsewhere.example/", "pkg/1/"])
def test_a_link_is_a_path_on_this_site(cast: Cast, link: str) -> None:
    with pytest.raises(ValueError, match="path on this site"):
        notices_queue(kind=Kind.PKG_FINAL, people=[cast.sri], subject="", link=link, key="k")


def test_the_inbox_opens_the_appraisal_and_nobody_else_opens_the_message(
    cast: Cast, client: Client, django_capture_on_commit_callbacks: Commit
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        appraisal = scored(cast)
    notice = Notification.objects.get(recipient=cast.sri)

    client.force_login(cast.budi)
    assert client.post(reverse("notifications:open", args=[notice.pk])).status_code == 404
    client.force_login(cast.sri)
    page = client.get(reverse("notifications:inbox")).content.decode()
    assert f"PKG {appraisal.year} #{appraisal.pk}" in page
    response = client.post(reverse("notifications:open", args=[notice.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("appraisal:detail", args=[appraisal.pk])
    notice.refresh_from_db()
    assert notice.read_at is not None


def test_the_teachers_export_has_their_pkg_messages(
    cast: Cast, django_capture_on_commit_callbacks: Commit
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        scored(cast)
    section = next(s for s in SECTIONS if s.key == "notifications")
    assert list(section.rows(cast.sri.teacher)) == [Notification.objects.get(recipient=cast.sri)]
    assert list(section.rows(cast.budi.teacher)) == []
