"""The PKG writes refuse what the state or the person does not allow, with a clear message."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from sergur.appraisal.models import Appraisal, AppraiserAssignment
from sergur.appraisal.selectors import appraisal_latest_categories
from sergur.appraisal.services import (
    appraisal_countersign,
    appraisal_open,
    appraisal_scores_save,
    appraisal_sign,
    appraiser_assign,
    self_evaluation_save,
)
from sergur.appraisal.tests.support import YEAR, scored
from sergur.common.models import AuditRecord
from sergur.conftest import Cast

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


def test_a_teacher_cannot_be_their_own_appraiser(cast: Cast) -> None:
    with pytest.raises(ValidationError, match="cannot appraise themself"):
        appraiser_assign(
            teacher=cast.sri.teacher, year=YEAR, appraiser=cast.sri, actor=cast.pak_kepala
        )


def test_a_teacher_of_another_school_cannot_appraise(cast: Cast) -> None:
    with pytest.raises(ValidationError, match="same school"):
        appraiser_assign(
            teacher=cast.sri.teacher, year=YEAR, appraiser=cast.budi, actor=cast.pak_kepala
        )


def test_only_the_assigned_appraiser_opens_and_only_once(cast: Cast) -> None:
    assignment = appraiser_assign(
        teacher=cast.sri.teacher, year=YEAR, appraiser=cast.pak_kepala, actor=cast.pak_kepala
    )
    with pytest.raises(ValidationError, match="not assigned to you"):
        appraisal_open(assignment=assignment, instrument_key="pkg-teacher", actor=cast.bu_kepala)
    with pytest.raises(ValidationError, match="no appraisal instrument"):
        appraisal_open(assignment=assignment, instrument_key="nothing", actor=cast.pak_kepala)
    appraisal_open(assignment=assignment, instrument_key="pkg-teacher", actor=cast.pak_kepala)
    with pytest.raises(ValidationError, match="already has an appraisal"):
        appraisal_open(assignment=assignment, instrument_key="pkg-teacher", actor=cast.pak_kepala)
    assert AuditRecord.objects.filter(action="appraisal.event").count() == 2


def test_points_outside_the_instrument_are_refused(cast: Cast) -> None:
    school = cast.pak_kepala.school
    assert school is not None
    assignment = AppraiserAssignment.objects.create(
        school=school,
        year=YEAR,
        teacher=cast.sri.teacher,
        appraiser=cast.pak_kepala,
        assigned_by=cast.pak_kepala,
    )
    appraisal = appraisal_open(
        assignment=assignment, instrument_key="pkg-teacher", actor=cast.pak_kepala
    )
    for key, value in ((("01", 7), 1), (("99", 1), 1), (("01", 1), 3)):
        with pytest.raises(ValidationError):
            appraisal_scores_save(
                appraisal=appraisal,
                points={key: value},
                evidence={},
                monitoring_notes="",
                teaching_hours=24,
                actor=cast.pak_kepala,
            )
    assert not appraisal.scores.exists()


def test_signatures_follow_their_order(cast: Cast) -> None:
    appraisal = scored(cast)
    with pytest.raises(ValidationError):
        appraisal_countersign(appraisal=appraisal, actor=cast.pak_kepala)
    with pytest.raises(ValidationError):
        appraisal_sign(appraisal=appraisal, actor=cast.budi)
    appraisal_sign(appraisal=appraisal, actor=cast.sri)
    with pytest.raises(ValidationError):
        appraisal_countersign(appraisal=appraisal, actor=cast.pengawas)
    appraisal_countersign(appraisal=appraisal, actor=cast.pak_kepala)
    appraisal_countersign(appraisal=appraisal, actor=cast.pengawas)
    assert appraisal.state == Appraisal.State.FINAL


def test_the_latest_categories_take_one_query(cast: Cast, django_assert_num_queries) -> None:
    with django_assert_num_queries(1):
        assert appraisal_latest_categories(range(1000), before=dt.date(2031, 1, 1)) == {}


def test_a_self_evaluation_needs_every_competency_and_its_owner(cast: Cast) -> None:
    values = {f"{n:02d}": 3 for n in range(1, 15)}
    with pytest.raises(ValidationError):
        self_evaluation_save(
            teacher=cast.sri.teacher,
            year=YEAR,
            instrument_key="pkg-teacher",
            values=values,
            actor=cast.budi,
        )
    with pytest.raises(ValidationError, match="1 to 4"):
        self_evaluation_save(
            teacher=cast.sri.teacher,
            year=YEAR,
            instrument_key="pkg-teacher",
            values={**values, "14": 5},
            actor=cast.sri,
        )
    with pytest.raises(ValidationError):
        self_evaluation_save(
            teacher=cast.sri.teacher,
            year=YEAR,
            instrument_key="nothing",
            values=values,
            actor=cast.sri,
        )


def test_submit_keeps_what_quality_assurance_reads(cast: Cast) -> None:
    """Submitting stores how many competencies fell below standard and the lowest converted
    value, so the QA page never recomputes them from the indicator points."""
    low = scored(cast, low=("01", "07"))
    low.refresh_from_db()
    assert (low.below_count, low.lowest_value) == (2, 1)


def test_submit_with_no_competency_below_standard(cast: Cast) -> None:
    good = scored(cast)
    good.refresh_from_db()
    assert (good.below_count, good.lowest_value) == (0, 4)


def test_migration_backfills_from_the_indicator_points(cast: Cast) -> None:
    from importlib import import_module

    from django.apps import apps

    backfill = import_module("sergur.appraisal.migrations.0002_qa_below_columns")._backfill
    low = scored(cast, low=("03",))
    Appraisal.objects.filter(pk=low.pk).update(below_count=None, lowest_value=None)
    backfill(apps, None)
    low.refresh_from_db()
    assert (low.below_count, low.lowest_value) == (1, 1)
