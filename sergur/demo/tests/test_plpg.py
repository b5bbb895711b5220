"""The demo's PLPG: classes with the demo instructor, venue and 90 JP, one MPLPG teacher passed
after a retake, one returned to the district, the others in training; a second run adds
nothing."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from sergur.accounts.models import User
from sergur.assessments.tests.decisions_support import extra_case
from sergur.cases.models import Case
from sergur.demo.people import People
from sergur.demo.plpg import load_plpg
from sergur.plpg.models import PlpgClass
from sergur.plpg.tests.support import publish_mplpg
from sergur.registry.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_demo_takes_mplpg_teachers_through_the_plpg(cast: Any) -> None:
    cases = [cast.sri_case, cast.budi_case, extra_case(cast)]
    for n, case in enumerate(cases):
        publish_mplpg(case, f"07123456000{n}")
    rayon = cast.rayon_admin.rayon
    people = People(
        province=rayon.provinces.get(),
        district=cast.dinas.district,
        rayon=rayon,
        year=cast.sri_case.programme_year,
        schools={},
        subjects={},
        users={
            "rayon": cast.rayon_admin,
            "instruktur1": UserFactory(username="instruktur1", role=User.Role.INSTRUCTOR),
        },
    )
    now = timezone.now()
    (plpg_class,) = load_plpg(people=people, now=now)
    assert plpg_class.instructor is not None
    assert plpg_class.venue.endswith("Gedung PLPG ruang 1")
    assert sum(plpg_class.sessions.values_list("jp", flat=True)) == 90
    states = sorted(
        Case.objects.filter(pk__in=[c.pk for c in cases]).values_list("state", flat=True)
    )
    assert states == sorted([Case.State.PLPG, Case.State.PLPG_PASSED, Case.State.PLPG_RETURNED])
    assert load_plpg(people=people, now=now) == []
    assert PlpgClass.objects.count() == 1
