"""score_json(): the `sergur.score/1` object, its rounding, and the --explain trace."""

from __future__ import annotations

import json
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from sergur.rules import Lang, score_json
from sergur.rules.messages import INTERPRETATIONS, LANGS
from sergur.rules.report import as_number, invalid_json
from sergur.rules.tests.helpers import (
    doc,
    group_doc,
    observation,
    organizations_worth,
    passing_doc,
    plans,
    scored,
    superior,
    teacher,
    works_worth,
)
from sergur.rules.tests.test_scoring import WORKED_EXAMPLE


@cache
def result_validator() -> Draft202012Validator:
    text = (
        resources.files("sergur.rules")
        .joinpath("schema/score-result.schema.json")
        .read_text(encoding="utf-8")
    )
    return Draft202012Validator(json.loads(text))


def valid(out: dict[str, Any]) -> dict[str, Any]:
    """The object, after checking it against score-result.schema.json and JSON round-trip."""
    errors = [e.message for e in result_validator().iter_errors(out)]
    assert errors == []
    assert json.loads(json.dumps(out)) == out
    return out


DOCUMENTS = [
    pytest.param(WORKED_EXAMPLE, id="worked-example"),
    pytest.param(doc(), id="empty"),
    pytest.param(group_doc(480, 300, 150, review={"administrative_defects": ["x"]}), id="MS"),
    pytest.param(
        passing_doc(teacher=teacher("counselor"), lesson_plans=[{"items": [4] * 8}] * 3),
        id="counsellor",
    ),
    pytest.param(passing_doc(review={"fraud_found": True, "doubtful_evidence": ["2.c"]}), id="D"),
]


@pytest.mark.parametrize("document", DOCUMENTS)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("explain", [False, True])
def test_the_output_validates_against_the_score_result_schema(document, lang, explain):
    out = valid(score_json(scored(document, explain=explain), lang, explain=explain))
    assert (out["schema"], out["rubric"], out["programme_year"]) == ("sergur.score/1", "2007", 2007)
    assert ("trace" in out) is explain
    assert ("interpretations" in out) is explain


def test_the_output_carries_every_number_of_the_result():
    out = valid(score_json(scored(WORKED_EXAMPLE), "en"))
    assert out["teacher"] == "Sri Wahyuni"
    assert out["components"] == {
        "qualification": 325,
        "training": 165,
        "teaching_experience": 145,
        "learning_plans_and_practice": 133.4,
        "superior_assessment": 42,
        "academic_achievement": 40,
        "professional_works": 30,
        "scientific_forums": 38,
        "organization_experience": 21,
        "awards": 5,
    }
    assert out["subscores"] == {"lesson_plans": 33.4, "teaching_observation": 100}
    assert out["groups"] == {"A": 603.4, "B": 277, "C": 64, "C_counted": 64}
    assert out["total"] == 944.4
    assert out["decision"] == {"code": "L", "reasons": []}


def test_whole_numbers_stay_integers():
    out = score_json(scored(WORKED_EXAMPLE), "en")
    assert isinstance(out["components"]["qualification"], int)
    assert isinstance(out["groups"]["C"], int)
    assert isinstance(out["total"], float)


def test_the_c_group_is_reported_before_and_after_the_cap():
    out = valid(score_json(scored(group_doc(500, 300, 150)), "en"))
    assert out["groups"] == {"A": 500, "B": 300, "C": 150, "C_counted": 100}
    assert out["total"] == 900


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (Decimal("0.125"), 0.13),
        (Decimal("2.675"), 2.68),
        (Decimal("1.005"), 1.01),
        (Decimal("0.124"), 0.12),
        (Decimal("849.995"), 850),
        (Decimal("-0.125"), -0.13),
        (Decimal("37.50"), 37.5),
        (Decimal("40.00"), 40),
        (Decimal("33.4"), 33.4),
        (150, 150),
        (0, 0),
    ],
)
def test_numbers_are_rounded_half_up_to_2_decimals(value, shown):
    out = as_number(value)
    assert out == shown
    assert type(out) is type(shown)


def test_reasons_are_in_the_readers_language():
    result = scored(group_doc(480, 300, 60, review={"administrative_defects": ["tanpa foto"]}))
    en = score_json(result, "en")["decision"]
    id_ = score_json(result, "id")["decision"]
    assert en["code"] == id_["code"] == "MS"
    assert en["reasons"] == [
        "The total 840 is 10 short of the pass mark 850.",
        "Administrative defect: tanpa foto",
    ]
    assert id_["reasons"] == [
        "Jumlah skor 840 kurang 10 dari batas lulus 850.",
        "Kekurangan administrasi: tanpa foto",
    ]


def test_a_batch_line_number_is_carried_when_given():
    out = valid(score_json(scored(WORKED_EXAMPLE), "en", line=7))
    assert out["line"] == 7
    assert "line" not in score_json(scored(WORKED_EXAMPLE), "en")


def test_an_invalid_portfolio_in_a_batch_stands_as_its_errors():
    errors = [{"path": "rubric", "message": 'Must be "2007".'}]
    assert invalid_json(errors, 3) == {"schema": "sergur.score/1", "line": 3, "errors": errors}


# -- explain ---------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_explain_adds_one_trace_line_per_scored_entry(lang: Lang):
    result = scored(WORKED_EXAMPLE, explain=True)
    out = valid(score_json(result, lang, explain=True))
    trace = out["trace"]
    assert len(trace) == len(result.trace)
    for line, original in zip(trace, result.trace, strict=True):
        assert line["component"] == original.component
        assert line["path"] == original.path
        assert line["points"] == as_number(original.points)
        assert line["rule"] == original.rule.text(lang)
        assert line["rule"]
        assert ("entry" in line) is (original.entry is not None)
        assert line.get("interpretations", []) == list(original.interpretations)
    assert sum(Decimal(str(line["points"])) for line in trace) == Decimal(str(out["total"])) - (
        out["groups"]["C"] - out["groups"]["C_counted"]
    )


def test_the_trace_gives_path_points_and_rule_of_a_further_degree():
    document = doc(
        qualifications=[
            {"level": "S1", "education_degree": True, "relevance": "subject"},
            {"level": "S2", "education_degree": True, "relevance": "none"},
            {"level": "S2", "education_degree": False, "relevance": "none"},
        ],
        lesson_plans=plans(40, 40, 40, 40, 40),
    )
    out = valid(score_json(scored(document, explain=True), "en", explain=True))
    assert out["trace"][2] == {
        "component": "qualification",
        "path": "qualifications[2]",
        "entry": 2,
        "points": 32.5,
        "rule": "S2 non-education, not in the subject: table value 130; "
        "a further degree of the same level: 25 % = 32.5",
        "interpretations": ["Q1"],
    }
    assert out["trace"][1]["rule"] == "S2 education, not in the subject: table value 145"


@pytest.mark.parametrize("lang", LANGS)
def test_explain_maps_each_interpretation_used_to_its_text(lang: Lang):
    document = doc(
        qualifications=[
            {"level": "S1", "education_degree": True, "relevance": "subject"},  # 150
            {"level": "D4", "education_degree": True, "relevance": "subject_family"},  # 35 (Q1)
        ],
        teaching_experience={"years": 26},  # 160
        lesson_plans=plans(40, 40),  # 16 (P1)
        teaching_observation=observation(120),
        trainings=[{"hours": 4, "level": "district", "relevant": True}],  # 0 (T1)
        superior_assessment=superior(50),
        works=[{"kind": "research", "role": "lead"}, *works_worth(244)],  # 250 (W1)
        organizations=organizations_worth(60),
    )
    result = scored(document, explain=True)
    out = valid(score_json(result, lang, explain=True))
    assert set(out["interpretations"]) == {"Q1", "T1", "W1", "P1", "D1"}
    for key, text in out["interpretations"].items():
        assert text == INTERPRETATIONS[key][lang]
    assert (out["total"], out["decision"]["code"]) == (841, "MS")  # D1


def test_a_counsellors_trace_shows_the_weighted_arithmetic():
    document = doc(role="counselor", lesson_plans=[{"items": [5, 1, 1, 1, 1, 1, 1, 1]}])
    out = valid(score_json(scored(document, explain=True), "en", explain=True))
    first = out["trace"][0]
    assert first["path"] == "lesson_plans[0]"
    assert first["points"] == 2.8
    assert first["interpretations"] == ["P2"]
    assert "= 56, / 5 = 11.2" in first["rule"]
    assert out["interpretations"]["P2"] == INTERPRETATIONS["P2"]["en"]


def test_warnings_are_printed_only_when_there_are_some():
    plan = {"items": [4] * 8, "topic": "Pecahan", "semester": 1}
    document = passing_doc(lesson_plans=[plan] * 5)
    warned = score_json(scored(document), "id")
    assert len(warned["warnings"]) == 2 and "Pecahan" in warned["warnings"][0]
    assert "warnings" not in score_json(scored(passing_doc()), "id")
