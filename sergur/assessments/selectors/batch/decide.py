"""The decision of a re-score, and the per-case path (docs/batch.md): `rescore_decide` is the
one place that compares a case's two re-scored sheets and takes the final; `case_rescore_read`
re-scores one case with the web's own code (`portfolio_read`, `sheet_outcome`)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sergur.assessments.models import Result
from sergur.assessments.selectors import facts_of, round_sheets, sheet_outcome, sheet_review
from sergur.assessments.selectors.batch.scope import BLIND_SLOTS
from sergur.cases.models import Case
from sergur.portfolios.selectors import portfolio_read
from sergur.rules import ProgrammeYear as RulesYear
from sergur.rules.assessment import (
    AssessmentParams,
    Comparison,
    Facts,
    Outcome,
    Scored,
    SheetError,
    SheetReview,
    compare,
    final_of_two,
)
from sergur.rules.validation import PortfolioInvalid


@dataclass(frozen=True)
class Decided:
    """What a re-score concludes for one case.

    `final` is the new final (None when the sheets now need a reconciliation, or when a sheet
    cannot be scored: then `error` says why); `changed` whether the decision or the total
    differs from the current result."""

    case_id: int
    round: int
    final: Outcome | None
    review: SheetReview
    comparison: Comparison | None
    changed: bool
    error: str = ""
    sheets: tuple[Scored, Scored] | None = None

    @property
    def reconcile(self) -> bool:
        """The two sheets no longer agree under the current tolerance."""
        return self.comparison is not None and self.comparison.needs_reconciliation


def rescore_decide(
    *,
    case_id: int,
    round: int,
    sheets: tuple[Scored, Scored],
    facts: Facts,
    params: AssessmentParams,
    year: RulesYear,
    code: str,
    total: Decimal,
) -> Decided:
    """Compare the two re-scored blind sheets with the current tolerance and take the mean
    (rules.assessment.final_of_two), as `round_conclude` does; `code` and `total` are the
    current result's."""
    a, b = sheets
    review = a.review.union(b.review)
    comparison = compare(a.outcome, b.outcome, params)
    if comparison.needs_reconciliation:
        return Decided(case_id, round, None, review, comparison, changed=True, sheets=sheets)
    final = final_of_two(a, b, facts, year)
    changed = final.decision.code != code or Decimal(final.total) != total
    return Decided(case_id, round, final, review, comparison, changed=changed, sheets=sheets)


def failed(case_id: int, round: int, error: str) -> Decided:
    return Decided(case_id, round, None, SheetReview(), None, changed=False, error=error)


# -- the per-case path -------------------------------------------------------------------------


def case_rescore_read(
    *, case: Case, params: AssessmentParams, year: RulesYear, result: Result
) -> Decided:
    """Re-score one case with the web's code: `portfolio_read` and `sheet_outcome`."""
    sheets = {s.allocation.slot: s for s in round_sheets(case, result.round) if s.submitted}
    if any(slot not in sheets for slot in BLIND_SLOTS):
        return failed(case.pk, result.round, "a blind sheet is missing")
    portfolio = portfolio_read(case=case)
    scored = []
    for slot in BLIND_SLOTS:
        sheet = sheets[slot]
        try:
            _, sheet_result = sheet_outcome(portfolio, sheet)
        except (SheetError, PortfolioInvalid) as error:
            return failed(case.pk, result.round, f"sheet {slot}: {error}")
        scored.append(Scored(sheet_result, sheet_review(sheet)))
    return rescore_decide(
        case_id=case.pk,
        round=result.round,
        sheets=(scored[0], scored[1]),
        facts=facts_of(portfolio),
        params=params,
        year=year,
        code=result.code,
        total=result.total,
    )
