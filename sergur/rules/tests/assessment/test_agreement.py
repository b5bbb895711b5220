"""Agreement statistics: checked against published worked examples (Shrout & Fleiss 1979
tables 2 to 4; Artstein & Poesio 2008 tables 1 and 4 as used by scikit-learn's tests), the
degenerate inputs, and properties that hold for any ratings."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
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
    FlagRules,
    MeanSquares,
    Number,
    QualityBook,
    Rating,
    TwoRaters,
    Weights,
    flags_for,
)
from sergur.rules.tests.strategies import RULES_SETTINGS

# Shrout & Fleiss (1979), table 2: 6 targets rated by 4 judges.
SHROUT_FLEISS = [
    [9, 2, 5, 8],
    [6, 1, 3, 2],
    [8, 4, 6, 8],
    [7, 1, 2, 6],
    [10, 5, 6, 9],
    [6, 2, 4, 7],
]

# The shipped 2007 values of the [assessment] section.
RULES = FlagRules(tolerance=30, kappa_min=Decimal("0.40"), min_pairs=5)


def _round(value: Fraction | None, places: int) -> Decimal:
    assert value is not None
    return round(Decimal(value.numerator) / Decimal(value.denominator), places)


def _pairs(a: list[int], b: list[int]) -> list[tuple[str, str]]:
    return [(str(x), str(y)) for x, y in zip(a, b, strict=True)]


def _kappa(
    pairs: Iterable[tuple[str, str]],
    weights: Weights = "linear",
    categories: tuple[str, ...] = DECISION_SCALE,
) -> Estimate:
    table = CodeTable(categories)
    for a, b in pairs:
        table.add(a, b)
    return table.kappa(weights)


def _squares(rows: Sequence[Sequence[Number]]) -> MeanSquares:
    values = [[Fraction(v) for v in row] for row in rows]
    return MeanSquares.from_sums(
        n=len(values),
        k=len(values[0]),
        total=sum((v for row in values for v in row), start=Fraction(0)),
        squares=sum((v * v for row in values for v in row), start=Fraction(0)),
        row_squares=sum((sum(row, start=Fraction(0)) ** 2 for row in values), start=Fraction(0)),
    )


def _textbook_icc(rows: Sequence[Sequence[Number]]) -> Fraction:
    """ICC(1,1) the long way, from deviations about the means (Shrout & Fleiss 1979, table 1)."""
    values = [[Fraction(v) for v in row] for row in rows]
    n, k = len(values), len(values[0])
    means = [sum(row, start=Fraction(0)) / k for row in values]
    grand = sum(means, start=Fraction(0)) / n
    bms = k * sum(((m - grand) ** 2 for m in means), start=Fraction(0)) / (n - 1)
    wms = sum(
        ((v - m) ** 2 for row, m in zip(values, means, strict=True) for v in row),
        start=Fraction(0),
    ) / (n * (k - 1))
    return (bms - wms) / (bms + (k - 1) * wms)


def test_icc_reproduces_shrout_fleiss_case_1() -> None:
    squares = _squares(SHROUT_FLEISS)
    # Table 3's one-way mean squares: BMS 11.24, WMS 6.26.
    assert _round(squares.between_targets, 2) == Decimal("11.24")
    assert _round(squares.within_targets, 2) == Decimal("6.26")
    result = squares.icc()
    # Table 4: ICC(1,1) = .17 (the two-way ICC(2,1) = .29 and ICC(3,1) = .71 of the same data
    # assume the same four judges on every target).
    assert _round(result.value, 2) == Decimal("0.17")
    assert result.value == Fraction(448, 2703) == _textbook_icc(SHROUT_FLEISS)
    assert result.n == 6


def test_two_raters_from_sums_equals_the_textbook_form() -> None:
    rows: list[list[Decimal | int]] = [
        [Decimal("812.5"), Decimal("830.25")],
        [700, 702],
        [905, 880],
        [640, 655],
    ]
    sums = TwoRaters()
    for x, y in rows:
        sums.add(x, y)
    assert sums.icc() == Estimate(_textbook_icc(rows), 4)


def test_icc_counts_a_constant_gap_between_the_slots_as_disagreement() -> None:
    # Every first assessor gives 60 and every second 50: the portfolios do not differ at all,
    # the assessors do, so the single rating tells nothing (ICC(1,1) = -1, not 0 or 1).
    sums = TwoRaters()
    for _ in range(3):
        sums.add(60, 50)
    assert sums.icc() == Estimate(Fraction(-1), 3)


def test_kappa_reproduces_artstein_poesio_two_categories() -> None:
    # Table 1: [[20, 20], [10, 50]] -> kappa 0.348.
    a = [0] * 40 + [1] * 60
    b = [0] * 20 + [1] * 20 + [0] * 10 + [1] * 50
    result = _kappa(_pairs(a, b), "none", ("0", "1"))
    assert _round(result.value, 3) == Decimal("0.348")


def test_kappa_reproduces_the_weighted_example() -> None:
    a = [0] * 46 + [1] * 44 + [2] * 10
    b = [0] * 50 + [1] * 40 + [2] * 10
    pairs, scale = _pairs(a, b), ("0", "1", "2")
    assert _round(_kappa(pairs, "none", scale).value, 4) == Decimal("0.9315")
    assert _round(_kappa(pairs, "linear", scale).value, 4) == Decimal("0.9412")
    assert _round(_kappa(pairs, "quadratic", scale).value, 4) == Decimal("0.9541")


def test_quadratic_kappa_is_exact() -> None:
    pairs = [("0", "1"), ("4", "4"), ("3", "2")]
    result = _kappa(pairs, "quadratic", tuple("01234"))
    assert result.value == Fraction(17, 20)


def test_kappa_on_decision_codes_leaves_out_findings() -> None:
    table = CodeTable()
    for pair in [("L", "L"), ("L", "MA"), ("MS", "MPLPG"), ("K", "L"), ("L", "D"), ("", "L")]:
        table.add(*pair)
    assert table.n == 3
    assert table.excluded == 3
    assert table.kappa().n == 3


def test_kappa_without_pairs_or_variation_is_undefined() -> None:
    assert _kappa([]) == Estimate(None, 0, NO_PAIRS)
    same = _kappa([("L", "L"), ("L", "L")])
    assert same == Estimate(None, 2, NO_VARIATION)
    assert not same.defined


def test_unknown_weights_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown kappa weights"):
        CodeTable().kappa("cubic")  # type: ignore[arg-type]


def test_icc_with_too_few_targets_or_no_variation_is_undefined() -> None:
    sums = TwoRaters()
    assert sums.icc() == Estimate(None, 0, NO_PAIRS)
    sums.add(800, 810)
    assert sums.icc() == Estimate(None, 1, TOO_FEW_PAIRS)
    flat = TwoRaters()
    for _ in range(3):
        flat.add(5, 5)
    assert flat.icc() == Estimate(None, 3, NO_VARIATION)


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


def test_flags_follow_the_programme_year_rules() -> None:
    low = Estimate(Fraction(3, 10), 6)
    good = Estimate(Fraction(9, 10), 6)
    assert flags_for(Estimate(Fraction(-16), 6), good, RULES) == (FLAG_SEVERE,)
    assert flags_for(Estimate(Fraction(16), 6), low, RULES) == (FLAG_LENIENT, FLAG_LOW_AGREEMENT)
    assert flags_for(Estimate(Fraction(15), 6), good, RULES) == ()
    assert flags_for(Estimate(Fraction(-99), 4), Estimate(Fraction(3, 10), 4), RULES) == ()
    assert flags_for(Estimate(None, 6, NO_VARIATION), Estimate(None, 6), RULES) == ()
    # A kappa of exactly kappa_min is not below it.
    assert flags_for(good, Estimate(Fraction(2, 5), 6), RULES) == ()


def test_each_flag_needs_enough_pairs_in_its_own_figure() -> None:
    # Six pairs of totals, but four had K or D: the kappa rests on two pairs and flags nothing.
    assert flags_for(Estimate(Fraction(0), 6), Estimate(Fraction(-1), 2), RULES) == ()
    # The other way round: a kappa on five pairs flags even if the severity is undefined.
    undefined = Estimate(None, 5, NO_VARIATION)
    assert flags_for(undefined, Estimate(Fraction(1, 5), 5), RULES) == (FLAG_LOW_AGREEMENT,)


def test_the_flag_thresholds_are_the_rules_passed_in() -> None:
    severity, kappa = Estimate(Fraction(-6), 2), Estimate(Fraction(7, 10), 2)
    assert flags_for(severity, kappa, RULES) == ()
    strict = FlagRules(tolerance=Decimal("10"), kappa_min=Decimal("0.75"), min_pairs=2)
    assert flags_for(severity, kappa, strict) == (FLAG_SEVERE, FLAG_LOW_AGREEMENT)


def _rating(assessor: int, total: int, code: str, period: str, qual: int = 0) -> Rating:
    return Rating(assessor, total, code, {"qualification": qual}, period)


def test_quality_book_reports_per_assessor_part_and_period() -> None:
    book = QualityBook(parts=("qualification", "training"))
    book.add(_rating(1, 850, "L", "2008-03", 100), _rating(2, 820, "MS", "2008-04", 90))
    book.add(_rating(2, 700, "MPLPG", "2008-04"), _rating(1, 760, "MPLPG", "2008-04"))
    book.add(_rating(1, 900, "L", "2008-05"), _rating(3, 880, "K", "2008-05"))
    report = book.report(RULES)
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
    assert first.parts["training"] == Estimate(None, 0, NO_PAIRS)  # no sheet has it
    assert [period for period, _ in first.drift] == ["2008-03", "2008-04", "2008-05"]
    assert first.drift[1][1].value == Fraction(60)
    assert first.flags == ()  # fewer pairs than MIN_PAIRS_FOR_FLAG
    assert report.assessors[1].severity.value == Fraction(-45)
    qualification = report.parts[0]
    assert qualification.part == "qualification"
    assert qualification.mean_absolute.value == Fraction(10, 3)
    assert report.parts[1].icc == Estimate(None, 0, NO_PAIRS)


def test_a_part_missing_from_a_sheet_leaves_the_pair_out_of_that_part() -> None:
    book = QualityBook(parts=("qualification", "training"))
    both = {"qualification": 100, "training": 80}
    book.add(Rating(1, 850, "L", both, "2008-03"), Rating(2, 840, "L", both, "2008-03"))
    book.add(
        Rating(1, 800, "MS", {"qualification": 90, "training": 70}, "2008-03"),
        Rating(2, 790, "MS", {"qualification": 80}, "2008-03"),
    )
    report = book.report(RULES)
    assert report.pairs == 2
    qualification, training = report.parts
    assert qualification.mean_absolute == Estimate(Fraction(5), 2)
    # Counting the missing training as 0 would make the distance 35 over two pairs.
    assert training.mean_absolute == Estimate(Fraction(0), 1)
    assert training.icc == Estimate(None, 1, TOO_FEW_PAIRS)
    first = report.assessors[0]
    assert first.parts == {
        "qualification": Estimate(Fraction(5), 2),
        "training": Estimate(Fraction(0), 1),
    }


def test_empty_quality_book_reports_nothing_defined() -> None:
    report = QualityBook(parts=("qualification",)).report(RULES)
    assert report.pairs == 0
    assert report.assessors == ()
    assert report.periods == ()
    assert report.icc.reason == NO_PAIRS
    assert report.parts[0].icc.reason == NO_PAIRS


def test_quality_book_flags_a_lenient_assessor() -> None:
    book = QualityBook(parts=())
    for index in range(6):
        base = 800 + 10 * index
        book.add(
            _rating(1, base + 40, DECISION_SCALE[index % 4], "2008-03"),
            _rating(2, base, DECISION_SCALE[(index + 2) % 4], "2008-03"),
        )
    report = book.report(RULES)
    assert FLAG_LENIENT in report.assessors[0].flags
    assert FLAG_SEVERE in report.assessors[1].flags
    assert FLAG_LOW_AGREEMENT in report.assessors[0].flags


def test_quality_book_does_not_flag_kappa_on_too_few_coded_pairs() -> None:
    # Six pairs, the co-assessor gave K four times: the kappa of the two coded pairs (L vs
    # MPLPG, MPLPG vs L) is as low as it gets, but rests on 2 pairs, fewer than min_pairs.
    book = QualityBook(parts=())
    codes = [("L", "MPLPG"), ("MPLPG", "L")] + [("L", "K")] * 4
    for index, (own, other) in enumerate(codes):
        book.add(_rating(1, 800 + index, own, "2008-03"), _rating(2, 800 + index, other, "2008-03"))
    first = book.report(RULES).assessors[0]
    assert first.pairs == 6
    assert first.kappa_linear.n == 2
    assert first.kappa_linear.value is not None and first.kappa_linear.value < 0
    assert first.flags == ()


codes = st.sampled_from(DECISION_SCALE)
code_pairs = st.lists(st.tuples(codes, codes), min_size=1, max_size=40)
weights: st.SearchStrategy[Weights] = st.sampled_from(("none", "linear", "quadratic"))
totals = st.decimals(min_value=0, max_value=1200, places=2, allow_nan=False)


@RULES_SETTINGS
@given(st.lists(codes, min_size=2, max_size=40), weights)
def test_kappa_of_identical_ratings_is_one(ratings: list[str], weight: Weights) -> None:
    result = _kappa([(r, r) for r in ratings], weight)
    if len(set(ratings)) > 1:
        assert result.value == 1
    else:
        assert result.reason == NO_VARIATION


@RULES_SETTINGS
@given(code_pairs, weights)
def test_kappa_is_symmetric_and_bounded(pairs: list[tuple[str, str]], weight: Weights) -> None:
    forward = _kappa(pairs, weight)
    backward = _kappa([(b, a) for a, b in pairs], weight)
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
        assert result.value == 1
    else:
        assert result.reason == NO_VARIATION
    assert sums.severity().value == 0


@RULES_SETTINGS
@given(st.lists(st.tuples(totals, totals, st.booleans()), min_size=2, max_size=30))
def test_icc_does_not_depend_on_who_is_in_which_slot(
    pairs: list[tuple[Decimal, Decimal, bool]],
) -> None:
    # The slots hold different assessors from portfolio to portfolio: swapping the two ratings
    # of any portfolios must not change the figure (a two-way model would).
    forward, swapped = TwoRaters(), TwoRaters()
    for x, y, swap in pairs:
        forward.add(x, y)
        swapped.add(*((y, x) if swap else (x, y)))
    result = forward.icc()
    assert result == swapped.icc()
    if result.value is not None:
        assert -1 <= result.value <= 1


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
    result = sums.icc()
    assert result.value is None or result.value == _textbook_icc(pairs)
    exact = sum((Fraction(x) - Fraction(y) for x, y in pairs), start=Fraction(0)) / len(pairs)
    assert sums.severity().value == exact
    assert diffs.severity().value == exact
