from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from sergur.planner.models import PlanRun
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
