"""The scoring sheet's arithmetic: suggested lines, overrides with reasons, the outcome."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given

from sergur.rules import load_year
from sergur.rules.assessment import (
    PARTS,
    Facts,
    Override,
    SheetError,
    SheetReview,
    apply_overrides,
    mean_of_two,
    mean_parts,
    outcome,
    parts_of,
    sheet_lines,
    tally,
    tally_of,
    with_uploaded_plans,
)
from sergur.rules.tests.assessment.strategies import facts, parts_sets, reviews, years
from sergur.rules.tests.helpers import (
    S1_SUBJECT,
    doc,
    observation,
    plans,
    scored,
    superior,
)
from sergur.rules.tests.strategies import RULES_SETTINGS

YEAR = load_year(2007)
FACTS = Facts(special_area=False, superior_present=True)


def portfolio(**extra: Any) -> dict[str, Any]:
    return doc(
        qualifications=[S1_SUBJECT, S1_SUBJECT],
        trainings=[
            {"name": "KTSP", "hours": 40, "level": "province", "relevant": True, "year": 2006},
        ],
        teaching_experience={"years": 20},
        lesson_plans=plans(32, 32, 32, 32, 32),
        teaching_observation=observation(96),
        superior_assessment=superior(40),
        forums=[{"name": "Seminar", "year": 2005, "role": "speaker", "level": "national"}],
        **extra,
    )


def test_every_trace_line_becomes_a_line_with_a_stable_key():
    result = scored(portfolio(), explain=True)
    lines = sheet_lines(result)
    keys = [line.key for line in lines]
    assert len(keys) == len(set(keys))
    assert "qualifications[0]" in keys and "qualifications[1]" in keys
    assert {line.part for line in lines} <= set(PARTS)


def test_a_second_line_on_the_same_path_is_numbered():
    result = scored(doc(lesson_plans=plans(32, 32)), explain=True)
    keys = [line.key for line in sheet_lines(result)]
    assert "lesson_plans" in keys  # the missing plans (P1)


def test_instrument_lines_cannot_be_overridden():
    lines = sheet_lines(scored(portfolio(), explain=True))
    by_part = {line.part: line for line in lines}
    assert not by_part["lesson_plans"].overridable
    assert not by_part["teaching_observation"].overridable
    assert by_part["training"].overridable


def test_parts_add_up_to_the_components():
    result = scored(portfolio(), explain=True)
    parts = parts_of(result)
    assert (
        parts["lesson_plans"] + parts["teaching_observation"]
        == (result.components["learning_plans_and_practice"])
    )
    assert sum(parts.values()) - result.group_c + result.group_c_counted == result.total


def test_an_override_moves_its_part_by_the_difference():
    result = scored(portfolio(), explain=True)
    lines = sheet_lines(result)
    parts = parts_of(result)
    training = next(line for line in lines if line.part == "training")
    moved = apply_overrides(
        lines, parts, {training.key: Override(points=0, reason="Not relevant to the subject")}
    )
    assert moved["training"] == parts["training"] - training.suggested
    assert moved["qualification"] == parts["qualification"]


def test_a_confirmed_line_needs_no_reason():
    result = scored(portfolio(), explain=True)
    lines = sheet_lines(result)
    line = lines[0]
    same = apply_overrides(lines, parts_of(result), {line.key: Override(line.suggested, "")})
    assert same == parts_of(result)


def test_a_part_never_falls_below_zero():
    lines = sheet_lines(scored(portfolio(), explain=True))
    line = next(line for line in lines if line.part == "training")
    parts = {**parts_of(scored(portfolio(), explain=True)), "training": 1}
    assert apply_overrides(lines, parts, {line.key: Override(0, "none")})["training"] == 0


@pytest.mark.parametrize(
    ("key", "override", "code"),
    [
        ("nowhere[3]", Override(1, "x"), "sheet.unknown_line"),
        ("lesson_plans[0]", Override(1, "x"), "sheet.not_overridable"),
        ("trainings[0]", Override(-1, "x"), "sheet.negative"),
        ("trainings[0]", Override(3, "  "), "sheet.reason_missing"),
        ("teaching_experience", Override(161, "x"), "sheet.above_maximum"),
    ],
)
def test_an_override_the_sheet_cannot_take_says_which_line(key, override, code):
    result = scored(portfolio(), explain=True)
    with pytest.raises(SheetError) as error:
        apply_overrides(sheet_lines(result), parts_of(result), {key: override})
    assert error.value.message.code == code
    assert key in error.value.message.text("id")


def test_the_outcome_decides_like_the_scorer():
    result = scored(portfolio(), explain=True)
    decided = outcome(parts_of(result), FACTS, SheetReview(), YEAR)
    assert decided.total == result.total
    assert decided.decision.code == result.decision.code
    assert decided.components == result.components


def test_findings_change_the_decision():
    parts = parts_of(scored(portfolio(), explain=True))
    assert outcome(parts, FACTS, SheetReview(fraud_found=True), YEAR).decision.code == "D"
    doubtful = SheetReview(doubtful_evidence=("1.a",))
    assert outcome(parts, FACTS, doubtful, YEAR).decision.code == "K"
    missing = Facts(special_area=False, superior_present=False)
    assert outcome(parts, missing, SheetReview(), YEAR).decision.code == "MPLPG"


def test_group_c_is_capped_in_the_total():
    parts = {part: 0 for part in PARTS} | {"scientific_forums": 150}
    decided = outcome(parts, FACTS, SheetReview(), YEAR)
    assert (decided.group_c, decided.group_c_counted, decided.total) == (150, 100, 100)


def test_reviews_unite_without_repeats():
    first = SheetReview(administrative_defects=("no stamp",), doubtful_evidence=("2.c",))
    second = SheetReview(administrative_defects=("no stamp", "no photo", ""), fraud_found=True)
    both = first.union(second)
    assert both.administrative_defects == ("no stamp", "no photo")
    assert both.doubtful_evidence == ("2.c",) and both.fraud_found


@pytest.mark.parametrize("fraud", [(False, False), (True, False), (False, True)])
def test_reviews_with_nothing_listed_unite_to_nothing_listed(fraud):
    first, second = (SheetReview(fraud_found=f) for f in fraud)
    assert first.union(second) == SheetReview(fraud_found=any(fraud))


@RULES_SETTINGS
@given(first=reviews, second=reviews)
def test_reviews_unite_in_the_order_first_recorded_without_repeats(first, second):
    both = first.union(second)
    defects = (*first.administrative_defects, *second.administrative_defects)
    doubtful = (*first.doubtful_evidence, *second.doubtful_evidence)
    assert both.administrative_defects == tuple(dict.fromkeys(d for d in defects if d))
    assert both.doubtful_evidence == tuple(dict.fromkeys(c for c in doubtful if c))
    assert both.fraud_found == (first.fraud_found or second.fraud_found)


def test_the_mean_is_exact_and_whole_numbers_stay_whole():
    a = {part: 10 for part in PARTS}
    b = {part: 11 for part in PARTS} | {"training": 10}
    mean = mean_parts(a, b)
    assert mean["qualification"] == Decimal("10.5")
    assert mean["training"] == 10 and isinstance(mean["training"], int)


def _written(parts):
    """Each part as stored (its text) with its type: a mean must not merely be equal."""
    return {part: (type(value), str(value)) for part, value in parts.items()}


@RULES_SETTINGS
@given(a=parts_sets, b=parts_sets)
def test_the_mean_of_two_is_mean_parts_written_the_same_way(a, b):
    assert _written(mean_of_two(a, b)) == _written(mean_parts(a, b))


@RULES_SETTINGS
@given(parts=parts_sets, facts=facts, review=reviews, year=years)
def test_a_tally_is_the_outcome_without_its_reasons(parts, facts, review, year):
    whole = outcome(parts, facts, review, year)

    quick = tally(parts, facts, review, year)

    assert quick == tally_of(whole)
    assert _written(quick.parts) == _written(whole.parts)
    assert (type(quick.total), str(quick.total)) == (type(whole.total), str(whole.total))


def test_a_tally_keeps_the_parts_in_the_instrument_order_and_nothing_else():
    parts = {**{part: 1 for part in reversed(PARTS)}, "extra": 5}
    assert tuple(tally(parts, FACTS, SheetReview(), YEAR).parts) == PARTS


def _plans_line(scored_plans: int, uploaded: int) -> str:
    """The lesson-plan line of the trace of a portfolio with `scored_plans` scored plans, as
    the sheet shows it when `uploaded` plans are in the portfolio."""
    document = doc(lesson_plans=plans(*([24] * scored_plans)))
    lines = with_uploaded_plans(sheet_lines(scored(document, explain=True)), uploaded)
    texts = [line.rule.text("en") for line in lines if line.key == "lesson_plans"]
    return texts[0] if texts else ""


def test_uploaded_plans_not_yet_scored_are_not_called_missing() -> None:
    assert _plans_line(0, 5) == "5 of 5 required plans uploaded, not yet scored: 0 until scored"
    assert _plans_line(2, 5) == "3 of 5 required plans uploaded, not yet scored: 0 until scored"
    assert _plans_line(0, 3) == (
        "3 of 5 required plans uploaded, not yet scored; 2 missing: 0 each"
    )
    assert _plans_line(0, 0) == "5 of 5 required plans missing: 0 each"
    assert _plans_line(5, 5) == ""  # every plan scored: no such line
