"""The demo's PKG: two final years for the first teachers, varied categories, competencies
below standard, this year's appraisers assigned; a second run adds nothing."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from sergur.appraisal.models import Appraisal, AppraiserAssignment
from sergur.appraisal.selectors import appraisal_competencies_below, appraisal_latest_categories
from sergur.demo.loader import load_demo

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2026, 12, 7, 9, tzinfo=dt.UTC)


def test_the_demo_appraises_two_years_with_varied_results() -> None:
    load_demo(teachers=24, now=NOW)
    appraisals = Appraisal.objects.all()
    assert appraisals.count() > 0
    assert set(appraisals.values_list("year", flat=True)) == {2024, 2025}
    assert set(appraisals.values_list("state", flat=True)) == {Appraisal.State.FINAL}
    categories = Counter(appraisals.values_list("category", flat=True))
    assert len(categories) >= 3
    assert any(
        appraisal_competencies_below(a) for a in appraisals.filter(category__in=("S", "K", "C"))
    )
    teachers = set(appraisals.values_list("teacher_id", flat=True))
    latest = appraisal_latest_categories(teachers, before=NOW.date())
    assert set(latest) == teachers
    assert AppraiserAssignment.objects.filter(year=2026).count() == len(teachers)


def test_a_second_run_adds_nothing() -> None:
    load_demo(teachers=12, now=NOW)
    before = Appraisal.objects.count()
    load_demo(teachers=12, now=NOW)
    assert Appraisal.objects.count() == before
