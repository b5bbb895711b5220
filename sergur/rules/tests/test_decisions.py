"""Group rules, the pass rule and the order of the decision rules (docs/sources/decisions.md).

These call `decide` on a `Standing` directly, so each boundary is exact; test_scoring.py checks
the same boundaries end to end from portfolio files.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import msgspec
import pytest
from hypothesis import given

from sergur.rules import CODES, Decision, Lang, Message, load_year
from sergur.rules.decisions import Standing, decide, decision_code, group_checks, groups_hold
from sergur.rules.messages import LANGS, msg
from sergur.rules.programme import PortfolioThresholds
from sergur.rules.tests.assessment.strategies import standings, thresholds
from sergur.rules.tests.helpers import seed_says
from sergur.rules.tests.strategies import RULES_SETTINGS

T2007 = load_year(2007).portfolio
GROUP_A_FULL: dict[str, Decimal | int] = {
    "qualification": 150,
    "teaching_experience": 160,
    "lesson_plans": 40,
    "teaching_observation": 120,
}
FULL_PARTS: dict[str, Decimal | int] = {**GROUP_A_FULL, "training": 60, "superior_assessment": 40}


def standing(
    *,
    a: Decimal | int | str = 500,
    b: Decimal | int | str = 300,
    c: Decimal | int | str = 60,
    empty: tuple[str, ...] = (),
    special_area: bool = False,
    superior: bool = True,
    fraud: bool = False,
    doubtful: tuple[str, ...] = (),
    defects: tuple[str, ...] = (),
) -> Standing:
    """A standing with total = A + B + min(C, 100), as docs/sources/rubric-2007.md defines it."""
    group_a, group_b, group_c = Decimal(str(a)), Decimal(str(b)), Decimal(str(c))
    return Standing(
        group_a=group_a,
        group_b=group_b,
        group_c=group_c,
        total=group_a + group_b + min(group_c, Decimal(100)),
        parts={part: 0 if part in empty else value for part, value in FULL_PARTS.items()},
        special_area=special_area,
        superior_assessment_present=superior,
        fraud_found=fraud,
        doubtful_evidence=doubtful,
        administrative_defects=defects,
    )


def texts(decision: Decision, lang: Lang) -> list[str]:
    return [reason.text(lang) for reason in decision.reasons]


def codes(decision: Decision) -> list[str]:
    return [reason.code for reason in decision.reasons]


def test_the_2007_thresholds_are_those_of_decisions_md():
    assert (
        T2007.pass_mark,
        T2007.group_a_min,
        T2007.group_b_min,
        T2007.group_b_min_special_area,
        T2007.group_c_cap,
        T2007.near_miss_floor,
    ) == tuple(Decimal(v) for v in (850, 300, 200, 150, 100, 825))


# -- the pass mark and the near-miss floor ---------------------------------------------------
def test_a_total_of_exactly_850_with_every_group_rule_passes_with_no_reasons():
    decision = decide(standing(a=500, b=250, c=100), T2007)
    assert (decision.code, decision.passes, decision.reasons) == ("L", True, ())


def test_a_total_just_below_850_is_ms_and_says_how_far_it_is_short():
    decision = decide(standing(a="499.99", b=250, c=100), T2007)
    assert (decision.code, decision.passes) == ("MS", False)
    assert codes(decision) == ["reason.below_pass_mark"]
    (id_text,) = texts(decision, "id")
    (en_text,) = texts(decision, "en")
    assert "849,99" in id_text and "0,01" in id_text and "850" in id_text
    assert "849.99" in en_text and "0.01" in en_text and "850" in en_text


def test_a_total_of_exactly_825_is_ms():
    assert decide(standing(a=475, b=250, c=100), T2007).code == "MS"


def test_a_total_just_below_825_is_mplpg():
    decision = decide(standing(a="474.99", b=250, c=100), T2007)
    assert decision.code == "MPLPG"
    assert "24,99" in texts(decision, "id")[0]
    assert "24.99" in texts(decision, "en")[0]


# -- group A ---------------------------------------------------------------------------------
def test_group_a_of_exactly_300_holds():
    decision = decide(standing(a=300, b=450, c=100), T2007)
    assert decision.code == "L"
    assert decision.groups[0].holds


def test_group_a_just_below_300_fails_even_when_the_total_reaches_850():
    decision = decide(standing(a="299.99", b="450.01", c=100), T2007)
    assert decision.code == "MS"
    assert codes(decision) == ["reason.group_a_min"]
    assert "299,99" in texts(decision, "id")[0] and "300" in texts(decision, "id")[0]
    assert "299.99" in texts(decision, "en")[0] and "300" in texts(decision, "en")[0]


@pytest.mark.parametrize("part", sorted(GROUP_A_FULL))
def test_an_empty_group_a_sub_element_fails_group_a(part):
    decision = decide(standing(a=600, b=300, c=100, empty=(part,)), T2007)
    assert decision.code == "MS"
    assert not decision.passes
    assert decision.groups[0].empty_parts == (part,)
    assert codes(decision) == ["reason.group_a_empty"]
    for lang in LANGS:
        name = msg(f"component.{part}").text(lang)
        assert name in texts(decision, lang)[0]


def test_every_empty_sub_element_is_a_reason_of_its_own():
    decision = decide(standing(a=600, b=300, c=100, empty=tuple(GROUP_A_FULL)), T2007)
    assert codes(decision) == ["reason.group_a_empty"] * 4


# -- main components -------------------------------------------------------------------------
SEED_MAIN_COMPONENTS = (
    "Komponen kualifikasi akademik; pendidikan dan pelatihan; pengalaman mengajar; perencanaan "
    "dan pelaksanaan pembelajaran; dan penilaian dari atasan dan pengawas merupakan komponen "
    "yang utama dalam sertifikasi. Jadi semua komponen harus dipenuhi."
)
"""Seed 003, FAQ, mechanism section, question 7 (docs/sources/seeds/003_358fe984fbae11df.txt)."""


def test_the_2007_main_components_are_the_five_the_seed_names():
    assert seed_says(SEED_MAIN_COMPONENTS)
    assert set(T2007.main_components) == {
        "qualification",  # kualifikasi akademik
        "training",  # pendidikan dan pelatihan
        "teaching_experience",  # pengalaman mengajar
        "lesson_plans",  # perencanaan ... pembelajaran
        "teaching_observation",  # ... dan pelaksanaan pembelajaran
        "superior_assessment",  # penilaian dari atasan dan pengawas
    }


def test_no_training_fails_a_portfolio_above_the_pass_mark_as_near_miss():
    decision = decide(standing(a=600, b=300, c=100, empty=("training",)), T2007)
    assert decision.code == "MS"
    assert not decision.passes
    assert decision.rule == "near_miss"
    assert all(group.holds for group in decision.groups)
    assert codes(decision) == ["reason.main_component_empty"]
    for lang in LANGS:
        assert msg("component.training").text(lang) in texts(decision, lang)[0]
    assert decision_code(standing(a=600, b=300, c=100, empty=("training",)), T2007) == "MS"


def test_no_training_below_the_near_miss_floor_goes_to_plpg():
    decision = decide(standing(a=500, b=300, c=0, empty=("training",)), T2007)
    assert decision.code == "MPLPG"
    assert "reason.main_component_empty" in codes(decision)


def test_a_missing_component_5_is_named_once_by_its_own_rule():
    decision = decide(
        standing(a=600, b=300, c=100, empty=("superior_assessment",), superior=False), T2007
    )
    assert decision.code == "MPLPG"
    assert codes(decision) == ["reason.no_superior_assessment"]


def test_a_year_without_main_components_passes_without_training():
    loose = dataclasses.replace(T2007, main_components=())
    assert decide(standing(a=600, b=300, c=100, empty=("training",)), loose).code == "L"


# -- group B ---------------------------------------------------------------------------------
def test_group_b_of_exactly_200_holds():
    assert decide(standing(a=550, b=200, c=100), T2007).code == "L"


def test_group_b_just_below_200_fails():
    decision = decide(standing(a=551, b=199, c=100), T2007)
    assert decision.code == "MS"
    assert codes(decision) == ["reason.group_b_min"]
    assert "199" in texts(decision, "en")[0] and "200" in texts(decision, "en")[0]
    assert "199" in texts(decision, "id")[0] and "200" in texts(decision, "id")[0]


def test_group_b_of_exactly_150_holds_for_a_special_area_teacher():
    decision = decide(standing(a=600, b=150, c=100, special_area=True), T2007)
    assert decision.code == "L"
    assert decision.groups[1].minimum == 150


def test_group_b_just_below_150_fails_for_a_special_area_teacher():
    decision = decide(standing(a=601, b=149, c=100, special_area=True), T2007)
    assert decision.code == "MS"
    assert codes(decision) == ["reason.group_b_min_special"]
    assert "149" in texts(decision, "en")[0] and "150" in texts(decision, "en")[0]
    assert "149" in texts(decision, "id")[0] and "150" in texts(decision, "id")[0]


def test_group_b_of_150_fails_for_a_teacher_outside_a_special_area():
    decision = decide(standing(a=600, b=150, c=100), T2007)
    assert decision.code == "MS"
    assert decision.groups[1].minimum == 200
    assert codes(decision) == ["reason.group_b_min"]


# -- group C ---------------------------------------------------------------------------------
def test_an_empty_group_c_fails_even_when_the_total_reaches_850():
    decision = decide(standing(a=500, b=350, c=0), T2007)
    assert decision.code == "MS"
    assert codes(decision) == ["reason.group_c_empty"]
    assert "8, 9" in texts(decision, "en")[0] and "8, 9" in texts(decision, "id")[0]


def test_a_group_c_of_any_positive_value_holds():
    decision = decide(standing(a=549, b=300, c="0.5"), T2007)
    assert decision.code == "MS"  # 849.5 is short of the pass mark, but C holds
    assert codes(decision) == ["reason.below_pass_mark"]


def test_group_checks_report_value_minimum_and_outcome():
    a, b, c = group_checks(standing(a=299, b=201, c=0), T2007)
    assert (a.group, a.value, a.minimum, a.holds) == ("A", 299, 300, False)
    assert (b.group, b.value, b.minimum, b.holds) == ("B", 201, 200, True)
    assert (c.group, c.value, c.minimum, c.holds) == ("C", 0, 0, False)


# -- the order of the rules ------------------------------------------------------------------
ORDER_CASES = [
    # (fraud, doubtful, superior present, passing, defects, expected code)
    pytest.param(True, True, False, False, True, "D", id="fraud-beats-everything"),
    pytest.param(True, False, True, True, False, "D", id="fraud-on-a-pass"),
    pytest.param(False, True, False, True, True, "K", id="doubtful-beats-missing-5"),
    pytest.param(False, True, True, True, False, "K", id="doubtful-on-a-pass"),
    pytest.param(False, True, True, False, False, "K", id="doubtful-on-a-fail"),
    pytest.param(False, False, False, True, False, "MPLPG", id="missing-5-beats-a-pass"),
    pytest.param(False, False, False, True, True, "MPLPG", id="missing-5-beats-ma"),
    pytest.param(False, False, True, True, True, "MA", id="defects-on-a-pass"),
    pytest.param(False, False, True, True, False, "L", id="plain-pass"),
    pytest.param(False, False, True, False, True, "MPLPG", id="defects-far-below"),
]


@pytest.mark.parametrize(
    ("fraud", "doubtful", "superior", "passing", "defects", "code"), ORDER_CASES
)
def test_the_first_rule_that_applies_decides(fraud, doubtful, superior, passing, defects, code):
    s = standing(
        a=500 if passing else 300,
        b=300,
        c=60,
        superior=superior,
        fraud=fraud,
        doubtful=("2.c",) if doubtful else (),
        defects=("declaration has no duty stamp",) if defects else (),
    )
    decision = decide(s, T2007)
    assert decision.code == code
    assert decision.code in CODES


def test_ma_needs_a_pass_defects_on_a_near_miss_give_ms():
    decision = decide(standing(a=480, b=300, c=60, defects=("no photo",)), T2007)
    assert decision.code == "MS"
    assert codes(decision) == ["reason.below_pass_mark", "reason.defect"]


def test_ma_lists_only_the_defects_as_reasons():
    defects = ("declaration has no duty stamp", "copy not legalised")
    decision = decide(standing(defects=defects), T2007)
    assert decision.code == "MA"
    assert decision.passes
    assert texts(decision, "en") == [f"Administrative defect: {d}" for d in defects]
    assert texts(decision, "id") == [f"Kekurangan administrasi: {d}" for d in defects]


def test_ms_covers_a_total_above_the_pass_mark_that_fails_a_group_rule():
    decision = decide(standing(a=700, b=100, c=100), T2007)
    assert decision.code == "MS"
    assert codes(decision) == ["reason.group_b_min"]


def test_a_failing_group_far_below_the_floor_is_mplpg():
    decision = decide(standing(a=100, b=100, c=0), T2007)
    assert decision.code == "MPLPG"
    assert codes(decision) == [
        "reason.below_pass_mark",
        "reason.group_a_min",
        "reason.group_b_min",
        "reason.group_c_empty",
    ]


def test_k_lists_each_doubtful_code_in_both_languages():
    decision = decide(standing(doubtful=("2.c", "7.b", "10.a.1)")), T2007)
    assert decision.code == "K"
    assert codes(decision) == ["reason.doubtful"] * 3
    for lang in LANGS:
        for text, code in zip(texts(decision, lang), ("2.c", "7.b", "10.a.1)"), strict=True):
            assert code in text


def test_the_missing_superior_assessment_is_mplpg_whatever_the_score():
    decision = decide(standing(a=845, b=300, c=100, superior=False), T2007)
    assert decision.code == "MPLPG"
    assert codes(decision) == ["reason.no_superior_assessment"]


def test_reasons_list_every_failing_rule_even_when_an_earlier_rule_decided():
    s = standing(
        a="299.5",
        b=149,
        c=0,
        empty=("teaching_experience", "lesson_plans"),
        superior=False,
        fraud=True,
        doubtful=("2.c", "8.a"),
        defects=("no photo",),
    )
    decision = decide(s, T2007)
    assert decision.code == "D"
    assert codes(decision) == [
        "reason.fraud",
        "reason.doubtful",
        "reason.doubtful",
        "reason.no_superior_assessment",
        "reason.below_pass_mark",
        "reason.group_a_min",
        "reason.group_a_empty",
        "reason.group_a_empty",
        "reason.group_b_min",
        "reason.group_c_empty",
        "reason.defect",
    ]
    id_texts, en_texts = texts(decision, "id"), texts(decision, "en")
    # total 448.5 is 401.5 short of 850; group A 299.5 < 300; group B 149 < 200.
    assert "448,5" in id_texts[4] and "401,5" in id_texts[4] and "850" in id_texts[4]
    assert "448.5" in en_texts[4] and "401.5" in en_texts[4] and "850" in en_texts[4]
    assert "299,5" in id_texts[5] and "300" in id_texts[5]
    assert "299.5" in en_texts[5] and "300" in en_texts[5]
    assert "149" in id_texts[8] and "200" in id_texts[8]
    assert "149" in en_texts[8] and "200" in en_texts[8]
    assert "2.c" in en_texts[1] and "8.a" in id_texts[2]
    assert "no photo" in en_texts[10] and "no photo" in id_texts[10]
    assert all(isinstance(reason, Message) for reason in decision.reasons)


@pytest.mark.parametrize(
    ("s", "code", "rule"),
    [
        pytest.param(standing(fraud=True, superior=False), "D", "fraud", id="fraud"),
        pytest.param(standing(doubtful=("1.a",)), "K", "doubtful", id="doubtful"),
        pytest.param(standing(superior=False), "MPLPG", "no_superior", id="no-superior"),
        pytest.param(standing(), "L", "pass", id="pass"),
        pytest.param(standing(defects=("x",)), "MA", "pass", id="pass-with-defects"),
        pytest.param(standing(a=470), "MS", "near_miss", id="near-miss"),
        pytest.param(standing(a=200), "MPLPG", "otherwise", id="otherwise"),
    ],
)
def test_the_decision_names_the_rule_that_decided(s, code, rule):
    decision = decide(s, T2007)
    assert (decision.code, decision.rule) == (code, rule)


@pytest.mark.parametrize(
    "s",
    [
        pytest.param(standing(fraud=True), id="D"),
        pytest.param(standing(doubtful=("1.a",)), id="K"),
        pytest.param(standing(superior=False), id="MPLPG-no-5"),
        pytest.param(standing(defects=("x",)), id="MA"),
        pytest.param(standing(a=470), id="MS"),
        pytest.param(standing(a=200), id="MPLPG"),
    ],
)
def test_every_code_but_l_comes_with_at_least_one_reason(s):
    decision = decide(s, T2007)
    assert decision.code != "L"
    assert decision.reasons


# -- thresholds are programme-year data ------------------------------------------------------
def test_other_thresholds_change_the_decision_without_code_changes():
    strict_year = PortfolioThresholds(
        pass_mark=Decimal(900),
        group_a_min=Decimal(300),
        group_b_min=Decimal(200),
        group_b_min_special_area=Decimal(150),
        group_c_cap=Decimal(100),
        near_miss_floor=Decimal(880),
    )
    s = standing(a=500, b=300, c=60)  # 860
    assert decide(s, T2007).code == "L"
    decision = decide(s, strict_year)
    assert decision.code == "MPLPG"
    assert "900" in texts(decision, "en")[0] and "40" in texts(decision, "en")[0]


# -- the code alone (the re-score's fast path) -------------------------------------------------
@RULES_SETTINGS
@given(s=standings(), t=thresholds())
def test_the_code_alone_is_the_code_of_the_whole_decision(s, t):
    decision = decide(s, t)

    assert decision_code(s, t) == decision.code
    assert groups_hold(s, t) == all(g.holds for g in decision.groups)


@pytest.mark.parametrize(
    ("s", "code"),
    [
        pytest.param(standing(fraud=True), "D", id="D"),
        pytest.param(standing(doubtful=("1.a",)), "K", id="K"),
        pytest.param(standing(superior=False), "MPLPG", id="MPLPG-no-5"),
        pytest.param(standing(defects=("x",)), "MA", id="MA"),
        pytest.param(standing(a=500, b=250, c=100), "L", id="L"),
        pytest.param(standing(a=470), "MS", id="MS"),
        pytest.param(standing(a=600, b=300, c=100, empty=("lesson_plans",)), "MS", id="empty"),
        pytest.param(standing(a=200), "MPLPG", id="MPLPG"),
    ],
)
def test_the_code_alone_follows_the_order_of_the_rules(s, code):
    assert decision_code(s, T2007) == decide(s, T2007).code == code


# -- a counsellor's words ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("part", "counsellor_id", "subject_id"),
    [
        (
            "teaching_observation",
            "4b Pelaksanaan Program Pelayanan Bimbingan dan Konseling",
            "4b Pelaksanaan pembelajaran",
        ),
        (
            "lesson_plans",
            "4a Perencanaan Program Pelayanan Bimbingan dan Konseling",
            "4a Perencanaan pembelajaran",
        ),
        ("teaching_experience", "Lama memberikan pelayanan BK", "Pengalaman mengajar"),
    ],
)
def test_a_counsellors_reasons_name_the_parts_in_the_seeds_words(part, counsellor_id, subject_id):
    empty = standing(a=600, b=300, c=100, empty=(part,))
    counsellor = decide(msgspec.structs.replace(empty, role="counselor"), T2007)
    subject = decide(empty, T2007)
    assert counsellor.code == subject.code == "MS"
    assert counsellor_id in texts(counsellor, "id")[0]
    assert subject_id in texts(subject, "id")[0]
    assert counsellor_id not in texts(subject, "id")[0]


def test_a_counsellors_other_reasons_are_the_subject_teachers():
    no_training = {**FULL_PARTS, "training": 0}
    base = msgspec.structs.replace(standing(a=600, b=300, c=100), parts=no_training)
    counsellor = decide(msgspec.structs.replace(base, role="counselor"), T2007)
    assert texts(counsellor, "en") == texts(decide(base, T2007), "en")
