"""The joint review as its page lays it out: both blind sheets side by side, the working
score with its corrections, and the third assessor's status."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext

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
from sergur.assessments.selectors.sheets import line_names
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
    name: str
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
class CorrectionRow:
    """One entry of the corrections log in words: the part or finding, the line's evidence
    code, and the values before and after as an officer reads them."""

    at: Any
    by: Any
    what: str
    line: str
    before: str
    after: str
    reason: str


def _finding_value(value: object) -> str:
    """A finding's stored value in words: a list joined, fraud as yes/no, "—" for nothing."""
    if isinstance(value, bool):
        return str(gettext("Yes") if value else gettext("No"))
    if isinstance(value, list):
        return ", ".join(str(item) for item in value) or "—"
    return str(value) if value not in (None, "") else "—"


def _correction_rows(
    corrections: list[Correction],
    finding_corrections: list[FindingCorrection],
    part_names: dict[str, str],
    line_names: dict[str, str],
) -> list[CorrectionRow]:
    rows = [
        CorrectionRow(
            at=c.at,
            by=c.by,
            what=part_names.get(c.part, c.part),
            line=line_names.get(c.line, c.line),
            before=f"{c.before.normalize():f}",
            after=f"{c.after.normalize():f}",
            reason=c.reason,
        )
        for c in corrections
    ]
    rows.extend(
        CorrectionRow(
            at=c.at,
            by=c.by,
            what=str(c.get_finding_display()),
            line="",
            before=_finding_value(c.before),
            after=_finding_value(c.after),
            reason=c.reason,
        )
        for c in finding_corrections
    )
    return rows


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
    # The sheet's lines as (key, "2.a · Training") to pick a correction's line from.
    line_choices: list[tuple[str, str]] = field(default_factory=list)
    log: list[CorrectionRow] = field(default_factory=list)

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
    names: dict[str, str] = {}
    if sheets:
        lines = sheet_lines(sheet_score(portfolio, sheets[0]))
        suggested = {line.key: (line.part, line.suggested) for line in lines}
        names = line_names(portfolio, lines)
    overridden: dict[str, list[OverrideLine]] = {}
    for sheet in sheets:
        for key, override in sorted(sheet_overrides(sheet).items()):
            part, points = suggested.get(key, ("", None))
            overridden.setdefault(part, []).append(
                OverrideLine(
                    slot=sheet.allocation.slot,
                    key=key,
                    name=names.get(key, key),
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
    corrections = list(reconciliation.corrections.select_related("by").order_by("at", "pk"))
    part_names = {part: row.name for part, row in zip(PARTS, rows, strict=True)}
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
        corrections=corrections,
        finding_corrections=finding_corrections,
        third_status="",
        line_choices=list(names.items()),
        log=_correction_rows(corrections, finding_corrections, part_names, names),
    )
