from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from sergur.allowance.models import TeachingLoad
from sergur.planner.models import PlanDecision, PlanRun
from sergur.planner.services import proposal_reject
from sergur.planner.services.runs import limits_for
from sergur.planner.tests.support import scene

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


FORM = {"semester": "2009-1", "min_hours": "24", "max_km": "15", "max_schools": "3"}


def test_the_committee_starts_a_run_and_sees_the_proposal_and_the_map(
    cast, client, django_capture_on_commit_callbacks
) -> None:
    s = scene(cast)
    client.force_login(cast.dinas)

    assert client.get(reverse("planner:home")).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("planner:start"), {**FORM, "what_if_pupils": "200", "what_if_hours": "18"}
        )

    run = PlanRun.objects.get()
    assert response.status_code == 302 and run.state == PlanRun.State.DONE
    page = client.get(reverse("planner:run", args=[run.pk])).content.decode()
    assert s.short.name in page and s.away.name in page
    assert "6 JP, 3.0 km" in page
    assert "<svg" in page and "<line " in page and "<title" in page
    assert "What if schools with fewer than 200 pupils" in page


def test_bad_input_says_what_and_keeps_the_form(cast, client) -> None:
    client.force_login(cast.dinas)

    response = client.post(reverse("planner:start"), {**FORM, "semester": "2009-3"})

    assert response.status_code == 400
    assert "YYYY-1 or YYYY-2" in response.content.decode()
    assert not PlanRun.objects.exists()


def test_a_teacher_may_not_plan(cast, client) -> None:
    client.force_login(cast.sri)

    assert client.get(reverse("planner:home")).status_code == 403
    assert client.post(reverse("planner:start"), FORM).status_code == 403


def computed_run(cast, client, django_capture_on_commit_callbacks) -> PlanRun:
    client.force_login(cast.dinas)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("planner:start"), FORM)
    return PlanRun.objects.get()


def test_the_committee_accepts_a_teachers_proposal_on_the_run_page(
    cast, client, django_capture_on_commit_callbacks
) -> None:
    s = scene(cast)
    run = computed_run(cast, client, django_capture_on_commit_callbacks)
    url = reverse("planner:run", args=[run.pk])
    (slot,) = [a["slot"] for a in run.result["teachers"][0]["assignments"]]

    page = client.get(url).content.decode()
    assert f'name="slot" value="{slot}" checked' in page
    assert "Accept the ticked hours" in page and "Reject" in page
    response = client.post(
        reverse("planner:decide", args=[run.pk]),
        {"teacher": s.short.pk, "action": "accept", "slot": [slot]},
    )

    assert response.status_code == 302 and response["Location"] == url
    decision = PlanDecision.objects.get()
    assert (decision.teacher, decision.outcome) == (s.short, PlanDecision.Outcome.ACCEPTED)
    after = client.get(url).content.decode()
    assert "The proposal is accepted" in after
    assert "Accepted by" in after and 'name="slot"' not in after


def test_a_stale_proposal_is_refused_with_a_message_not_an_error(
    cast, client, django_capture_on_commit_callbacks
) -> None:
    s = scene(cast)
    run = computed_run(cast, client, django_capture_on_commit_callbacks)
    (slot,) = [a["slot"] for a in run.result["teachers"][0]["assignments"]]
    TeachingLoad.objects.filter(pk=int(slot[1:])).update(teacher=s.short)
    decide = reverse("planner:decide", args=[run.pk])

    response = client.post(decide, {"teacher": s.short.pk, "action": "accept", "slot": [slot]})

    assert response.status_code == 400
    assert "is no longer as proposed" in response.content.decode()
    assert not PlanDecision.objects.exists()
    unknown = client.post(decide, {"teacher": s.short.pk, "action": "accept", "slot": ["L0"]})
    assert unknown.status_code == 400
    assert "Proposed hours" in unknown.content.decode()
    stranger = client.post(decide, {"teacher": s.busy.pk, "action": "reject"})
    assert stranger.status_code == 404


def test_another_district_and_other_roles_cannot_decide(
    cast, client, django_capture_on_commit_callbacks
) -> None:
    s = scene(cast)
    run = computed_run(cast, client, django_capture_on_commit_callbacks)
    decide = reverse("planner:decide", args=[run.pk])
    body = {"teacher": s.short.pk, "action": "reject"}

    other = Client()
    other.force_login(cast.dinas_other)
    assert other.post(decide, body).status_code == 404
    assert other.get(reverse("planner:run", args=[run.pk])).status_code == 404
    assert s.short.user is not None
    for person in (cast.sri, s.short.user, cast.lpmp):
        someone = Client()
        someone.force_login(person)
        assert someone.post(decide, body).status_code == 403
    assert not PlanDecision.objects.exists()


def test_the_run_page_takes_a_fixed_number_of_queries(
    cast, client, django_capture_on_commit_callbacks
) -> None:
    s = scene(cast)
    run = computed_run(cast, client, django_capture_on_commit_callbacks)
    url = reverse("planner:run", args=[run.pk])
    client.get(url)  # the session and the menu's caches are warm

    with CaptureQueriesContext(connection) as undecided:
        assert client.get(url).status_code == 200
    proposal_reject(run=run, teacher=s.short, actor=cast.dinas)
    with CaptureQueriesContext(connection) as decided:
        assert client.get(url).status_code == 200

    assert len(decided) == len(undecided) <= 12


def test_the_form_defaults_to_the_current_semester_and_its_limits(cast, client) -> None:
    with time_machine.travel(dt.datetime(2027, 8, 3, 9, tzinfo=dt.UTC), tick=False):
        client.force_login(cast.dinas)
        page = client.get(reverse("planner:home")).content.decode()

    minimum = limits_for("2027-2").min_hours
    assert 'name="semester" value="2027-2"' in page
    assert f'name="min_hours" value="{minimum}"' in page
    assert "For example 2027-2, the current semester" in page and "2009-1" not in page
