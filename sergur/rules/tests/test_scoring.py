"""score(): components, groups, the C cap, the total and the decision, end to end from a file."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sergur.rules import COMPONENT_KEYS, load_year, score
from sergur.rules.tests.helpers import (
    decoded,
    doc,
    group_doc,
    observation,
    passing_doc,
    plans,
    scored,
    superior,
    teacher,
)

WORKED_EXAMPLE = doc(
    qualifications=[
        {"level": "S1", "education_degree": True, "relevance": "subject"},  # 150
        {"level": "S2", "education_degree": True, "relevance": "subject"},  # 175, other group
    ],
    trainings=[
        {"hours": 170, "level": "national", "relevant": True},  # 40
        {"hours": 170, "level": "national", "relevant": True},  # 40
        {"hours": 120, "level": "province", "relevant": True},  # 30
        {"hours": 120, "level": "province", "relevant": True},  # 30
        {"hours": 20, "level": "district", "relevant": True},  # 15
        {"hours": 40, "level": "district", "relevant": False},  # 10
    ],
    teaching_experience={"years": 24},  # 145
    lesson_plans=plans(34, 33, 34, 32, 34),  # 167 / 5 = 33.4
    teaching_observation=observation(100),
    superior_assessment=superior(42),
    peer_coaching=[{"role": "core_teacher"}],  # 20
    student_coaching=[{"won": True, "level": "district"}, {"won": False}],  # 15 + 5
    works=[
        {"kind": "module"},  # 20
        {"kind": "learning_media"},  # 5
        {"kind": "article", "venue": "local_media", "relevant": True},  # 5
    ],
    forums=[
        {"level": "province", "role": "speaker"},  # 30
        {"level": "district", "role": "participant"},  # 4
        {"level": "district", "role": "participant"},  # 4
    ],
    organizations=[{"type": "education", "level": "district", "years": 4}],  # 16
    additional_duties=[{"role": "extracurricular_advisor", "years": 5}],  # 5
    awards=[{"level": "district"}],  # 5
)


def test_a_worked_example_scores_as_the_spec_says():
    result = scored(WORKED_EXAMPLE)
    assert result.components == {
        "qualification": 325,
        "training": 165,
        "teaching_experience": 145,
        "learning_plans_and_practice": Decimal("133.4"),
        "superior_assessment": 42,
        "academic_achievement": 40,
        "professional_works": 30,
        "scientific_forums": 38,
        "organization_experience": 21,
        "awards": 5,
    }
    assert (result.lesson_plans, result.teaching_observation) == (Decimal("33.4"), 100)
    assert (result.group_a, result.group_b, result.group_c) == (Decimal("603.4"), 277, 64)
    assert (result.group_c_counted, result.total) == (64, Decimal("944.4"))
    assert (result.decision.code, result.decision.reasons) == ("L", ())


def test_components_come_in_the_instruments_order():
    assert tuple(scored(WORKED_EXAMPLE).components) == COMPONENT_KEYS
    assert len(COMPONENT_KEYS) == 10


def test_groups_are_the_sums_of_their_components():
    result = scored(WORKED_EXAMPLE)
    c = result.components
    assert result.group_a == (
        c["qualification"] + c["teaching_experience"] + c["learning_plans_and_practice"]
    )
    assert result.group_b == (
        c["training"]
        + c["superior_assessment"]
        + c["academic_achievement"]
        + c["professional_works"]
    )
    assert result.group_c == (c["scientific_forums"] + c["organization_experience"] + c["awards"])
    assert result.components["learning_plans_and_practice"] == (
        result.lesson_plans + result.teaching_observation
    )


# -- the C cap -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("c", "counted"), [(0, 0), (1, 1), (99, 99), (100, 100), (101, 100), (250, 100)]
)
def test_group_c_counts_at_most_100(c, counted):
    result = scored(group_doc(500, 300, c))
    assert result.group_c == c
    assert result.group_c_counted == counted
    assert result.total == 500 + 300 + counted


def test_the_c_cap_can_keep_a_portfolio_below_the_pass_mark():
    result = scored(group_doc(500, 240, 150))  # 740 + 100 = 840, not 890
    assert result.total == 840
    assert result.decision.code == "MS"


# -- boundaries end to end -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("a", "b", "c", "special_area", "total", "code"),
    [
        pytest.param(500, 250, 100, False, 850, "L", id="total-exactly-850"),
        pytest.param("499.8", 250, 100, False, Decimal("849.8"), "MS", id="total-849.8"),
        pytest.param(475, 250, 100, False, 825, "MS", id="total-exactly-825"),
        pytest.param("474.8", 250, 100, False, Decimal("824.8"), "MPLPG", id="total-824.8"),
        pytest.param(300, 450, 100, False, 850, "L", id="A-exactly-300"),
        pytest.param("299.8", 451, 100, False, Decimal("850.8"), "MS", id="A-299.8"),
        pytest.param(550, 200, 100, False, 850, "L", id="B-exactly-200"),
        pytest.param(551, 199, 100, False, 850, "MS", id="B-199"),
        pytest.param(600, 150, 100, True, 850, "L", id="special-B-exactly-150"),
        pytest.param(601, 149, 100, True, 850, "MS", id="special-B-149"),
        pytest.param(600, 150, 100, False, 850, "MS", id="B-150-not-special"),
        pytest.param(500, 350, 0, False, 850, "MS", id="C-empty"),
        pytest.param(749, 100, 1, False, 850, "MS", id="B-fails-C-1"),
    ],
)
def test_pass_rule_boundaries(a, b, c, special_area, total, code):
    result = scored(group_doc(a, b, c, special_area=special_area))
    assert result.total == total
    assert result.decision.code == code


@pytest.mark.parametrize(
    ("sections", "part"),
    [
        ({"qualifications": []}, "qualification"),
        ({"teaching_experience": {"years": 1}}, "teaching_experience"),
        ({"lesson_plans": []}, "lesson_plans"),
        ({"teaching_observation": None}, "teaching_observation"),
    ],
)
def test_an_empty_group_a_sub_element_keeps_a_high_total_from_passing(sections, part):
    document = group_doc(845, 900, 100)
    for key, value in sections.items():
        if value is None:
            del document[key]
        else:
            document[key] = value
    result = scored(document)
    assert result.total >= 850
    assert result.decision.code == "MS"
    assert result.decision.groups[0].empty_parts == (part,)


def test_a_missing_component_5_sends_a_passing_score_to_plplg():
    result = scored(group_doc(600, 300, 100, with_superior=False))
    assert result.total == 1000
    assert result.components["superior_assessment"] == 0
    assert result.decision.code == "MPLPG"
    assert [r.code for r in result.decision.reasons] == ["reason.no_superior_assessment"]


@pytest.mark.parametrize(
    ("review", "code"),
    [
        ({}, "L"),
        ({"fraud_found": False, "doubtful_evidence": [], "administrative_defects": []}, "L"),
        ({"fraud_found": True}, "D"),
        ({"doubtful_evidence": ["2.c"]}, "K"),
        ({"administrative_defects": ["declaration has no duty stamp"]}, "MA"),
    ],
)
def test_the_review_reaches_the_decision(review, code):
    assert scored(passing_doc(review=review)).decision.code == code


def test_without_a_review_the_portfolio_is_judged_on_its_score():
    document = passing_doc()
    assert "review" not in document
    assert scored(document).decision.code == "L"


# -- what the result carries -----------------------------------------------------------------
def test_the_teacher_is_the_participant_number_when_given():
    with_number = passing_doc(teacher=teacher(participant_number="07050318010012"))
    assert scored(with_number).teacher == "07050318010012"
    assert scored(passing_doc()).teacher == "Sri Wahyuni"


def test_the_result_carries_its_programme_year():
    year = load_year(2007)
    result = score(decoded(passing_doc()), year)
    assert result.year is year


def test_without_explain_there_is_no_trace():
    assert scored(WORKED_EXAMPLE).trace == ()
    assert scored(WORKED_EXAMPLE).interpretations == ()


def test_explain_traces_every_scored_entry():
    result = scored(WORKED_EXAMPLE, explain=True)
    paths = [line.path for line in result.trace]
    assert paths[:2] == ["qualifications[0]", "qualifications[1]"]
    assert "trainings[5]" in paths and "awards[0]" in paths and "forums[2]" in paths
    assert len(paths) == 2 + 6 + 1 + 5 + 1 + 1 + 1 + 2 + 3 + 3 + 1 + 1 + 1


def test_explain_does_not_change_the_score():
    plain, explained = scored(WORKED_EXAMPLE), scored(WORKED_EXAMPLE, explain=True)
    assert plain.components == explained.components
    assert plain.total == explained.total
    assert plain.decision == explained.decision


@pytest.mark.parametrize(
    ("document", "code", "floor_used"),
    [
        pytest.param(group_doc(480, 300, 60), "MS", True, id="near-miss"),
        pytest.param(group_doc(400, 300, 60), "MPLPG", True, id="below-the-floor"),
        pytest.param(passing_doc(), "L", False, id="pass"),
        pytest.param(group_doc(600, 300, 60, with_superior=False), "MPLPG", False, id="no-5"),
        pytest.param(passing_doc(review={"fraud_found": True}), "D", False, id="fraud"),
    ],
)
def test_the_near_miss_floor_interpretation_is_shown_when_it_decided(document, code, floor_used):
    result = scored(document, explain=True)
    assert result.decision.code == code
    assert ("D1" in result.interpretations) is floor_used


def test_a_counsellor_is_scored_with_the_guidance_weights():
    document = passing_doc(
        teacher=teacher("counselor"),
        lesson_plans=[{"items": [5] * 8}] * 4,
    )
    result = scored(document)
    assert result.lesson_plans == 40
    assert result.role == "counselor"


def test_a_subject_teachers_result_names_the_subject_teacher():
    assert scored(passing_doc()).role == "subject_teacher"
