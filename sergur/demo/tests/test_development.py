"""The demo's working groups and PKB: a KKG cluster and an MGMP with held, reported packages
and attendance; members with a standing, activities verified by their principal and some
waiting; a second run adds nothing (docs/kkg.md, docs/pkb.md)."""

from __future__ import annotations

import pytest
from django.utils import timezone

from sergur.demo.development import load_development
from sergur.demo.loader import load_demo
from sergur.demo.people import load_registry
from sergur.development.models import Activity, Standing
from sergur.kkg.models import Attendance, Group, Package

pytestmark = pytest.mark.django_db


def test_the_demo_has_groups_with_meetings_and_pkb_records() -> None:
    load_demo(teachers=40)
    assert set(Group.objects.values_list("kind", flat=True)) == {"kkg", "mgmp"}
    assert Package.objects.exclude(report="").count() >= 2
    assert Attendance.objects.exists()
    assert Standing.objects.count() >= 10
    states = set(Activity.objects.values_list("state", flat=True))
    assert states == {Activity.State.VERIFIED, Activity.State.SUBMITTED}
    people = load_registry(now=timezone.now())
    assert load_development(people=people, now=timezone.now()) == 0
