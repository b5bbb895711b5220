"""The demo district's quality-assurance page (issue 15): loaded as `make run` loads it
(`manage.py demo_setup`), the district committee's page has, for every chart, the points a
reader needs: two years of PKG, the working-group comparison with both groups large enough to
be shown, teachers below standard on their remedial plans, verified PKB credit. A second run
adds nothing."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from sergur.accounts.models import User
from sergur.appraisal.models import Appraisal
from sergur.development.models import Activity, Plan
from sergur.quality.selectors import quality_params_for

pytestmark = pytest.mark.django_db


def core_duties(response: Any) -> None:
    """Two consecutive years of certified teachers' PKG, most appraised both years."""
    core = response.context["components"][0]
    years = [f.year for f in core.figures]
    assert len(years) >= 2 and years[-1] - years[-2] == 1, years
    assert all(f.appraised >= 10 for f in core.figures[-2:]), core.figures
    last = core.figures[-1]
    assert last.compared >= 10, last  # appraised the year before too: the trend has points
    assert last.improved + last.declined > 0, last
    assert len(core.chart.points) >= 2


def working_groups(response: Any) -> None:
    """Participants and non-participants, both at least the minimum group size."""
    kkg = response.context["kkg"]
    minimum = quality_params_for(kkg.year).min_group_size
    assert kkg.participants.size >= minimum, kkg.participants
    assert kkg.others.size >= minimum, kkg.others
    assert kkg.comparison.code != "too_few"
    assert any(row.participants.size for row in kkg.clusters)


def below_standard(response: Any) -> None:
    """Teachers below standard on remedial plans, one of them past its deadline."""
    with_plan = [row for row in response.context["below"] if row.plan_deadline is not None]
    assert len(with_plan) >= 2, response.context["below"]
    assert any(row.plan_overdue for row in with_plan)
    assert any(not row.plan_overdue for row in with_plan)


def development(response: Any) -> None:
    """Verified PKB credit of several teachers, and remedial plans."""
    years = response.context["development"]
    assert sum(d.credit for d in years) > 0, years
    assert sum(d.teachers for d in years) >= 5, years
    assert sum(d.plans for d in years) >= 2, years


def test_the_demo_quality_page_has_the_points_of_every_chart(client: Client) -> None:
    call_command("demo_setup", teachers=12, stdout=StringIO())
    client.force_login(User.objects.get(username="dinas"))
    response = client.get(reverse("quality:overview"))
    assert response.status_code == 200

    core_duties(response)
    working_groups(response)
    below_standard(response)
    development(response)

    counts = (Appraisal.objects.count(), Plan.objects.count(), Activity.objects.count())
    call_command("demo_setup", teachers=12, stdout=StringIO())
    assert (Appraisal.objects.count(), Plan.objects.count(), Activity.objects.count()) == counts
