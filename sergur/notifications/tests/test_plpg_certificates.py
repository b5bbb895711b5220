"""The PLPG and the certificate tell the teacher: placed in a class, a retake set, the PLPG
passed or returned to the district, the certificate issued, and each change of its status;
nobody else is told, and the scores entered on the way make no message."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.core import mail

from sergur.accounts.models import User
from sergur.certificates.services import certificate_issue, certificate_status_change
from sergur.certificates.tests.support import passed
from sergur.conftest import Cast
from sergur.notifications.models import Kind, Notification
from sergur.plpg.models import Participant
from sergur.plpg.services import plpg_score_enter
from sergur.plpg.tests.support import World, attend_all, peer_teach, world

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2008, 4, 1, 3, 0, tzinfo=dt.UTC)
Commit = Callable[..., Any]


@pytest.fixture(autouse=True)
def _addresses(cast: Cast) -> None:
    for user in (cast.sri, cast.budi, cast.rayon_admin):
        user.email = f"{user.pk}@example.id"
        user.save(update_fields=["email"])


def notices(user: User) -> list[str]:
    return list(
        Notification.objects.filter(recipient=user).order_by("pk").values_list("kind", flat=True)
    )


def enter(w: World, participant: Participant, part: str, score: str) -> None:
    plpg_score_enter(participant=participant, part=part, score=Decimal(score), actor=w.teacher.user)


def first_round(w: World, participant: Participant, written: str) -> None:
    for part in ("HW", "SP", "SS"):
        enter(w, participant, part, "80")
    enter(w, participant, "SUT", written)


def test_placing_the_class_tells_each_teacher_placed(
    cast: Cast, django_capture_on_commit_callbacks: Commit
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        world(cast)  # publishes both MPLPG decisions, then forms the class

    assert notices(cast.sri) == [Kind.PUBLISHED, Kind.PLPG_PLACED]
    assert notices(cast.budi) == [Kind.PUBLISHED, Kind.PLPG_PLACED]
    assert notices(cast.rayon_admin) == []  # the actor is not told what they did
    body = [m.body for m in mail.outbox if m.to == [cast.sri.email]][-1]
    assert "ditempatkan di kelas PLPG" in body  # the site's language
    assert cast.sri_case.teacher.name not in body


def test_a_retake_then_a_pass_tell_the_teacher_and_the_scores_do_not(
    cast: Cast, django_capture_on_commit_callbacks: Commit
) -> None:
    w = world(cast)
    attend_all(w)
    peer_teach(w, w.sri)
    with django_capture_on_commit_callbacks(execute=True):
        first_round(w, w.sri, written="60")
        enter(w, w.sri, "SUT", "75")

    assert notices(cast.sri) == [Kind.PLPG_RETAKE, Kind.PLPG_PASSED]
    assert notices(cast.budi) == []
    assert notices(w.teacher.user) == []


def test_a_return_to_the_district_tells_the_teacher(
    cast: Cast, django_capture_on_commit_callbacks: Commit
) -> None:
    w = world(cast)
    peer_teach(w, w.budi)  # no attendance: not admitted to the exams
    with django_capture_on_commit_callbacks(execute=True):
        first_round(w, w.budi, written="80")

    assert notices(cast.budi) == [Kind.PLPG_RETURNED]
    assert notices(cast.sri) == []


def test_the_certificate_issued_and_each_status_change_tell_the_teacher(
    cast: Cast, django_capture_on_commit_callbacks: Commit
) -> None:
    case = passed(cast.sri_case)
    with django_capture_on_commit_callbacks(execute=True):
        certificate = certificate_issue(actor=cast.rayon_admin, case=case, now=NOW)
        for status in ("suspended", "active", "revoked"):
            certificate_status_change(
                actor=cast.rayon_admin,
                certificate=certificate,
                status=status,
                reason="Ijazah diperiksa ulang.",
                now=NOW,
            )

    assert notices(cast.sri) == [Kind.CERTIFIED] + [Kind.CERTIFICATE_STATUS] * 3
    assert notices(cast.budi) == []
    assert notices(cast.rayon_admin) == []
    bodies = [m.body for m in mail.outbox if m.to == [cast.sri.email]]
    assert any("Sertifikat pendidik Anda telah diterbitkan" in body for body in bodies)
    assert all(cast.sri_case.teacher.nuptk not in body for body in bodies)
