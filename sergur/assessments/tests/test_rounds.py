"""A round: two blind sheets agreeing → decided on their mean; disagreeing → reconciliation."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from sergur.assessments.models import Reconciliation, Result
from sergur.assessments.tests.support import allocate, at_rayon, submit_complete, submit_sheet
from sergur.cases.models import Case


@pytest.fixture
def sheets(cast):
    case = at_rayon(submit_complete(cast.sri_case, cast))
    return allocate(case, cast.asesor, cast.asesor2)


def test_one_sheet_decides_nothing(cast, sheets):
    sheet = submit_sheet(sheets[0])

    case = Case.objects.get(pk=cast.sri_case.pk)
    assert case.state == Case.State.IN_ASSESSMENT
    assert not Result.objects.exists()
    assert sheet.submitted and sheet.code


def test_two_agreeing_sheets_decide_on_the_mean(cast, sheets):
    first = submit_sheet(sheets[0], item=4)
    second = submit_sheet(sheets[1], item=5)

    result = Result.objects.get(case=cast.sri_case)
    assert result.source == Result.Source.MEAN
    assert first.total is not None and second.total is not None
    assert result.total == (first.total + second.total) / 2
    assert Case.objects.get(pk=cast.sri_case.pk).state == Case.State.DECIDED
    assert result.reasons["id"] and result.reasons["en"]


def test_a_difference_beyond_the_tolerance_opens_a_reconciliation(cast, sheets):
    submit_sheet(sheets[0], item=1)
    key = "qualifications[0]"
    submit_sheet(
        sheets[1], item=5, overrides={key: {"points": "0", "reason": "Ijazah tidak relevan"}}
    )

    reconciliation = Reconciliation.objects.get(case=cast.sri_case, round=1)
    assert reconciliation.mode == Reconciliation.Mode.JOINT
    assert any("toleransi" in reason for reason in reconciliation.reasons["id"])
    assert Case.objects.get(pk=cast.sri_case.pk).state == Case.State.RECONCILIATION
    assert not Result.objects.exists()


def test_an_override_without_a_reason_is_refused_and_nothing_is_lost(cast, sheets):
    sheet = sheets[0]
    with pytest.raises(ValidationError, match="qualifications"):
        submit_sheet(sheet, overrides={"qualifications[0]": {"points": "10", "reason": ""}})

    sheet.refresh_from_db()
    assert sheet.submitted_at is None
    assert sheet.overrides["qualifications[0]"]["points"] == "10"


def test_only_the_allocated_assessor_submits(cast, sheets):
    from django.utils import timezone

    from sergur.assessments.services.rounds import sheet_submit
    from sergur.assessments.tests.support import fill_plans

    fill_plans(sheets[0])
    with pytest.raises(ValidationError):
        sheet_submit(sheet=sheets[0], actor=cast.asesor2, now=timezone.now())


def test_exact_mean_keeps_decimals(cast, sheets):
    submit_sheet(sheets[0], item=4)
    submit_sheet(sheets[1], item=3)
    result = Result.objects.get(case=cast.sri_case)
    assert isinstance(result.total, Decimal)
