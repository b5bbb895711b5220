"""Every table row of docs/sources/rubric-2007.md, components 1 to 10, written from the spec.

The expected values below are typed from the spec's tables, not taken from `rubric.py`; each
case goes through the public path (decode, then score) so the whole row is exercised.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from sergur.rules import ScoreResult
from sergur.rules.rubric import TraceLine
from sergur.rules.tests.helpers import (
    Doc,
    component,
    doc,
    doc_with,
    items,
    plans,
    scored,
    seed_says,
)

LEVELS5 = ("international", "national", "province", "district", "subdistrict")


def lines_of(result: ScoreResult, name: str) -> list[TraceLine]:
    return [line for line in result.trace if line.component == name]


def qualification(level: str, education: bool, relevance: str, licence: bool) -> Doc:
    return {
        "level": level,
        "education_degree": education,
        "relevance": relevance,
        "teaching_license": licence,
    }


# -- 1. Qualification ------------------------------------------------------------------------
# (levels, education degree? (None: either), relevance, licence (None: either), points)
QUALIFICATION_TABLE: tuple[tuple[tuple[str, ...], bool | None, str, bool | None, int], ...] = (
    (("S1", "D4"), True, "subject", None, 150),
    (("S1", "D4"), False, "subject", True, 150),
    (("S1", "D4"), True, "subject_family", None, 140),
    (("S1", "D4"), False, "subject", False, 130),
    (("S1", "D4"), True, "none", None, 120),
    (("S1", "D4"), False, "none", True, 120),
    (("S1", "D4"), False, "none", False, 110),
    (("PGD",), None, "subject", None, 80),
    (("PGD",), None, "subject_family", None, 80),
    (("PGD",), None, "none", None, 50),
    (("S2",), True, "subject", None, 175),
    (("S2",), True, "subject_family", None, 160),
    (("S2",), False, "subject", None, 160),
    (("S2",), True, "none", None, 145),
    (("S2",), False, "none", None, 130),
    (("S3",), True, "subject", None, 200),
    (("S3",), True, "subject_family", None, 180),
    (("S3",), False, "subject", None, 180),
    (("S3",), True, "none", None, 160),
    (("S3",), False, "none", None, 140),
)


def _qualification_cases() -> list[Any]:
    cases = []
    for row, (levels, education, relevance, licence, points) in enumerate(QUALIFICATION_TABLE):
        for level in levels:
            for edu in (True, False) if education is None else (education,):
                for lic in (True, False) if licence is None else (licence,):
                    name = f"row{row + 1}-{level}-{'edu' if edu else 'nonedu'}-{relevance}"
                    cases.append(
                        pytest.param(level, edu, relevance, lic, points, id=f"{name}-lic{lic}")
                    )
    return cases


@pytest.mark.parametrize(
    ("level", "education", "relevance", "licence", "points"), _qualification_cases()
)
def test_a_single_degree_scores_its_table_row(level, education, relevance, licence, points):
    document = doc(qualifications=[qualification(level, education, relevance, licence)])
    assert component(document, "qualification") == points


@pytest.mark.parametrize(
    ("level", "licence", "points"),
    [
        ("S1", True, 120),
        ("S1", False, 110),
        ("D4", True, 120),
        ("D4", False, 110),
        ("S2", True, 130),
        ("S2", False, 130),
        ("S3", True, 140),
        ("S3", False, 140),
    ],
)
def test_a_non_education_degree_in_the_subject_family_scores_like_relevance_none(
    level, licence, points
):
    document = doc(qualifications=[qualification(level, False, "subject_family", licence)])
    result = scored(document, explain=True)
    assert result.components["qualification"] == points
    assert result.trace[0].interpretations == ("Q2",)
    assert "Q2" in result.interpretations


@pytest.mark.parametrize("level", ["S2", "S3"])
@pytest.mark.parametrize("education", [True, False])
@pytest.mark.parametrize("relevance", ["subject", "subject_family", "none"])
def test_s2_and_s3_ignore_the_teaching_licence(level, education, relevance):
    with_licence = doc(qualifications=[qualification(level, education, relevance, True)])
    without = doc(qualifications=[qualification(level, education, relevance, False)])
    assert component(with_licence, "qualification") == component(without, "qualification")


@pytest.mark.parametrize("education", [True, False])
def test_a_postgraduate_diploma_in_the_subject_family_scores_as_matching(education):
    document = doc(qualifications=[qualification("PGD", education, "subject_family", False)])
    result = scored(document, explain=True)
    assert result.components["qualification"] == 80
    assert result.trace[0].interpretations == ("Q3",)
    assert result.interpretations == ("P1", "Q3")


def test_a_postgraduate_diploma_in_the_subject_needs_no_interpretation():
    result = scored(
        doc(qualifications=[qualification("PGD", True, "subject", False)]), explain=True
    )
    assert result.trace[0].interpretations == ()


S1_EDU_SUBJECT = qualification("S1", True, "subject", False)  # 150
D4_EDU_SUBJECT = qualification("D4", True, "subject", False)  # 150
D4_NONE_NO_LICENCE = qualification("D4", False, "none", False)  # 110
S1_EDU_NONE = qualification("S1", True, "none", False)  # 120
S2_EDU_SUBJECT = qualification("S2", True, "subject", False)  # 175
S2_EDU_FAMILY = qualification("S2", True, "subject_family", False)  # 160
S2_NON_NONE = qualification("S2", False, "none", False)  # 130
S3_EDU_SUBJECT = qualification("S3", True, "subject", False)  # 200
PGD_SUBJECT = qualification("PGD", True, "subject", False)  # 80
PGD_NONE = qualification("PGD", True, "none", False)  # 50


@pytest.mark.parametrize(
    ("degrees", "points"),
    [
        pytest.param([], 0, id="none"),
        pytest.param([S1_EDU_SUBJECT, D4_NONE_NO_LICENCE], Decimal("177.5"), id="S1-and-D4-group"),
        pytest.param([D4_NONE_NO_LICENCE, S1_EDU_SUBJECT], Decimal("177.5"), id="best-not-first"),
        pytest.param([S1_EDU_SUBJECT, D4_EDU_SUBJECT], Decimal("187.5"), id="tie-one-full"),
        pytest.param([S1_EDU_SUBJECT, S1_EDU_SUBJECT, S1_EDU_SUBJECT], 225, id="three-equal"),
        pytest.param([S2_NON_NONE, S2_EDU_SUBJECT, S2_EDU_FAMILY], Decimal("247.5"), id="three-S2"),
        pytest.param([PGD_NONE, PGD_SUBJECT], Decimal("92.5"), id="two-PGD"),
        pytest.param(
            [S1_EDU_SUBJECT, S2_EDU_SUBJECT, S3_EDU_SUBJECT, PGD_SUBJECT],
            605,
            id="one-per-group-all-full",
        ),
        pytest.param(
            [S1_EDU_NONE, S2_EDU_SUBJECT, S1_EDU_SUBJECT, S2_NON_NONE],
            Decimal("150") + Decimal("30") + Decimal("175") + Decimal("32.5"),
            id="two-groups-two-each",
        ),
    ],
)
def test_further_degrees_of_a_level_group_count_a_quarter(degrees, points):
    assert component(doc(qualifications=degrees), "qualification") == points


def test_the_trace_marks_the_further_degree_with_its_quarter():
    result = scored(doc(qualifications=[D4_NONE_NO_LICENCE, S1_EDU_SUBJECT]), explain=True)
    further, best = result.trace[0], result.trace[1]
    assert (further.path, further.points, further.interpretations) == (
        "qualifications[0]",
        Decimal("27.5"),
        ("Q1",),
    )
    assert (best.path, best.points, best.interpretations) == ("qualifications[1]", 150, ())
    assert "25 % = 27.5" in further.rule.text("en")
    assert "25 % = 27,5" in further.rule.text("id")
    assert "110" in further.rule.text("en")


@pytest.mark.parametrize(
    "further",
    [
        pytest.param(qualification("D4", False, "subject_family", True), id="Q2"),
        pytest.param(qualification("PGD", True, "subject_family", False), id="Q3"),
    ],
)
def test_an_interpretation_used_on_a_further_degree_is_still_shown(further):
    best = S1_EDU_SUBJECT if further["level"] != "PGD" else PGD_SUBJECT
    result = scored(doc(qualifications=[best, further]), explain=True)
    expected = "Q2" if further["level"] == "D4" else "Q3"
    assert {"Q1", expected} <= set(result.interpretations)


# -- 2. Training -----------------------------------------------------------------------------
# docs/sources/rubric-2007.md, training table: (lowest hours, highest hours) -> per level (R, TR).
TRAINING_TABLE: dict[tuple[int, int], tuple[tuple[int, int], ...]] = {
    (641, 100000): ((60, 45), (50, 40), (45, 35), (40, 30), (35, 25)),
    (481, 640): ((55, 40), (45, 35), (40, 30), (35, 25), (30, 20)),
    (161, 480): ((45, 35), (40, 30), (35, 25), (30, 20), (25, 15)),
    (81, 160): ((40, 30), (35, 25), (30, 20), (25, 15), (20, 10)),
    (30, 80): ((35, 25), (30, 20), (25, 15), (20, 10), (15, 7)),
    (8, 29): ((30, 20), (25, 15), (20, 10), (15, 5), (10, 3)),
}


def _training_cells() -> list[Any]:
    cases = []
    for (low, high), row in TRAINING_TABLE.items():
        for level, pair in zip(LEVELS5, row, strict=True):
            for relevant, points in zip((True, False), pair, strict=True):
                for hours in (low, high):
                    tag = "R" if relevant else "TR"
                    case = pytest.param(
                        hours, level, relevant, points, id=f"{hours}h-{level}-{tag}"
                    )
                    cases.append(case)
    return cases


def training(hours: int, level: str = "national", relevant: bool = True) -> Doc:
    return {"hours": hours, "level": level, "relevant": relevant}


@pytest.mark.parametrize(("hours", "level", "relevant", "points"), _training_cells())
def test_a_training_scores_its_cell_at_both_ends_of_the_band(hours, level, relevant, points):
    assert component(doc(trainings=[training(hours, level, relevant)]), "training") == points


@pytest.mark.parametrize(
    ("hours", "points"),
    [
        (0, 0),
        (7, 0),
        (8, 25),
        (29, 25),
        (30, 30),
        (80, 30),
        (81, 35),
        (160, 35),
        (161, 40),
        (480, 40),
        (481, 45),
        (640, 45),
        (641, 50),
        (100000, 50),
    ],
)
def test_training_band_edges_for_a_relevant_national_training(hours, points):
    assert component(doc(trainings=[training(hours)]), "training") == points


@pytest.mark.parametrize("level", LEVELS5)
@pytest.mark.parametrize("relevant", [True, False])
def test_a_training_under_8_hours_scores_0_at_every_level(level, relevant):
    result = scored(doc(trainings=[training(7, level, relevant)]), explain=True)
    assert result.components["training"] == 0
    line = result.trace[0]
    assert (line.component, line.points, line.interpretations) == ("training", 0, ("T1",))
    assert "7" in line.rule.text("en")


def test_trainings_are_summed_as_in_the_spec_estimate():
    estimate = [training(170), training(170)]
    estimate += [training(120, "province"), training(120, "province")]
    estimate += [training(20, "district")] * 4
    assert component(doc(trainings=estimate), "training") == 200


def test_trainings_are_not_capped_at_the_estimated_maximum():
    many = [training(700, "international")] * 6
    assert component(doc(trainings=many), "training") == 360


# -- 3. Teaching experience ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("years", "points"),
    [
        (0, 0),
        (1, 0),
        (2, 40),
        (4, 40),
        (5, 55),
        (7, 55),
        (8, 70),
        (10, 70),
        (11, 85),
        (13, 85),
        (14, 100),
        (16, 100),
        (17, 115),
        (19, 115),
        (20, 130),
        (22, 130),
        (23, 145),
        (25, 145),
        (26, 160),
        (60, 160),
    ],
)
def test_teaching_experience_scores_its_band(years, points):
    document = doc(teaching_experience={"years": years})
    result = scored(document, explain=True)
    assert result.components["teaching_experience"] == points
    assert result.trace[0].points == points
    assert str(years) in result.trace[0].rule.text("id")


def test_no_teaching_experience_scores_0():
    assert component(doc(), "teaching_experience") == 0


# -- 4. Learning plans (4a) and practice (4b) ------------------------------------------------
@pytest.mark.parametrize(
    ("sums", "points"),
    [
        pytest.param((40, 40, 40, 40, 40), 40, id="all-5"),
        pytest.param((8, 8, 8, 8, 8), 8, id="all-1"),
        pytest.param((40, 32, 24, 16, 8), 24, id="mixed"),
        pytest.param((40, 40, 40, 40, 39), Decimal("39.8"), id="not-whole"),
        pytest.param((40, 40, 40), 24, id="two-missing-count-0"),
        pytest.param((37,), Decimal("7.4"), id="one-plan"),
        pytest.param((), 0, id="no-plan"),
    ],
)
def test_4a_for_a_subject_teacher_is_the_mean_over_5_required_plans(sums, points):
    result = scored(doc(lesson_plans=plans(*sums)))
    assert result.lesson_plans == points
    assert result.components["learning_plans_and_practice"] == points


def test_a_missing_plan_is_traced_with_interpretation_p1():
    result = scored(doc(lesson_plans=plans(40, 40, 40)), explain=True)
    lines = [line for line in result.trace if line.component == "lesson_plans"]
    assert [line.points for line in lines] == [8, 8, 8, 0]
    assert lines[-1].interpretations == ("P1",)
    assert "2" in lines[-1].rule.text("en")
    assert "P1" in result.interpretations


def test_five_plans_need_no_interpretation():
    result = scored(doc(lesson_plans=plans(40, 40, 40, 40, 40)), explain=True)
    assert "P1" not in result.interpretations


# docs/sources/rubric-2007.md 4a: counsellor weights 4, 8, 8, 8, 4, 4, 2, 2.
COUNSELLOR_WEIGHTS = (4, 8, 8, 8, 4, 4, 2, 2)


def counsellor(*programmes: list[int], **sections: Any) -> Doc:
    return doc(role="counselor", lesson_plans=[{"items": p} for p in programmes], **sections)


def test_four_guidance_programmes_of_all_5_score_40():
    assert scored(counsellor(*[[5] * 8] * 4)).lesson_plans == 40


def test_four_guidance_programmes_of_all_1_score_8():
    assert scored(counsellor(*[[1] * 8] * 4)).lesson_plans == 8


@pytest.mark.parametrize("position", range(8))
def test_each_guidance_item_carries_its_weight(position):
    programme = [1] * 8
    programme[position] = 5
    weight = COUNSELLOR_WEIGHTS[position]
    expected = Decimal(sum(COUNSELLOR_WEIGHTS) + 4 * weight) / 5  # Σ(item × weight) / 5
    assert scored(counsellor(*[programme] * 4)).lesson_plans == expected


def test_a_missing_guidance_programme_counts_0_in_the_mean_over_4():
    result = scored(counsellor([5] * 8, [5] * 8, [5] * 8), explain=True)
    assert result.lesson_plans == 30
    lines = [line for line in result.trace if line.component == "lesson_plans"]
    assert [line.points for line in lines] == [10, 10, 10, 0]
    assert [line.interpretations for line in lines] == [("P2",), ("P2",), ("P2",), ("P1",)]
    assert "200" in lines[0].rule.text("en")  # Σ(item × weight) of an all-5 programme


def test_one_guidance_programme_is_divided_by_the_4_required():
    programme = [5, 1, 1, 1, 1, 1, 1, 1]  # Σ = 20 + 36 = 56, / 5 = 11.2
    assert scored(counsellor(programme)).lesson_plans == Decimal("2.8")


@pytest.mark.parametrize(
    ("observation_items", "points"),
    [([5] * 24, 120), ([1] * 24, 24), (items(24, 77), 77)],
)
def test_4b_is_the_sum_of_24_items_and_adds_to_4a(observation_items, points):
    document = doc(
        lesson_plans=plans(40, 40, 40, 40, 40),
        teaching_observation={"items": observation_items},
    )
    result = scored(document, explain=True)
    assert result.teaching_observation == points
    assert result.components["learning_plans_and_practice"] == 40 + points
    line = next(t for t in result.trace if t.component == "teaching_observation")
    assert line.points == points


def test_4b_is_0_when_the_observation_is_absent():
    result = scored(doc(), explain=True)
    assert result.teaching_observation == 0
    line = next(t for t in result.trace if t.component == "teaching_observation")
    assert line.points == 0


@pytest.mark.parametrize("role", ["subject_teacher", "counselor"])
def test_counsellors_use_the_same_24_item_arithmetic(role):
    document = doc(role=role, teaching_observation={"items": [3] * 24})
    assert scored(document).teaching_observation == 72


def test_a_counsellors_4b_line_says_the_assessor_scored_the_bk_practice():
    result = scored(doc(role="counselor", teaching_observation={"items": [4] * 24}), explain=True)
    line = next(t for t in result.trace if t.component == "teaching_observation")
    assert line.points == 96
    assert line.rule.text("id") == (
        "Penilaian pelaksanaan program pelayanan BK oleh asesor, jumlah 24 butir: 96"
    )
    assert "scored by the assessor" in line.rule.text("en")


def test_a_counsellors_missing_4b_line_waits_for_the_assessor():
    result = scored(doc(role="counselor"), explain=True)
    line = next(t for t in result.trace if t.component == "teaching_observation")
    assert line.points == 0
    assert "not scored by the assessor yet" in line.rule.text("en")
    subject = scored(doc(), explain=True)
    subject_line = next(t for t in subject.trace if t.component == "teaching_observation")
    assert subject_line.rule.text("en") == "Teaching practice instrument missing: 0"


# -- 5. Assessment by superior and supervisor ------------------------------------------------
@pytest.mark.parametrize(
    ("superior_items", "points"), [([5] * 10, 50), ([1] * 10, 10), (items(10, 33), 33)]
)
def test_component_5_is_the_sum_of_10_items(superior_items, points):
    result = scored(doc(superior_assessment={"items": superior_items}), explain=True)
    assert result.components["superior_assessment"] == points
    line = next(t for t in result.trace if t.component == "superior_assessment")
    assert line.points == points


def test_component_5_is_0_when_absent():
    result = scored(doc(), explain=True)
    assert result.components["superior_assessment"] == 0
    line = next(t for t in result.trace if t.component == "superior_assessment")
    assert "missing" in line.rule.text("en")


# -- 6. Academic achievement -----------------------------------------------------------------
ACHIEVEMENT_ROWS = [
    *[
        pytest.param("competitions", {"kind": "competition", "level": level}, points, id=level)
        for level, points in zip(LEVELS5, (60, 40, 30, 20, 10), strict=True)
    ],
    pytest.param("competitions", {"kind": "monumental_education"}, 60, id="monumental-edu"),
    pytest.param("competitions", {"kind": "monumental_other"}, 40, id="monumental-other"),
    pytest.param("peer_coaching", {"role": "instructor"}, 40, id="peer-instructor"),
    pytest.param("peer_coaching", {"role": "core_teacher"}, 20, id="peer-core-teacher"),
    *[
        pytest.param(
            "student_coaching", {"won": True, "level": level}, points, id=f"students-won-{level}"
        )
        for level, points in zip(LEVELS5, (40, 25, 20, 15, 10), strict=True)
    ],
    pytest.param("student_coaching", {"won": False}, 5, id="students-not-won"),
    pytest.param(
        "student_coaching", {"won": False, "level": "national"}, 5, id="students-not-won-level"
    ),
]


@pytest.mark.parametrize(("section", "entry", "points"), ACHIEVEMENT_ROWS)
def test_an_academic_achievement_scores_its_row(section, entry, points):
    result = scored(doc_with(section, [entry]), explain=True)
    assert result.components["academic_achievement"] == points
    (line,) = lines_of(result, "academic_achievement")
    assert (line.component, line.path, line.entry, line.points) == (
        "academic_achievement",
        f"{section}[0]",
        0,
        points,
    )
    assert str(points) in line.rule.text("en")


def test_academic_achievements_are_summed_without_cap():
    document = doc(
        competitions=[{"kind": "competition", "level": "international"}] * 3,
        peer_coaching=[{"role": "instructor"}],
        student_coaching=[{"won": False}],
    )
    assert component(document, "academic_achievement") == 180 + 40 + 5


# -- 7. Professional development works -------------------------------------------------------
WORK_ROWS = [
    *[
        pytest.param(
            {"kind": "book", "publication": pub, "relevant": rel}, points, id=f"book-{pub}-{rel}"
        )
        for pub, pair in (("national", (50, 35)), ("province", (40, 25)), ("district", (30, 15)))
        for rel, points in zip((True, False), pair, strict=True)
    ],
    *[
        pytest.param(
            {"kind": "article", "venue": venue, "relevant": rel},
            points,
            id=f"article-{venue}-{rel}",
        )
        for venue, pair in (
            ("accredited_journal", (25, 20)),
            ("unaccredited_journal", (10, 8)),
            ("national_media", (10, 8)),
            ("local_media", (5, 3)),
        )
        for rel, points in zip((True, False), pair, strict=True)
    ],
    pytest.param({"kind": "review"}, 2, id="review"),
    pytest.param({"kind": "module"}, 20, id="module"),
    pytest.param({"kind": "learning_media"}, 5, id="learning-media"),
    pytest.param({"kind": "research", "role": "solo"}, 10, id="research-solo"),
    pytest.param({"kind": "research", "role": "lead"}, 6, id="research-lead"),
    pytest.param({"kind": "research", "role": "member"}, 4, id="research-member"),
    pytest.param({"kind": "artwork"}, 15, id="artwork"),
]


@pytest.mark.parametrize(("work", "points"), WORK_ROWS)
def test_a_professional_work_scores_its_row(work, points):
    result = scored(doc(works=[work]), explain=True)
    assert result.components["professional_works"] == points
    (line,) = lines_of(result, "professional_works")
    assert (line.component, line.path, line.points) == ("professional_works", "works[0]", points)
    assert line.rule.text("id") and line.rule.text("en")


@pytest.mark.parametrize(
    ("role", "interpretations"), [("solo", ()), ("lead", ("W1",)), ("member", ("W1",))]
)
def test_a_team_research_report_is_traced_with_interpretation_w1(role, interpretations):
    result = scored(doc(works=[{"kind": "research", "role": role}]), explain=True)
    (line,) = lines_of(result, "professional_works")
    assert line.interpretations == interpretations


def test_professional_works_are_summed_without_cap():
    works = [{"kind": "book", "publication": "national", "relevant": True}] * 2
    assert component(doc(works=works), "professional_works") == 100


# -- 8. Scientific forums --------------------------------------------------------------------
FORUM_TABLE = {
    "international": (50, 10),
    "national": (40, 8),
    "province": (30, 6),
    "district": (20, 4),
    "subdistrict": (10, 2),
}


@pytest.mark.parametrize(
    ("level", "role", "points"),
    [
        (level, role, pair[index])
        for level, pair in FORUM_TABLE.items()
        for index, role in enumerate(("speaker", "participant"))
    ],
)
def test_a_scientific_forum_scores_its_row(level, role, points):
    result = scored(doc(forums=[{"level": level, "role": role}]), explain=True)
    assert result.components["scientific_forums"] == points
    (line,) = lines_of(result, "scientific_forums")
    assert (line.path, line.points) == ("forums[0]", points)


def test_scientific_forums_are_summed_without_cap():
    forums = [{"level": "international", "role": "speaker"}] * 2
    assert component(doc(forums=forums), "scientific_forums") == 100


# -- 9. Organisation experience --------------------------------------------------------------
ORGANISATION_TABLE = {
    "international": (10, 7),
    "national": (7, 5),
    "province": (5, 4),
    "district": (4, 3),
    "subdistrict": (3, 2),
    "village": (2, 1),
}


@pytest.mark.parametrize("years", [0, 1, 3])
@pytest.mark.parametrize(
    ("level", "kind", "per_year"),
    [
        (level, kind, pair[index])
        for level, pair in ORGANISATION_TABLE.items()
        for index, kind in enumerate(("education", "social"))
    ],
)
def test_an_organisation_post_scores_its_row_per_year(level, kind, per_year, years):
    entry = {"type": kind, "level": level, "years": years}
    result = scored(doc(organizations=[entry]), explain=True)
    assert result.components["organization_experience"] == per_year * years
    (line,) = lines_of(result, "organization_experience")
    assert (line.path, line.points) == ("organizations[0]", per_year * years)
    assert f"× {per_year} = {per_year * years}" in line.rule.text("en")


@pytest.mark.parametrize(
    ("role", "per_year"), [("principal", 4), ("vice_principal", 2), ("extracurricular_advisor", 1)]
)
@pytest.mark.parametrize("years", [0, 1, 5])
def test_an_additional_duty_scores_per_year(role, per_year, years):
    result = scored(doc(additional_duties=[{"role": role, "years": years}]), explain=True)
    assert result.components["organization_experience"] == per_year * years
    (line,) = lines_of(result, "organization_experience")
    assert (line.path, line.points) == ("additional_duties[0]", per_year * years)


def test_organisations_and_duties_add_up():
    document = doc(
        organizations=[{"type": "education", "level": "district", "years": 4}],
        additional_duties=[{"role": "principal", "years": 2}],
    )
    assert component(document, "organization_experience") == 16 + 8


# -- 10. Awards ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("level", "points"),
    [("international", 30), ("national", 20), ("province", 10), ("district", 5)],
)
def test_an_award_scores_its_level(level, points):
    result = scored(doc(awards=[{"level": level}]), explain=True)
    assert result.components["awards"] == points
    (line,) = lines_of(result, "awards")
    assert (line.path, line.points) == ("awards[0]", points)


SEED_AWARDS = (
    "Penghargaan yang relevan dengan bidang pendidikan yaitu penghargaan yang diperoleh karena "
    "guru menunjukkan dedikasi yang baik dalam melaksanakan tugas dan memenuhi kriteria "
    "kuantitatif (lama waktu, hasil, lokasi/geografis), kualitatif (komitmen, etos kerja), dan "
    "relevansi (dalam bidang/rumpun bidang), baik pada tingkat kabupaten/kota, provinsi, "
    "nasional, maupun internasional."
)


def test_a_subdistrict_award_scores_0_with_its_reason():
    assert seed_says(SEED_AWARDS)  # no "kecamatan" among the levels
    result = scored(doc(awards=[{"level": "subdistrict"}, {"level": "district"}]), explain=True)
    assert result.components["awards"] == 5
    first, _ = lines_of(result, "awards")
    assert (first.path, first.points) == ("awards[0]", 0)
    assert first.rule.code == "trace.award_not_counted"
    assert "kabupaten/kota" in first.rule.text("id")
    assert "district level up" in first.rule.text("en")


@pytest.mark.parametrize("years", [0, 1, 7, 60])
def test_special_area_service_scores_4_a_year(years):
    result = scored(doc(special_area_service=[{"years": years}]), explain=True)
    assert result.components["awards"] == 4 * years
    (line,) = lines_of(result, "awards")
    assert (line.path, line.points) == ("special_area_service[0]", 4 * years)


def test_awards_and_special_area_service_add_up_without_cap():
    document = doc(
        awards=[{"level": "international"}] * 2,
        special_area_service=[{"years": 10, "kind": "remote"}],
    )
    assert component(document, "awards") == 100
