"""The draft of a scoring sheet (services.sheets.sheet_save): what it stores, and every
refusal, each naming the line, plan or item, with nothing saved lost."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from sergur.assessments.models import Allocation, Sheet
from sergur.assessments.selectors import sheet_outcome, sheet_score
from sergur.assessments.services.rounds import (
    ALREADY_SUBMITTED,
    NOT_ASSESSING,
    NOT_YOURS,
    sheet_submit,
)
from sergur.assessments.services.sheets import (
    FRAUD_NOTE_MISSING,
    ITEM_RANGE,
    UNKNOWN_CODE,
    sheet_save,
)
from sergur.assessments.tests.support import allocate, at_rayon, submit_complete, submit_sheet
from sergur.cases.models import Case, CaseEvent
from sergur.cases.tests.support import state_set
from sergur.portfolios.selectors import portfolio_read
from sergur.rules.assessment import Override, SheetReview

PLANS = [[4] * 8 for _ in range(5)]
QUALIFICATION = "qualifications[0]"


@pytest.fixture
def sheets(cast: Any) -> list[Sheet]:
    case = at_rayon(submit_complete(cast.sri_case, cast))
    return allocate(case, cast.asesor, cast.asesor2)


def code_of(case: Case, section: str) -> str:
    return portfolio_read(case=case).section_rows(section)[0].code


def save(sheet: Sheet, actor: Any, **changes: Any) -> Sheet:
    arguments: dict[str, Any] = {
        "plan_items": PLANS,
        "overrides": {},
        "review": SheetReview(),
    }
    arguments.update(changes)
    return sheet_save(sheet=sheet, actor=actor, **arguments)


def test_a_draft_stores_plans_overrides_and_findings(cast: Any, sheets: list[Sheet]) -> None:
    sheet = sheets[0]
    code = code_of(sheet.allocation.case, "training")
    saved = save(
        sheet,
        cast.asesor,
        overrides={"trainings[0]": Override(Decimal("0"), "Not relevant to the subject")},
        review=SheetReview(
            administrative_defects=(" Ijazah not legalised ", ""),
            doubtful_evidence=(code,),
        ),
        notes="checked",
    )

    saved.refresh_from_db()
    assert saved.plan_items == PLANS
    assert saved.overrides == {
        "trainings[0]": {"points": "0", "reason": "Not relevant to the subject"}
    }
    assert saved.administrative_defects == ["Ijazah not legalised"]
    assert saved.doubtful_evidence == [code]
    assert saved.submitted_at is None
    _, outcome = sheet_outcome(portfolio_read(case=sheet.allocation.case), saved)
    assert outcome.parts["training"] == 0


def test_the_first_save_creates_the_sheet_of_an_allocation_without_one(cast: Any) -> None:
    case = at_rayon(submit_complete(cast.sri_case, cast))
    state_set(
        case=case, to_state=Case.State.IN_ASSESSMENT, actor=None, kind=CaseEvent.Kind.ALLOCATED
    )
    allocation = Allocation.objects.create(case=case, assessor=cast.asesor.assessor, slot=1)

    saved = save(Sheet(allocation=allocation), cast.asesor)

    assert Sheet.objects.get(allocation=allocation).pk == saved.pk


def test_confirming_a_suggestion_keeps_no_override(cast: Any, sheets: list[Sheet]) -> None:
    sheet = sheets[0]
    portfolio = portfolio_read(case=sheet.allocation.case)
    suggested = {line.path: line.points for line in sheet_score(portfolio, sheet).trace}
    saved = save(
        sheet, cast.asesor, overrides={QUALIFICATION: Override(suggested[QUALIFICATION], "")}
    )
    assert saved.overrides == {}


def test_an_override_without_a_reason_is_refused_naming_the_line(
    cast: Any, sheets: list[Sheet]
) -> None:
    sheet = sheets[0]
    save(sheet, cast.asesor, notes="first draft")
    code = code_of(sheet.allocation.case, "qualification")

    with pytest.raises(ValidationError) as refused:
        save(sheet, cast.asesor, overrides={QUALIFICATION: Override(10, "  ")}, notes="second")

    assert any(f"Baris {code}:" in m for m in refused.value.messages)
    assert not any(QUALIFICATION in m or "Line" in m for m in refused.value.messages)
    sheet.refresh_from_db()
    assert sheet.notes == "first draft"
    assert sheet.overrides == {}


def test_instrument_lines_are_not_overridden(cast: Any, sheets: list[Sheet]) -> None:
    with pytest.raises(ValidationError) as refused:
        save(
            sheets[0],
            cast.asesor,
            overrides={"teaching_observation": Override(1, "too high")},
        )

    # Named by the part's own words, never by the internal path.
    assert any("4b Pelaksanaan pembelajaran" in m for m in refused.value.messages)
    assert not any("teaching_observation" in m for m in refused.value.messages)


def test_bad_item_scores_are_named_by_plan_and_item(cast: Any, sheets: list[Sheet]) -> None:
    plans: list[list[int | None]] = [[4] * 8 for _ in range(5)]
    plans[1][2] = 6
    plans[4][7] = 0
    with pytest.raises(ValidationError) as refused:
        save(sheets[0], cast.asesor, plan_items=plans)
    assert refused.value.messages == [
        str(ITEM_RANGE % {"plan": 2, "item": 3}),
        str(ITEM_RANGE % {"plan": 5, "item": 8}),
    ]


def test_a_plan_count_other_than_the_instrument_is_refused(cast: Any, sheets: list[Sheet]) -> None:
    with pytest.raises(ValidationError, match="5"):
        save(sheets[0], cast.asesor, plan_items=[[4] * 8] * 4)


def test_unscored_items_may_stay_empty_in_a_draft(cast: Any, sheets: list[Sheet]) -> None:
    plans: list[list[int | None]] = [[None] * 8 for _ in range(5)]
    plans[0] = [3] * 8
    saved = save(sheets[0], cast.asesor, plan_items=plans)
    assert saved.plan_items[1] == [None] * 8


def test_findings_are_checked(cast: Any, sheets: list[Sheet]) -> None:
    with pytest.raises(ValidationError) as refused:
        save(
            sheets[0],
            cast.asesor,
            review=SheetReview(doubtful_evidence=("9.z",), fraud_found=True),
        )
    assert refused.value.messages == [
        str(UNKNOWN_CODE % {"code": "9.z"}),
        str(FRAUD_NOTE_MISSING),
    ]


def test_only_the_allocated_assessor_saves(cast: Any, sheets: list[Sheet]) -> None:
    for intruder in (cast.asesor2, cast.asesor3, cast.rayon_admin, cast.sri):
        with pytest.raises(ValidationError) as refused:
            save(sheets[0], intruder)
        assert refused.value.messages == [str(NOT_YOURS)]


def test_an_inactive_allocation_saves_nothing(cast: Any, sheets: list[Sheet]) -> None:
    Allocation.objects.filter(pk=sheets[0].allocation_id).update(active=False)
    with pytest.raises(ValidationError) as refused:
        save(sheets[0], cast.asesor)
    assert refused.value.messages == [str(NOT_YOURS)]


def test_a_submitted_sheet_is_not_changed(cast: Any, sheets: list[Sheet]) -> None:
    submitted = submit_sheet(sheets[0])
    with pytest.raises(ValidationError) as refused:
        save(submitted, cast.asesor, notes="later")
    assert refused.value.messages == [str(ALREADY_SUBMITTED)]
    submitted.refresh_from_db()
    assert submitted.notes == ""


def test_a_case_not_in_assessment_is_not_scored(cast: Any, sheets: list[Sheet]) -> None:
    Case.objects.filter(pk=cast.sri_case.pk).update(state=Case.State.RECEIVED)
    with pytest.raises(ValidationError) as refused:
        save(sheets[0], cast.asesor)
    assert refused.value.messages == [str(NOT_ASSESSING)]


def test_a_saved_draft_submits(cast: Any, sheets: list[Sheet]) -> None:
    saved = save(sheets[0], cast.asesor)
    submitted = sheet_submit(sheet=saved, actor=cast.asesor, now=timezone.now())
    assert submitted.submitted and submitted.code


def test_the_suggestion_leaves_out_an_envelope_the_supervisor_has_not_confirmed(
    cast: Any, sheets: list[Sheet]
) -> None:
    """Seed 003, FAQ 23: "harus diisi oleh keduanya dalam satu format instrumen"."""
    from sergur.portfolios.models import EnvelopeInstrument

    sheet = save(sheets[0], cast.asesor)
    EnvelopeInstrument.objects.filter(case=cast.sri_case).update(supervisor_confirmed_at=None)
    portfolio = portfolio_read(case=cast.sri_case)

    result, outcome = sheet_outcome(portfolio, sheet)

    assert result.teaching_observation == 0 and result.components["superior_assessment"] == 0
    assert outcome.decision.code == "MPLPG"
    assert "reason.no_superior_assessment" in [r.code for r in outcome.decision.reasons]
