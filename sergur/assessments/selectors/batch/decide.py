"""The decision of a re-score, and the per-case path (docs/batch.md): `rescore_decide` (whole
outcomes, the per-case path) and `rescore_decide_tallied` (tallies, the fast path) compare a
case's two re-scored sheets and take the final, both with the rules core's functions;
`case_rescore_read` re-scores one case with the web's own code (`portfolio_read`,
`sheet_outcome`)."""

from __future__ import annotations

from decimal import Decimal

from msgspec import Struct

from sergur.assessments.models import Result
from sergur.assessments.selectors import facts_of, round_sheets, sheet_outcome, sheet_review
from sergur.assessments.selectors.batch.scope import BLIND_SLOTS
from sergur.cases.models import Case
from sergur.portfolios.selectors import portfolio_read
from sergur.rules import RulesYear
from sergur.rules.assessment import (
    AssessmentParams,
    Comparison,
    Facts,
    Outcome,
    Scored,
    SheetError,
    SheetReview,
    Tally,
    compare,
    compare_tallies,
    final_of_two,
    mean_of_two,
    outcome,
    tally,
    tally_of,
)
from sergur.rules.validation import PortfolioInvalid


class Decided(Struct, frozen=True, gc=False):
    """What a re-score concludes for one case.

    `tally` is the new final's parts, total and code (None when the sheets now need a
    reconciliation, or when a sheet cannot be scored: then `error` says why); `changed`
    whether the decision or the total differs from the current result; `final` the new final
    with every reason, only when it changed (it is then stored). `sheets` are the two
    re-scored sheets (their parts start a reconciliation)."""

    case_id: int
    round: int
    final: Outcome | None
    tally: Tally | None
    review: SheetReview
    comparison: Comparison | None
    changed: bool
    error: str = ""
    sheets: tuple[Tally, Tally] | None = None

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
    current result's. The per-case path: whole outcomes, every reason built."""
    a, b = sheets
    review = a.review.union(b.review)
    tallies = (tally_of(a.outcome), tally_of(b.outcome))
    comparison = compare(a.outcome, b.outcome, params)
    if comparison.needs_reconciliation:
        return Decided(case_id, round, None, None, review, comparison, True, sheets=tallies)
    final = final_of_two(a, b, facts, year)
    changed = final.decision.code != code or Decimal(final.total) != total
    return Decided(
        case_id,
        round,
        final if changed else None,
        tally_of(final),
        review,
        comparison,
        changed,
        sheets=tallies,
    )


def rescore_decide_tallied(
    *,
    case_id: int,
    round: int,
    sheets: tuple[tuple[Tally, SheetReview], tuple[Tally, SheetReview]],
    facts: Facts,
    params: AssessmentParams,
    year: RulesYear,
    code: str,
    total: Decimal,
) -> Decided:
    """`rescore_decide` from tallied sheets (the fast path): the same comparison and mean
    (`compare_tallies`, `mean_of_two`, `tally`), and the final's reasons built only when the
    decision changed and is stored (`outcome`)."""
    (a, review_a), (b, review_b) = sheets
    review = review_a.union(review_b)
    comparison = compare_tallies(a, b, params)
    if comparison.needs_reconciliation:
        return Decided(case_id, round, None, None, review, comparison, True, sheets=(a, b))
    parts = mean_of_two(a.parts, b.parts)
    final = tally(parts, facts, review, year)
    changed = final.code != code or Decimal(final.total) != total
    return Decided(
        case_id,
        round,
        outcome(parts, facts, review, year) if changed else None,
        final,
        review,
        comparison,
        changed,
        sheets=(a, b),
    )


def failed(case_id: int, round: int, error: str) -> Decided:
    return Decided(case_id, round, None, None, SheetReview(), None, changed=False, error=error)


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
