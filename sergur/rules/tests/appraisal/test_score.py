"""The PKG scoring steps (docs/pkg.md; docs/sources/domain.md §7.2) with its worked examples."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sergur.rules.appraisal import (
    Competency,
    Instrument,
    ScoresError,
    appraisal_params,
    decimal,
    evaluate,
    instrument,
    plain,
)
from sergur.rules.appraisal.score import category_of, convert, whole, yearly_credit
from sergur.rules.tests.strategies import RULES_SETTINGS

PARAMS = appraisal_params(2013)
TEACHER = instrument("pkg-teacher")


def points_for(used: Instrument, values: dict[str, list[int]] | None = None, fill: int = 2):
    values = values or {}
    return {c.key: values.get(c.key, [fill] * c.indicators) for c in used.competencies}


def totals(values: list[int]) -> dict[str, list[int]]:
    """Indicator points whose competencies convert to `values` (6 indicators each)."""
    by_value = {1: [0] * 6, 2: [1, 1, 1, 1, 1, 1], 3: [2, 2, 2, 1, 0, 0], 4: [2] * 6}
    return {c.key: by_value[v] for c, v in zip(TEACHER.competencies, values, strict=True)}


def test_worked_example_7_of_12_is_58_33_percent_and_converts_to_3():
    # §7.2 step 3: 6 indicators, 7 of 12 points = 58.33 % → 3.
    result = evaluate(TEACHER, points_for(TEACHER, {"01": [2, 2, 1, 1, 1, 0]}), PARAMS)
    first = result.competencies[0]
    assert (first.points, first.maximum) == (7, 12)
    assert decimal(first.percentage) == Decimal("58.33")
    assert first.value == 3
    assert first.below_standard is False


def test_worked_example_50_of_56_is_89():
    # §7.2 step 5: 50/56 × 100 ≈ 89: eight competencies at 4 and six at 3.
    result = evaluate(TEACHER, totals([4] * 8 + [3] * 6), PARAMS, rank="III/a", hours=24)
    assert (result.total, result.maximum) == (50, 56)
    assert decimal(result.score) == Decimal("89.29")
    assert result.score_whole == 89
    assert (result.category.code, result.category.npk) == ("B", 100)


def test_worked_example_credit_iii_a_baik_is_10_5_and_amat_baik_13_125():
    # §7.2 step 7: (50 − 3 − 5) × 24/24 × 100 % / 4 = 10.5; Amat Baik 13.125.
    good = evaluate(TEACHER, totals([4] * 8 + [3] * 6), PARAMS, rank="III/a", hours=24)
    assert good.credit is not None
    assert good.credit.amount == Fraction(21, 2)
    best = evaluate(TEACHER, totals([4] * 14), PARAMS, rank="III/a", hours=24)
    assert best.category.code == "AB"
    assert best.credit is not None and best.credit.amount == Fraction("13.125")


@pytest.mark.parametrize(
    ("percentage", "value"),
    [
        (0, 1),
        (Fraction(1, 100), 1),
        (25, 1),
        (Fraction(2501, 100), 2),
        (50, 2),
        (75, 3),
        (76, 4),
        (100, 4),
    ],
)
def test_the_conversion_bands(percentage, value):
    assert convert(Fraction(percentage), PARAMS) == value


@pytest.mark.parametrize(
    ("score", "code"),
    [
        (100, "AB"),
        (91, "AB"),
        (90, "B"),
        (76, "B"),
        (75, "C"),
        (61, "C"),
        (60, "S"),
        (51, "S"),
        (50, "K"),
        (0, "K"),
    ],
)
def test_the_categories(score, code):
    assert category_of(score, PARAMS).code == code


def test_credit_figures_are_shown_without_trailing_zeros():
    assert [plain(Fraction(x)) for x in ("21/2", "105/8", "1", "1/3")] == [
        "10.5",
        "13.125",
        "1",
        "0.3333",
    ]


def test_the_score_is_rounded_half_up_for_its_category():
    assert whole(Fraction(181, 2)) == 91
    assert whole(Fraction(1809, 20)) == 90


def test_fewer_hours_earn_a_share_and_more_are_capped():
    step = PARAMS.step("III/b")
    assert step is not None and step.akpkb == 7
    half = yearly_credit(kind="teaching", step=step, npk=100, hours=12, params=PARAMS)
    assert half.amount == Fraction(38, 8)
    assert half.hours_ratio == Fraction(1, 2)
    more = yearly_credit(kind="teaching", step=step, npk=100, hours=30, params=PARAMS)
    assert more.hours_ratio == 1


def test_an_additional_duty_earns_without_the_hours():
    head = instrument("pkg-principal")
    assert head.maximum == 24
    result = evaluate(head, points_for(head), PARAMS, rank="IV/a")
    assert result.credit is not None
    # (150 − 16 − 15) × 125 % / 4
    assert result.credit.amount == Fraction(119 * 125, 400)


def test_why_there_is_no_credit():
    assert evaluate(TEACHER, points_for(TEACHER), PARAMS).credit_note == "no_step"
    assert evaluate(TEACHER, points_for(TEACHER), PARAMS, rank="III/a").credit_note == "no_hours"
    aspects = instrument("work-aspects")
    assert evaluate(aspects, points_for(aspects), PARAMS, rank="III/a").credit_note == "no_credit"


def test_the_counsellor_instrument_is_out_of_68():
    counsellor = instrument("pkg-counsellor")
    result = evaluate(counsellor, points_for(counsellor, fill=1), PARAMS)
    assert (result.total, result.maximum, result.score_whole) == (34, 68, 50)
    assert result.category.code == "K"


def test_the_work_aspects_instrument_needs_no_code():
    aspects = instrument("work-aspects")
    assert [c.key for c in aspects.competencies][:2] == ["pengabdian", "kejujuran"]
    assert aspects.maximum == 40
    assert aspects.provisional is False
    result = evaluate(aspects, points_for(aspects, fill=1), PARAMS)
    assert (result.total, result.score_whole, result.category.code) == (20, 50, "K")


def test_competencies_below_standard():
    result = evaluate(TEACHER, totals([2, 3] + [4] * 12), PARAMS)
    assert [c.competency.key for c in result.below_standard] == ["01"]


def test_bad_points_are_refused_with_where():
    bad = points_for(TEACHER)
    bad["01"] = [2, 2, 3, 2, 2, 2]
    bad["02"] = [2]
    del bad["03"]
    bad["99"] = [1]
    bad["04"] = [True, 2, 2, 2, 2, 2]
    with pytest.raises(ScoresError) as caught:
        evaluate(TEACHER, bad, PARAMS)
    assert caught.value.problems == (
        "unknown competency '99'",
        "competency 01, indicator 3: 3 is not 0..2",
        "competency 02: 6 indicators expected, 1 given",
        "competency 03: 6 indicators expected, 0 given",
        "competency 04, indicator 1: True is not 0..2",
    )


@st.composite
def teacher_points(draw: st.DrawFn) -> dict[str, list[int]]:
    return {
        c.key: draw(st.lists(st.integers(0, 2), min_size=c.indicators, max_size=c.indicators))
        for c in TEACHER.competencies
    }


@RULES_SETTINGS
@given(teacher_points(), st.data())
def test_one_more_indicator_point_never_lowers_the_score(points, data):
    before = evaluate(TEACHER, points, PARAMS, rank="III/c", hours=24)
    open_slots = [(k, i) for k, row in points.items() for i, p in enumerate(row) if p < 2]
    if not open_slots:
        return
    key, index = data.draw(st.sampled_from(open_slots))
    raised = {k: list(row) for k, row in points.items()}
    raised[key][index] += 1
    after = evaluate(TEACHER, raised, PARAMS, rank="III/c", hours=24)
    assert after.total >= before.total
    assert after.score >= before.score
    assert after.category.npk >= before.category.npk
    assert before.credit is not None and after.credit is not None
    assert after.credit.amount >= before.credit.amount


@RULES_SETTINGS
@given(teacher_points())
def test_every_step_stays_in_range(points):
    result = evaluate(TEACHER, points, PARAMS)
    assert all(1 <= c.value <= 4 for c in result.competencies)
    assert 14 <= result.total <= 56
    assert 25 <= result.score_whole <= 100
    assert result.total == sum(c.value for c in result.competencies)


def test_an_instrument_with_one_competency_of_one_indicator():
    tiny = replace(
        TEACHER,
        competencies=(Competency("x", "", "X", "X", "observation", 1),),
    )
    assert evaluate(tiny, {"x": [1]}, PARAMS).score_whole == 50
