"""Properties over generated portfolios (hypothesis): monotonicity, sums, the C cap,
determinism, the decision order, and agreement of the fast and slow validation paths.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from decimal import Decimal
from functools import cache

import msgspec
import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from sergur.rules import (
    CODES,
    PortfolioInvalid,
    ScoreResult,
    decode,
    load_year,
    problems_of,
    schema_text,
    score,
    score_json,
)
from sergur.rules.messages import LANGS
from sergur.rules.model import DECODER
from sergur.rules.tests.helpers import Doc, dumps, passing_doc
from sergur.rules.tests.strategies import (
    COMPONENT_OF_SECTION,
    ENTRY_STRATEGIES,
    PLANS_ALLOWED,
    RULES_SETTINGS,
    conditional_entries,
    mutated_docs,
    portfolio_docs,
    standing_docs,
)
from sergur.rules.validation import _extra_problems, _extra_rules_hold, convert

YEAR = load_year(2007)


def scored(document: Doc, *, explain: bool = False) -> ScoreResult:
    return score(decode(dumps(document)), YEAR, explain=explain)


@RULES_SETTINGS
@given(portfolio_docs())
def test_generated_documents_are_valid(document):
    assert problems_of(dumps(document)) == []


# -- adding an entry never lowers its component ----------------------------------------------
@RULES_SETTINGS
@given(document=portfolio_docs(), data=st.data())
def test_adding_an_entry_never_lowers_its_component(document, data):
    role = document["teacher"]["role"]
    addable = [
        name
        for name in ENTRY_STRATEGIES
        if name != "lesson_plans" or len(document.get(name, [])) < PLANS_ALLOWED[role]
    ]
    section = data.draw(st.sampled_from(addable))
    entry = data.draw(ENTRY_STRATEGIES[section])
    bigger = copy.deepcopy(document)
    if section in ("teaching_experience", "teaching_observation", "superior_assessment"):
        if section in bigger:
            return  # a single instrument: nothing to add
        bigger[section] = entry
    else:
        bigger.setdefault(section, []).append(entry)
    key = COMPONENT_OF_SECTION[section]
    before, after = scored(document), scored(bigger)
    assert after.components[key] >= before.components[key]
    for other in before.components:
        if other != key:
            assert after.components[other] == before.components[other]


# -- totals are the sums of their parts ------------------------------------------------------
@RULES_SETTINGS
@given(portfolio_docs())
def test_totals_are_the_sums_of_their_parts(document):
    result = scored(document, explain=True)
    c = result.components
    assert c["learning_plans_and_practice"] == result.lesson_plans + result.teaching_observation
    assert result.group_a == (
        c["qualification"] + c["teaching_experience"] + c["learning_plans_and_practice"]
    )
    assert result.group_b == (
        c["training"]
        + c["superior_assessment"]
        + c["academic_achievement"]
        + c["professional_works"]
    )
    assert result.group_c == c["scientific_forums"] + c["organization_experience"] + c["awards"]
    assert result.total == result.group_a + result.group_b + result.group_c_counted
    # entries -> components: the trace points add up to each component
    by_component: dict[str, Decimal] = {}
    for line in result.trace:
        by_component[line.component] = by_component.get(line.component, Decimal(0)) + Decimal(
            line.points
        )
    for key in c:
        if key == "learning_plans_and_practice":
            traced = by_component.get("lesson_plans", 0) + by_component.get(
                "teaching_observation", 0
            )
        else:
            traced = by_component.get(key, Decimal(0))
        assert traced == c[key], key


@RULES_SETTINGS
@given(st.one_of(portfolio_docs(), standing_docs()))
def test_group_c_counts_at_most_100(document):
    result = scored(document)
    assert result.group_c_counted == min(result.group_c, 100)
    assert result.group_c_counted <= 100
    assert result.total <= result.group_a + result.group_b + 100


@RULES_SETTINGS
@given(st.one_of(portfolio_docs(), standing_docs()), st.sampled_from(LANGS))
def test_scoring_is_deterministic(document, lang):
    text = dumps(document)
    first, second = score(decode(text), YEAR, explain=True), score(decode(text), YEAR, explain=True)
    assert first == second
    assert score_json(first, lang, explain=True) == score_json(second, lang, explain=True)
    assert scored(document).decision == first.decision


# -- the decision ----------------------------------------------------------------------------
def spec_decision(result: ScoreResult, document: Doc) -> str:
    """docs/sources/decisions.md "Order of the rules" with the 2007 values, written from the
    spec."""
    review = document.get("review", {})
    special = document["teacher"].get("special_area", False)
    parts = (
        result.components["qualification"],
        result.components["teaching_experience"],
        result.lesson_plans,
        result.teaching_observation,
    )
    groups_hold = (
        result.group_a >= 300
        and all(part > 0 for part in parts)
        and result.group_b >= (150 if special else 200)
        and result.group_c > 0
        # the corrected spec: every main component is present, training too
        and result.components["training"] > 0
    )
    if review.get("fraud_found"):
        return "D"
    if review.get("doubtful_evidence"):
        return "K"
    if "superior_assessment" not in document:
        return "MPLPG"
    if result.total >= 850 and groups_hold:
        return "MA" if review.get("administrative_defects") else "L"
    if result.total >= 825:
        return "MS"
    return "MPLPG"


@RULES_SETTINGS
@given(st.one_of(portfolio_docs(), standing_docs()))
def test_the_decision_follows_the_order_of_decisions_md(document):
    result = scored(document)
    assert result.decision.code in CODES
    assert result.decision.code == spec_decision(result, document)
    assert (result.decision.reasons == ()) is (result.decision.code == "L")
    doubtful = document.get("review", {}).get("doubtful_evidence", [])
    reasons = [r.code for r in result.decision.reasons]
    assert reasons.count("reason.doubtful") == len(doubtful)
    for reason in result.decision.reasons:
        for lang in LANGS:
            assert reason.text(lang)


# -- the fast and the slow validation paths agree --------------------------------------------
@cache
def schema_validator() -> Draft202012Validator:
    return Draft202012Validator(json.loads(schema_text()))


def fast_accepts(text: str) -> bool:
    """The msgspec decoder plus the rules beyond JSON Schema."""
    try:
        portfolio = DECODER.decode(text)
    except (msgspec.ValidationError, msgspec.DecodeError):
        return False
    return _extra_rules_hold(portfolio)


def slow_accepts(document: object) -> bool:
    """JSON Schema plus the same rules over the raw data."""
    if next(schema_validator().iter_errors(document), None) is not None:
        return False
    return not list(_extra_problems(document))


@RULES_SETTINGS
@given(mutated_docs())
def test_the_fast_and_slow_validation_paths_agree(document):
    text = dumps(document)
    found = problems_of(text)
    fast = fast_accepts(text)
    assert (found == []) is fast
    assert slow_accepts(document) is fast
    if fast:
        decode(text)
    else:
        with pytest.raises(PortfolioInvalid):
            decode(text)
    for problem in found:
        for lang in LANGS:
            assert problem.text(lang).strip()


def _portfolio_or_problems(read: Callable[[], object]) -> object:
    try:
        return read()
    except PortfolioInvalid as invalid:
        return invalid.problems


@RULES_SETTINGS
@given(st.one_of(portfolio_docs(), mutated_docs()))
def test_converting_a_document_is_decoding_its_json_text(document):
    """`convert` (the batch's shortcut past the JSON text) accepts what `decode` accepts,
    gives the same portfolio, and refuses the rest with the same problems."""
    assert _portfolio_or_problems(lambda: convert(document)) == _portfolio_or_problems(
        lambda: decode(dumps(document))
    )


@pytest.mark.parametrize(
    "entries",
    [
        pytest.param({"trainings": [{"hours": 40, "level": "x", "relevant": True}]}, id="schema"),
        pytest.param(
            {"forums": [{"level": "national", "role": "speaker", "evidence": ["8.a"]}] * 2},
            id="a-code-reused",
        ),
    ],
)
def test_converting_refuses_with_the_problems_of_decoding(entries):
    document = passing_doc(**entries)
    with pytest.raises(PortfolioInvalid) as converted:
        convert(document)
    with pytest.raises(PortfolioInvalid) as decoded_text:
        decode(dumps(document))
    assert converted.value.problems == decoded_text.value.problems


@RULES_SETTINGS
@given(portfolio_docs(max_entries=2), conditional_entries)
def test_the_paths_agree_on_conditional_requirements(document, conditional):
    section, entry, key = conditional
    del entry[key]
    document.setdefault(section, []).append(entry)
    text = dumps(document)
    assert not slow_accepts(document)
    assert not fast_accepts(text)
    index = len(document[section]) - 1
    assert (f"{section}[{index}].{key}", "error.required") in [
        (p.path, p.message.code) for p in problems_of(text)
    ]
