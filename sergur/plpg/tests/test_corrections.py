"""A score typed wrongly is corrected by a new entry (who, why; the latest counts), and
nothing is recorded for a session or a training that has not happened yet."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from sergur.cases.models import CaseEvent
from sergur.plpg.models import Attendance, Score
from sergur.plpg.selectors import latest_scores
from sergur.plpg.services import (
    attendance_record,
    peer_teaching_score,
    plpg_score_correct,
    plpg_score_enter,
)
from sergur.plpg.tests.support import DAY, attend_all, peer_teach, world

pytestmark = pytest.mark.django_db
D = Decimal
EN = {"accept-language": "en"}


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def _enter(w, part, score, *, today=None):
    return plpg_score_enter(
        participant=w.sri, part=part, score=D(score), actor=w.teacher.user, today=today
    )


def test_a_correction_is_a_new_entry_with_who_and_why_and_the_latest_counts(cast):
    w = world(cast)
    _enter(w, "HW", "8")
    typed = Score.objects.get(participant=w.sri, part="HW")
    fixed = plpg_score_correct(
        score=typed, value=D("80"), reason="typed 8 for 80", actor=w.teacher.user
    )
    assert (fixed.corrects, fixed.reason, fixed.entered_by) == (
        typed,
        "typed 8 for 80",
        w.teacher.user,
    )
    assert latest_scores(w.sri)["HW"] == 80
    assert Score.objects.filter(participant=w.sri, part="HW").count() == 2  # history kept
    event = cast.sri_case.events.filter(kind=CaseEvent.Kind.PLPG_SCORED).last()
    assert event.data["corrects"] == "8.00" and event.reason == "typed 8 for 80"
    with pytest.raises(ValidationError, match="already corrected"):
        plpg_score_correct(score=typed, value=D("81"), reason="again", actor=w.teacher.user)
    again = plpg_score_correct(score=fixed, value=D("81"), reason="again", actor=w.teacher.user)
    assert latest_scores(w.sri)["HW"] == 81 and again.corrects == fixed


def test_a_correction_needs_a_reason_the_grader_and_an_open_round(cast):
    w = world(cast)
    attend_all(w)
    peer_teach(w, w.sri)
    _enter(w, "HW", "80")
    typed = Score.objects.get(participant=w.sri, part="HW")
    with pytest.raises(ValidationError, match="Say why"):
        plpg_score_correct(score=typed, value=D("81"), reason="  ", actor=w.teacher.user)
    with pytest.raises(ValidationError, match="Only the class's instructor"):
        plpg_score_correct(score=typed, value=D("81"), reason="x", actor=w.other.user)
    for part in ("SP", "SS"):
        _enter(w, part, "80")
    _enter(w, "SUT", "60")  # the round is drawn: a retake of SUT is set
    with pytest.raises(ValidationError, match="already drawn"):
        plpg_score_correct(score=typed, value=D("81"), reason="x", actor=w.teacher.user)
    assert not Score.objects.filter(corrects__isnull=False).exists()


def test_attendance_waits_for_the_sessions_day(cast):
    w = world(cast)
    session = w.sessions[1]
    with pytest.raises(ValidationError, match="has not taken place yet"):
        attendance_record(
            session=session,
            present=[w.sri.pk],
            actor=w.teacher.user,
            today=session.day - dt.timedelta(days=1),
        )
    assert not Attendance.objects.exists()
    assert (
        attendance_record(
            session=session, present=[w.sri.pk], actor=w.teacher.user, today=session.day
        )
        == 1
    )


def test_scores_wait_for_the_first_day_of_the_training(cast):
    w = world(cast)
    before = DAY - dt.timedelta(days=1)
    with pytest.raises(ValidationError, match="training starts on 2008-07-01"):
        _enter(w, "HW", "80", today=before)
    with pytest.raises(ValidationError, match="training starts on"):
        peer_teaching_score(
            participant=w.sri,
            number=1,
            plan_discussed=True,
            plan_score=D("80"),
            teaching_score=D("80"),
            actor=w.teacher.user,
            today=before,
        )
    assert not Score.objects.exists()
    assert _enter(w, "HW", "80", today=DAY) is None


def test_the_instructor_corrects_on_the_page_and_the_history_shows_both(client, cast):
    from django.urls import reverse

    from sergur.plpg.tests.test_views import signed_in

    w = world(cast)
    _enter(w, "HW", "8")
    typed = Score.objects.get(participant=w.sri, part="HW")
    signed_in(client, w.teacher.user)
    url = reverse("plpg:score_correct", args=[w.sri.pk])
    bad = client.post(
        url, {"entry": typed.pk, "score": "80", "reason": ""}, follow=True, headers=EN
    )
    assert "Why" in bad.content.decode()
    assert not Score.objects.filter(corrects=typed).exists()
    done = client.post(
        url, {"entry": typed.pk, "score": "80", "reason": "typo"}, follow=True, headers=EN
    )
    page = done.content.decode()
    assert "The score is corrected" in page and "replaces 8.00: typo" in page
    assert latest_scores(w.sri)["HW"] == 80


def test_someone_elses_participant_cannot_be_corrected(client, cast):
    from django.urls import reverse

    from sergur.plpg.tests.test_views import signed_in

    w = world(cast)
    _enter(w, "HW", "8")
    typed = Score.objects.get(participant=w.sri, part="HW")
    signed_in(client, w.other.user)
    url = reverse("plpg:score_correct", args=[w.sri.pk])
    response = client.post(url, {"entry": typed.pk, "score": "80", "reason": "x"})
    assert response.status_code in (403, 404)
    assert not Score.objects.filter(corrects=typed).exists()
