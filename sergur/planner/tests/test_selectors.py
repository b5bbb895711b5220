from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from sergur.accounts.models import User
from sergur.allowance.tests.support import NOW
from sergur.planner.models import PlanRun
from sergur.planner.selectors import run_get_for_user, run_list_for_user
from sergur.registry.tests.factories import DistrictFactory, UserFactory

pytestmark = pytest.mark.django_db


def a_run(cast) -> PlanRun:
    return PlanRun.objects.create(
        district=cast.dinas.district,
        semester="2009-1",
        min_hours=24,
        max_km=Decimal(15),
        max_schools=3,
        started_by=cast.dinas,
        created_at=NOW,
    )


def test_the_districts_committee_sees_its_run(cast) -> None:
    run = a_run(cast)

    assert run_get_for_user(user=cast.dinas, pk=run.pk) == run
    assert list(run_list_for_user(user=cast.dinas)) == [run]


def test_another_districts_committee_gets_404_and_other_roles_403(cast) -> None:
    run = a_run(cast)
    other = UserFactory(
        username="dinas_lain",
        role=User.Role.DISTRICT_COMMITTEE,
        district=DistrictFactory(code="77", name="Lain"),
    )

    with pytest.raises(Http404):
        run_get_for_user(user=other, pk=run.pk)
    for person in (cast.sri, cast.budi):
        with pytest.raises(PermissionDenied):
            run_get_for_user(user=person, pk=run.pk)
