"""Combining two blind assessments (docs/sources/domain.md §2): when their totals differ by more
than the programme year's tolerance, or their decisions differ, the portfolio goes to
reconciliation; otherwise the final score is the mean of the two, part by part, decided again.

Reconciliation is either a joint review (the corrected parts are the new final) or a third
assessor (the final is the mean of the third and whichever of the first two is closer to it).
"""

from __future__ import annotations

from msgspec import Struct

from sergur.rules.assessment.params import AssessmentParams
from sergur.rules.assessment.sheet import (
    Facts,
    Outcome,
    Points,
    SheetReview,
    Tally,
    mean_parts,
    outcome,
)
from sergur.rules.messages import Message, msg
from sergur.rules.programme import RulesYear


def distance(x: Points, y: Points) -> Points:
    """How far apart two totals are."""
    return x - y if x >= y else y - x


class Comparison(Struct, frozen=True, gc=False):
    """Whether two assessments agree, and if not, every reason they do not."""

    difference: Points  # |total a - total b|
    needs_reconciliation: bool
    reasons: tuple[Message, ...]


class Scored(Struct, frozen=True, gc=False):
    """One submitted sheet: its outcome and its review."""

    outcome: Outcome
    review: SheetReview


def compare(a: Outcome, b: Outcome, params: AssessmentParams) -> Comparison:
    """Do the two assessments agree within the programme year's tolerance?"""
    return _compare(a.total, a.decision.code, b.total, b.decision.code, params)


def compare_tallies(a: Tally, b: Tally, params: AssessmentParams) -> Comparison:
    """`compare` of two tallied sheets (the same rule, from their totals and codes)."""
    return _compare(a.total, a.code, b.total, b.code, params)


def _compare(
    total_a: Points, code_a: str, total_b: Points, code_b: str, params: AssessmentParams
) -> Comparison:
    difference = distance(total_a, total_b)
    reasons: list[Message] = []
    if difference > params.tolerance:
        reasons.append(
            msg("reconcile.total_difference", difference=difference, tolerance=params.tolerance)
        )
    if code_a != code_b:
        reasons.append(msg("reconcile.decision_difference", first=code_a, second=code_b))
    return Comparison(difference, bool(reasons), tuple(reasons))


def final_of_two(a: Scored, b: Scored, facts: Facts, year: RulesYear) -> Outcome:
    """The final score of two agreeing assessments: the mean of their parts, decided again
    with both assessors' findings."""
    parts = mean_parts(a.outcome.parts, b.outcome.parts)
    return outcome(parts, facts, a.review.union(b.review), year)


def closer_to(third: Outcome, a: Scored, b: Scored) -> Scored:
    """Which of the first two assessments is closer to the third by total (a on a tie)."""
    near_a = distance(a.outcome.total, third.total)
    return a if near_a <= distance(b.outcome.total, third.total) else b


def final_with_third(a: Scored, b: Scored, third: Scored, facts: Facts, year: RulesYear) -> Outcome:
    """The final score after a third assessment: the mean of the third and the closer of the
    first two, with the findings of both."""
    partner = closer_to(third.outcome, a, b)
    return final_of_two(third, partner, facts, year)
