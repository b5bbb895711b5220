"""Reads of the assessment: who is an assessor, what an assessor's sheet scores, and the
conversions between stored JSON and the rules core's exact points. Every rule is the rules
core's (`sergur.rules.assessment`); this module only feeds it stored data."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from django.conf import settings

from sergur.assessments.models import Allocation, Result, Sheet
from sergur.cases.models import Case
from sergur.portfolios.selectors import Portfolio, portfolio_document, rules_year
from sergur.rules import ScoreResult, score
from sergur.rules.assessment import (
    AssessmentParams,
    Facts,
    Outcome,
    Override,
    SheetReview,
    apply_overrides,
    assessment_params,
    outcome,
    parts_of,
    sheet_lines,
)
from sergur.rules.assessment.sheet import PARTS, Points
from sergur.rules.decisions import Decision
from sergur.rules.instruments import RPP, sheet_practice
from sergur.rules.rubric import REQUIRED_PLANS
from sergur.rules.validation import decode

PLANS_REQUIRED = REQUIRED_PLANS  # the lesson plans a sheet scores, by role (the rubric's)


# -- exact points in JSON ------------------------------------------------------------------------


def points_from(value: Any) -> Points:
    """A stored point value (text or number) as the rules core's exact number."""
    number = Decimal(str(value))
    return int(number) if number == number.to_integral_value() else number


def parts_to_json(parts: dict[str, Points]) -> dict[str, str]:
    """The eleven parts as exact text."""
    return {part: str(parts[part]) for part in PARTS}


def parts_from_json(data: dict[str, Any]) -> dict[str, Points]:
    """Stored parts back to exact points (a missing part counts 0)."""
    return {part: points_from(data.get(part, 0)) for part in PARTS}


def review_to_json(review: SheetReview) -> dict[str, Any]:
    """A review as stored on a result."""
    return {
        "administrative_defects": list(review.administrative_defects),
        "doubtful_evidence": list(review.doubtful_evidence),
        "fraud_found": review.fraud_found,
    }


def review_from_json(data: dict[str, Any]) -> SheetReview:
    """A stored review back to the rules core's."""
    return SheetReview(
        administrative_defects=tuple(data.get("administrative_defects", ())),
        doubtful_evidence=tuple(data.get("doubtful_evidence", ())),
        fraud_found=bool(data.get("fraud_found", False)),
    )


def reasons_json(decision: Decision) -> dict[str, list[str]]:
    """Every reason of a decision in both languages, as stored on a result."""
    return {lang: [reason.text(lang) for reason in decision.reasons] for lang in ("id", "en")}


# -- programme-year parameters ---------------------------------------------------------------


def params_for(case: Case) -> AssessmentParams:
    """The assessment parameters of the case's programme year."""
    return assessment_params(case.programme_year.year, tuple(settings.SERGUR_YEARS_DIRS))


# -- who assesses ----------------------------------------------------------------------------


def round_sheets(case: Case, round: int) -> list[Sheet]:
    """The sheets of the active allocations of a round, by slot (one query)."""
    return list(
        Sheet.objects.filter(
            allocation__case=case, allocation__round=round, allocation__active=True
        )
        .select_related("allocation", "allocation__assessor", "allocation__assessor__user")
        .order_by("allocation__slot")
    )


def both_submitted(case: Case, round: int) -> bool:
    """Whether the two blind assessors of a round (slots 1 and 2) have both submitted: only
    then may either see the other's sheet."""
    return (
        Allocation.objects.filter(
            case=case,
            round=round,
            active=True,
            slot__in=(Allocation.Slot.FIRST, Allocation.Slot.SECOND),
            sheet__submitted_at__isnull=False,
        ).count()
        == 2
    )


def current_result(case: Case) -> Result | None:
    """The case's current decision, published or not."""
    return case.results.filter(current=True).first()


# -- what a sheet scores ---------------------------------------------------------------------


def plan_rows(sheet: Sheet, role: str) -> list[list[int | None]]:
    """The sheet's lesson-plan item scores: one row of RPP.size items per required plan."""
    size = RPP.size
    rows: list[list[int | None]] = []
    stored = sheet.plan_items if isinstance(sheet.plan_items, list) else []
    for index in range(PLANS_REQUIRED[role]):
        row = stored[index] if index < len(stored) and isinstance(stored[index], list) else []
        rows.append(
            [row[i] if i < len(row) and isinstance(row[i], int) else None for i in range(size)]
        )
    return rows


def practice_row(sheet: Sheet, role: str) -> list[int | None]:
    """The sheet's 4b practice item scores: the counsellor's form (24 items, None = not
    scored yet); no items for a subject teacher, whose 4b is the envelope's."""
    form = sheet_practice(role)
    if form is None:
        return []
    stored = sheet.practice_items if isinstance(sheet.practice_items, list) else []
    return [
        stored[i] if i < len(stored) and isinstance(stored[i], int) else None
        for i in range(form.size)
    ]


def sheet_document(portfolio: Portfolio, sheet: Sheet) -> dict[str, Any]:
    """The portfolio file as this assessor scores it: the declared entries, the closed
    envelope, the lesson plans the assessor has scored completely and, for a counsellor, the
    4b practice form once the assessor has scored all of it."""
    document = portfolio_document(portfolio, include_envelope=True)
    plans = [
        {"items": row}
        for row in plan_rows(sheet, portfolio.role)
        if all(isinstance(item, int) for item in row)
    ]
    if plans:
        document["lesson_plans"] = plans
    practice = practice_row(sheet, portfolio.role)
    if practice and all(isinstance(item, int) for item in practice):
        document["teaching_observation"] = {"items": practice}
    return document


def sheet_score(portfolio: Portfolio, sheet: Sheet) -> ScoreResult:
    """The rules core's suggestion for this sheet (with the trace: one line per entry)."""
    document = sheet_document(portfolio, sheet)
    return score(decode(json.dumps(document)), rules_year(portfolio.case), explain=True)


def sheet_overrides(sheet: Sheet) -> dict[str, Override]:
    """The assessor's overridden lines."""
    stored = sheet.overrides if isinstance(sheet.overrides, dict) else {}
    return {
        key: Override(
            points=points_from(value.get("points", 0)), reason=str(value.get("reason", ""))
        )
        for key, value in stored.items()
        if isinstance(value, dict)
    }


def sheet_review(sheet: Sheet) -> SheetReview:
    """What the assessor recorded beyond points."""
    return SheetReview(
        administrative_defects=tuple(
            str(d) for d in sheet.administrative_defects if str(d).strip()
        ),
        doubtful_evidence=tuple(str(c) for c in sheet.doubtful_evidence if str(c).strip()),
        fraud_found=sheet.fraud_found,
    )


def facts_of(portfolio: Portfolio) -> Facts:
    """The special-area flag and whether component 5 is present: the envelope filled and
    confirmed by both (seed 003: "harus diisi oleh keduanya dalam satu format instrumen")."""
    envelope = portfolio.envelope
    return Facts(
        special_area=portfolio.case.teacher.special_area,
        superior_present=envelope is not None and envelope.complete,
        role=portfolio.role,
    )


def sheet_outcome(portfolio: Portfolio, sheet: Sheet) -> tuple[ScoreResult, Outcome]:
    """The suggestion and the sheet's outcome after the assessor's overrides and findings.
    Raises SheetError when an override cannot be taken."""
    result = sheet_score(portfolio, sheet)
    parts = apply_overrides(sheet_lines(result), parts_of(result), sheet_overrides(sheet))
    return result, outcome(
        parts, facts_of(portfolio), sheet_review(sheet), rules_year(portfolio.case)
    )


def stored_outcome(sheet: Sheet, facts: Facts, case: Case) -> Outcome:
    """A submitted sheet's outcome from its stored parts (no re-scoring)."""
    return outcome(parts_from_json(sheet.parts), facts, sheet_review(sheet), rules_year(case))
