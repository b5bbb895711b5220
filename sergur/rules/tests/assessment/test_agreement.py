"""Agreement statistics: checked against published worked examples (Shrout & Fleiss 1979
table 4; Artstein & Poesio 2008 tables 1 and 4 as used by scikit-learn's tests), the degenerate
inputs, and properties that hold for any ratings."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sergur.rules.assessment.agreement import (
    DECISION_SCALE,
    FLAG_LENIENT,
    FLAG_LOW_AGREEMENT,
    FLAG_SEVERE,
    NO_PAIRS,
    NO_VARIATION,
    TOO_FEW_PAIRS,
    CodeTable,
    Differences,
    Estimate,
    Number,
    QualityBook,
    Rating,
    TwoRaters,
    flags_for,
    icc,
    weighted_kappa,
)
from sergur.rules.tests.strategies import RULES_SETTINGS

# Shrout & Fleiss (1979), table 4: 6 targets rated by 4 judges.
SHROUT_FLEISS = [
    [9, 2, 5, 8],
    [6, 1, 3, 2],
    [8, 4, 6, 8],
    [7, 1, 2, 6],
    [10, 5, 6, 9],
    [6, 2, 4, 7],
]


def _round(value: Fraction | None, places: int) -> Decimal:
    assert value is not None
    return round(Decimal(value.numerator) / Decimal(value.denominator), places)


def _pairs(a: list[int], b: list[int]) -> list[tuple[str, str]]:
    return [(str(x), str(y)) for x, y in zip(a, b, strict=True)]


def test_icc_reproduces_shrout_fleiss_table_4() -> None:
    result = icc(SHROUT_FLEISS)
    squares = result.squares
    assert squares is not None
    # Table 4's mean squares: BMS 11.24, JMS 32.49, EMS 1.02.
    assert _round(squares.between_targets, 2) == Decimal("11.24")
    assert _round(squares.between_judges, 2) == Decimal("32.49")
    assert _round(squares.residual, 2) == Decimal("1.02")
    # ICC(2,1) = .29 and ICC(3,1) = .71.
    assert _round(result.agreement.value, 2) == Decimal("0.29")
    assert _round(result.consistency.value, 2) == Decimal("0.71")
    assert result.agreement.n == 6


def test_two_raters_from_sums_equals_the_table_form() -> None:
    rows: list[list[Decimal | int]] = [
        [Decimal("812.5"), Decimal("830.25")],
        [700, 702],
        [905, 880],
        [640, 655],
    ]
    sums = TwoRaters()
    for x, y in rows:
        sums.add(x, y)
    assert sums.icc() == icc(rows)


def test_kappa_reproduces_artstein_poesio_two_categories() -> None:
    # Table 1: [[20, 20], [10, 50]] -> kappa 0.348.
    a = [0] * 40 + [1] * 60
    b = [0] * 20 + [1] * 20 + [0] * 10 + [1] * 50
    result = weighted_kappa(_pairs(a, b), weights="none", categories=("0", "1"))
    assert _round(result.value, 3) == Decimal("0.348")


def test_kappa_reproduces_the_weighted_example() -> None:
    a = [0] * 46 + [1] * 44 + [2] * 10
    b = [0] * 50 + [1] * 40 + [2] * 10
    pairs, scale = _pairs(a, b), ("0", "1", "2")
    assert _round(weighted_kappa(pairs, weights="none", categories=scale).value, 4) == Decimal(
        "0.9315"
    )
    assert _round(weighted_kappa(pairs, weights="linear", categories=scale).value, 4) == Decimal(
        "0.9412"
    )
    assert _round(weighted_kappa(pairs, weights="quadratic", categories=scale).value, 4) == Decimal(
        "0.9541"
    )


def test_quadratic_kappa_is_exact() -> None:
    pairs = [("0", "1"), ("4", "4"), ("3", "2")]
    result = weighted_kappa(pairs, weights="quadratic", categories=tuple("01234"))
    assert result.value == Fraction(17, 20)


def test_kappa_on_decision_codes_leaves_out_findings() -> None:
    table = CodeTable()
    for pair in [("L", "L"), ("L", "MA"), ("MS", "MPLPG"), ("K", "L"), ("L", "D"), ("", "L")]:
        table.add(*pair)
    assert table.n == 3
    assert table.excluded == 3
    assert table.kappa().n == 3


def test_kappa_without_pairs_or_variation_is_undefined() -> None:
    assert weighted_kappa([]) == Estimate(None, 0, NO_PAIRS)
    same = weighted_kappa([("L", "L"), ("L", "L")])
    assert same == Estimate(None, 2, NO_VARIATION)
    assert not same.defined


def test_unknown_weights_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown kappa weights"):
        CodeTable().kappa("cubic")  # type: ignore[arg-type]


def test_icc_with_too_few_targets_or_no_variation_is_undefined() -> None:
    assert icc([]).agreement == Estimate(None, 0, NO_PAIRS)
    one = icc([[800, 810]])
    assert one.agreement == Estimate(None, 1, TOO_FEW_PAIRS)
    assert one.consistency.reason == TOO_FEW_PAIRS
    assert one.squares is None
    flat = icc([[5, 5], [5, 5], [5, 5]])
    assert flat.agreement == Estimate(None, 3, NO_VARIATION)
    assert flat.consistency == Estimate(None, 3, NO_VARIATION)
    assert TwoRaters().icc().agreement.reason == NO_PAIRS


def test_icc_refuses_ragged_ratings() -> None:
    with pytest.raises(ValueError, match="same number of ratings"):
        icc([[1, 2], [3]])
    with pytest.raises(ValueError, match="same number of ratings"):
        icc([[1], [2]])


def test_severity_and_mean_absolute_difference() -> None:
    pairs = TwoRaters()
    assert pairs.severity() == Estimate(None, 0, NO_PAIRS)
    assert pairs.mean_absolute() == Estimate(None, 0, NO_PAIRS)
    pairs.add(Decimal("850.5"), 840)
    pairs.add(800, Decimal("830.5"))
    assert pairs.severity() == Estimate(Fraction(-10), 2)
    assert pairs.mean_absolute() == Estimate(Fraction(41, 2), 2)
    diffs = Differences()
    assert diffs.severity().reason == NO_PAIRS
    diffs.add(Decimal("0.1"), Decimal("0.3"))
    assert diffs.severity().value == Fraction(-1, 5)


def test_flags_follow_the_product_defaults() -> None:
    low = Estimate(Fraction(3, 10), 6)
    good = Estimate(Fraction(9, 10), 6)
    assert flags_for(Estimate(Fraction(-16), 6), good, tolerance=30) == (FLAG_SEVERE,)
    assert flags_for(Estimate(Fraction(16), 6), low, tolerance=30) == (
        FLAG_LENIENT,
        FLAG_LOW_AGREEMENT,
    )
    assert flags_for(Estimate(Fraction(15), 6), good, tolerance=30) == ()
    assert flags_for(Estimate(Fraction(-99), 4), low, tolerance=30) == ()
    assert flags_for(Estimate(None, 6, NO_VARIATION), Estimate(None, 6), tolerance=30) == ()


def _rating(assessor: int, total: int, code: str, period: str, qual: int = 0) -> Rating:
    return Rating(assessor, total, code, {"qualification": qual}, period)


def test_quality_book_reports_per_assessor_part_and_period() -> None:
    book = QualityBook(parts=("qualification", "training"))
    book.add(_rating(1, 850, "L", "2008-03", 100), _rating(2, 820, "MS", "2008-04", 90))
    book.add(_rating(2, 700, "MPLPG", "2008-04"), _rating(1, 760, "MPLPG", "2008-04"))
    book.add(_rating(1, 900, "L", "2008-05"), _rating(3, 880, "K", "2008-05"))
    report = book.report(tolerance=30)
    assert report.pairs == 3
    assert report.excluded == 1
    assert report.kappa_linear.n == 2
    assert [p.period for p in report.periods] == ["2008-04", "2008-05"]
    assert report.periods[0].mean_absolute.value == Fraction(45)
    assert [a.assessor for a in report.assessors] == [1, 2, 3]
    first = report.assessors[0]
    assert first.pairs == 3
    assert first.severity.value == Fraction(30 + 60 + 20, 3)
    assert first.excluded == 1
    assert first.parts["qualification"].value == Fraction(10, 3)
    assert first.parts["training"].value == 0
    assert [period for period, _ in first.drift] == ["2008-03", "2008-04", "2008-05"]
    assert first.drift[1][1].value == Fraction(60)
    assert first.flags == ()  # fewer pairs than MIN_PAIRS_FOR_FLAG
    assert report.assessors[1].severity.value == Fraction(-45)
    qualification = report.parts[0]
    assert qualification.part == "qualification"
    assert qualification.mean_absolute.value == Fraction(10, 3)


def test_empty_quality_book_reports_nothing_defined() -> None:
    report = QualityBook(parts=("qualification",)).report(tolerance=30)
    assert report.pairs == 0
    assert report.assessors == ()
    assert report.periods == ()
    assert report.icc.agreement.reason == NO_PAIRS
    assert report.parts[0].icc.agreement.reason == NO_PAIRS


def test_quality_book_flags_a_lenient_assessor() -> None:
    book = QualityBook(parts=())
    for index in range(6):
        base = 800 + 10 * index
        book.add(
            _rating(1, base + 40, DECISION_SCALE[index % 4], "2008-03"),
            _rating(2, base, DECISION_SCALE[(index + 2) % 4], "2008-03"),
        )
    report = book.report(tolerance=30)
    assert FLAG_LENIENT in report.assessors[0].flags
    assert FLAG_SEVERE in report.assessors[1].flags
    assert FLAG_LOW_AGREEMENT in report.assessors[0].flags


codes = st.sampled_from(DECISION_SCALE)
code_pairs = st.lists(st.tuples(codes, codes), min_size=1, max_size=40)
weights = st.sampled_from(("none", "linear", "quadratic"))
totals = st.decimals(min_value=0, max_value=1200, places=2, allow_nan=False)


@RULES_SETTINGS
@given(st.lists(codes, min_size=2, max_size=40), weights)
def test_kappa_of_identical_ratings_is_one(ratings: list[str], weight: str) -> None:
    result = weighted_kappa([(r, r) for r in ratings], weights=weight)  # type: ignore[arg-type]
    if len(set(ratings)) > 1:
        assert result.value == 1
    else:
        assert result.reason == NO_VARIATION


@RULES_SETTINGS
@given(code_pairs, weights)
def test_kappa_is_symmetric_and_bounded(pairs: list[tuple[str, str]], weight: str) -> None:
    forward = weighted_kappa(pairs, weights=weight)  # type: ignore[arg-type]
    backward = weighted_kappa([(b, a) for a, b in pairs], weights=weight)  # type: ignore[arg-type]
    assert forward == backward
    if forward.value is not None:
        assert -1 <= forward.value <= 1


@RULES_SETTINGS
@given(st.lists(totals, min_size=2, max_size=30))
def test_icc_of_identical_ratings_is_one(values: list[Decimal]) -> None:
    sums = TwoRaters()
    for value in values:
        sums.add(value, value)
    result = sums.icc()
    if len(set(values)) > 1:
        assert result.agreement.value == 1
        assert result.consistency.value == 1
    else:
        assert result.agreement.reason == NO_VARIATION
    assert sums.severity().value == 0


@RULES_SETTINGS
@given(st.lists(st.tuples(totals, totals), min_size=2, max_size=30))
def test_icc_is_symmetric_in_the_raters(pairs: list[tuple[Decimal, Decimal]]) -> None:
    forward = icc([[x, y] for x, y in pairs])
    backward = icc([[y, x] for x, y in pairs])
    assert forward.agreement == backward.agreement
    assert forward.consistency == backward.consistency
    if forward.consistency.value is not None:
        assert -1 <= forward.consistency.value <= 1


mixed = st.one_of(
    st.integers(0, 1200),
    st.decimals(min_value=0, max_value=1200, places=1, allow_nan=False),
    st.decimals(min_value=0, max_value=1200, places=4, allow_nan=False),
)


@RULES_SETTINGS
@given(st.lists(st.tuples(mixed, mixed), min_size=2, max_size=20))
def test_streamed_sums_are_exact_whatever_the_decimals(pairs: list[tuple[Number, Number]]) -> None:
    sums, diffs = TwoRaters(), Differences()
    for x, y in pairs:
        sums.add(x, y)
        diffs.add(x, y)
    assert sums.icc() == icc([[x, y] for x, y in pairs])
    exact = sum((Fraction(x) - Fraction(y) for x, y in pairs), start=Fraction(0)) / len(pairs)
    assert sums.severity().value == exact
    assert diffs.severity().value == exact
