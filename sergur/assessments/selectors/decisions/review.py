"""The joint review as its page lays it out: both blind sheets side by side, the working
score with its corrections, and the third assessor's status."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sergur.assessments.models import (
    Allocation,
    Correction,
    FindingCorrection,
    Reconciliation,
    Sheet,
)
from sergur.assessments.selectors import (
    facts_of,
    parts_from_json,
    sheet_overrides,
    sheet_review,
    sheet_score,
)
from sergur.common.i18n import rules_lang
from sergur.portfolios.selectors import portfolio_read, rules_year
from sergur.rules.assessment import Outcome, SheetReview, outcome, sheet_lines
from sergur.rules.assessment.sheet import PARTS
from sergur.rules.messages import DECISIONS, component_names

BLIND_SLOTS = (Allocation.Slot.FIRST, Allocation.Slot.SECOND)


def _blind_sheets(reconciliation: Reconciliation) -> list[Sheet]:
    return list(
        Sheet.objects.filter(
            allocation__case_id=reconciliation.case_id,
            allocation__round=reconciliation.round,
            allocation__active=True,
            allocation__slot__in=BLIND_SLOTS,
            submitted_at__isnull=False,
        )
        .select_related("allocation")
        .order_by("allocation__slot")
    )


def _review_of(sheets: list[Sheet]) -> SheetReview:
    review = SheetReview()
    for sheet in sheets:
        review = review.union(sheet_review(sheet))
    return review


def _corrected(review: SheetReview, corrections: list[FindingCorrection]) -> SheetReview:
    defects = review.administrative_defects
    doubtful = review.doubtful_evidence
    fraud = review.fraud_found
    for correction in corrections:
        if correction.finding == FindingCorrection.Finding.DEFECTS:
            defects = tuple(str(item) for item in correction.after)
        elif correction.finding == FindingCorrection.Finding.DOUBTFUL:
            doubtful = tuple(str(item) for item in correction.after)
        else:
            fraud = bool(correction.after)
    return SheetReview(
        administrative_defects=defects, doubtful_evidence=doubtful, fraud_found=fraud
    )


def working_review(reconciliation: Reconciliation) -> SheetReview:
    """The findings under review: both assessors' findings, then the corrections in order
    (two queries)."""
    return _corrected(
        _review_of(_blind_sheets(reconciliation)),
        list(reconciliation.finding_corrections.order_by("at", "pk")),
    )


@dataclass(frozen=True)
class OverrideLine:
    """A line one assessor scored differently from the suggestion, and why."""

    slot: int
    key: str
    suggested: Any
    points: Any
    reason: str


@dataclass(frozen=True)
class PartRow:
    """One of the eleven parts: both assessors, the working value, their overridden lines."""

    part: str
    name: str
    first: Any
    second: Any
    working: Any
    lines: list[OverrideLine]

    @property
    def differs(self) -> bool:
        """Whether the two assessors scored this part differently."""
        return bool(self.first != self.second)


@dataclass(frozen=True)
class SheetSide:
    """One blind sheet's total, code and findings (no assessor identity)."""

    slot: int
    total: Decimal | None
    code: str
    review: SheetReview


@dataclass(frozen=True)
class ReconciliationPage:
    """Everything the joint review page shows."""

    reconciliation: Reconciliation
    reasons: list[str]
    rows: list[PartRow]
    sides: list[SheetSide]
    review: SheetReview
    working: Outcome | None
    corrections: list[Correction]
    finding_corrections: list[FindingCorrection]
    third_status: str  # "" (joint), "waiting" (allocated, not submitted), "missing"

    @property
    def decision_name(self) -> str:
        """The working decision's code name in the reader's language."""
        if self.working is None:
            return ""
        return DECISIONS[self.working.decision.code][rules_lang()]


def _third_status(reconciliation: Reconciliation) -> str:
    sheet = Sheet.objects.filter(
        allocation__case_id=reconciliation.case_id,
        allocation__round=reconciliation.round,
        allocation__active=True,
        allocation__slot=Allocation.Slot.THIRD,
    ).first()
    if sheet is None:
        return "missing"
    return "submitted" if sheet.submitted else "waiting"


def reconciliation_page(reconciliation: Reconciliation) -> ReconciliationPage:
    """The joint review as the page lays it out: the two sheets side by side per part and per
    overridden line (with the assessors' reasons), the working parts and findings, the
    corrections so far. In "third" mode only where the third assessor stands."""
    lang = rules_lang()
    reasons = [str(r) for r in reconciliation.reasons.get(lang, [])]
    if reconciliation.mode == Reconciliation.Mode.THIRD:
        return ReconciliationPage(
            reconciliation=reconciliation,
            reasons=reasons,
            rows=[],
            sides=[],
            review=SheetReview(),
            working=None,
            corrections=[],
            finding_corrections=[],
            third_status=_third_status(reconciliation),
        )
    case = reconciliation.case
    sheets = _blind_sheets(reconciliation)
    by_slot = {sheet.allocation.slot: sheet for sheet in sheets}
    portfolio = portfolio_read(case=case)
    suggested: dict[str, tuple[str, Any]] = {}
    if sheets:
        lines = sheet_lines(sheet_score(portfolio, sheets[0]))
        suggested = {line.key: (line.part, line.suggested) for line in lines}
    overridden: dict[str, list[OverrideLine]] = {}
    for sheet in sheets:
        for key, override in sorted(sheet_overrides(sheet).items()):
            part, points = suggested.get(key, ("", None))
            overridden.setdefault(part, []).append(
                OverrideLine(
                    slot=sheet.allocation.slot,
                    key=key,
                    suggested=points,
                    points=override.points,
                    reason=override.reason,
                )
            )
    working_parts = parts_from_json(reconciliation.parts)
    first = parts_from_json(by_slot[1].parts) if 1 in by_slot else {}
    second = parts_from_json(by_slot[2].parts) if 2 in by_slot else {}
    rows = [
        PartRow(
            part=part,
            name=component_names(portfolio.role)[part][lang],
            first=first.get(part),
            second=second.get(part),
            working=working_parts[part],
            lines=overridden.get(part, []),
        )
        for part in PARTS
    ]
    finding_corrections = list(
        reconciliation.finding_corrections.select_related("by").order_by("at", "pk")
    )
    review = _corrected(_review_of(sheets), finding_corrections)
    working = outcome(working_parts, facts_of(portfolio), review, rules_year(case))
    return ReconciliationPage(
        reconciliation=reconciliation,
        reasons=reasons,
        rows=rows,
        sides=[
            SheetSide(
                slot=sheet.allocation.slot,
                total=sheet.total,
                code=sheet.code,
                review=sheet_review(sheet),
            )
            for sheet in sheets
        ],
        review=review,
        working=working,
        corrections=list(reconciliation.corrections.select_related("by").order_by("at", "pk")),
        finding_corrections=finding_corrections,
        third_status="",
    )
