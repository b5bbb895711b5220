"""Two blind assessments: agreement within the tolerance, reconciliation otherwise."""

from __future__ import annotations

from decimal import Decimal

import msgspec
from hypothesis import given
from hypothesis import strategies as st

from sergur.rules import load_year
from sergur.rules.assessment import (
    PARTS,
    Facts,
    Scored,
    SheetReview,
    assessment_params,
    compare,
    compare_tallies,
    final_of_two,
    final_with_third,
    outcome,
    tally_of,
)
from sergur.rules.assessment.reconcile import closer_to, distance
from sergur.rules.tests.assessment.strategies import facts, parts_sets, reviews, threshold, years
from sergur.rules.tests.strategies import RULES_SETTINGS

YEAR = load_year(2007)
PARAMS = assessment_params(2007)
FACTS = Facts(special_area=False, superior_present=True)

# A passing portfolio (every group rule holds): A 614, B 260, C 80 → 954.
BASE = {
    "qualification": 325,
    "training": 120,
    "teaching_experience": 160,
    "lesson_plans": 33,
    "teaching_observation": 96,
    "superior_assessment": 40,
    "academic_achievement": 60,
    "professional_works": 40,
    "scientific_forums": 40,
    "organization_experience": 20,
    "awards": 20,
}


def scored_with(review: SheetReview | None = None, **changes: int) -> Scored:
    review = review or SheetReview()
    parts = {**BASE, **changes}
    assert set(parts) == set(PARTS)
    return Scored(outcome(parts, FACTS, review, YEAR), review)


def test_close_totals_with_the_same_decision_agree():
    a, b = scored_with(), scored_with(training=100)
    comparison = compare(a.outcome, b.outcome, PARAMS)
    assert not comparison.needs_reconciliation
    assert comparison.difference == 20 and comparison.reasons == ()


def test_totals_beyond_the_tolerance_need_reconciliation():
    a, b = scored_with(), scored_with(training=60, awards=0)
    comparison = compare(a.outcome, b.outcome, PARAMS)
    assert comparison.needs_reconciliation
    assert [r.code for r in comparison.reasons] == ["reconcile.total_difference"]
    assert "80" in comparison.reasons[0].text("en")


def test_different_decisions_need_reconciliation_even_when_close():
    a = scored_with()
    b = scored_with(SheetReview(administrative_defects=("no stamp",)))
    comparison = compare(a.outcome, b.outcome, PARAMS)
    assert comparison.needs_reconciliation
    assert [r.code for r in comparison.reasons] == ["reconcile.decision_difference"]
    assert "L" in comparison.reasons[0].text("id") and "MA" in comparison.reasons[0].text("id")


def test_the_final_of_two_is_the_exact_mean_decided_again():
    a = scored_with(SheetReview(administrative_defects=("no stamp",)))
    b = scored_with(SheetReview(administrative_defects=("no photo",)), training=101)
    final = final_of_two(a, b, FACTS, YEAR)
    assert final.parts["training"] == Decimal("110.5")
    assert final.total == (a.outcome.total + b.outcome.total) / 2
    assert final.decision.code == "MA"
    assert len([r for r in final.decision.reasons if r.code == "reason.defect"]) == 2


def test_a_third_assessor_settles_with_the_closer_of_the_two():
    a, b = scored_with(), scored_with(training=20)
    third = scored_with(training=110)
    assert closer_to(third.outcome, a, b) is a
    final = final_with_third(a, b, third, FACTS, YEAR)
    assert final.parts["training"] == 115
    low = scored_with(training=30)
    assert closer_to(low.outcome, a, b) is b


def test_a_tie_goes_to_the_first_assessor():
    a, b = scored_with(training=100), scored_with(training=120)
    assert closer_to(scored_with(training=110).outcome, a, b) is a


def test_distance_is_symmetric():
    assert distance(3, Decimal("4.5")) == Decimal("1.5") == distance(Decimal("4.5"), 3)


@RULES_SETTINGS
@given(
    a=parts_sets,
    b=parts_sets,
    facts=facts,
    reviews=st.tuples(reviews, reviews),
    year=years,
    tolerance=threshold,
)
def test_tallied_sheets_compare_as_their_outcomes(a, b, facts, reviews, year, tolerance):
    params = msgspec.structs.replace(PARAMS, tolerance=tolerance)
    first, second = (outcome(p, facts, r, year) for p, r in zip((a, b), reviews, strict=True))

    assert compare_tallies(tally_of(first), tally_of(second), params) == compare(
        first, second, params
    )
