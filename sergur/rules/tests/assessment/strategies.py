"""Hypothesis strategies for the sheet arithmetic: exact points as the rubric makes them,
sets of parts, reviews, facts and thresholds around the boundaries. They drive the proofs that
the re-score's fast functions (`tally`, `mean_of_two`, `compare_tallies`, `decision_code`) give
exactly what the reference functions give."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from sergur.rules.assessment import PARTS, Facts, SheetReview
from sergur.rules.assessment.sheet import MAIN_PARTS
from sergur.rules.decisions import Standing
from sergur.rules.programme import PortfolioThresholds, RulesYear, load_year

Points = Decimal | int

# Whole numbers (ints, as the tables give them), and Decimals written as the rubric and the
# means write them: fifths and quarters of a sum (0.2, 37.50), means of those (18.75, 0.125),
# whole Decimals (Decimal(100) / 5 is Decimal("20")) and whole Decimals with a positive
# exponent (Decimal("1E+1")), which arithmetic may produce.
points: st.SearchStrategy[Points] = st.one_of(
    st.integers(0, 1200),
    st.integers(0, 6000).map(lambda n: Decimal(n) / 5),
    st.integers(0, 4800).map(lambda n: Decimal(n) * Decimal("0.25")),
    st.integers(0, 48000).map(lambda n: Decimal(n) / 40),
    st.integers(0, 120).map(lambda n: Decimal(f"{n}E+1")),
    st.decimals(min_value=0, max_value=1200, places=4),
)

parts_sets: st.SearchStrategy[dict[str, Points]] = st.fixed_dictionaries(
    {part: st.one_of(st.just(0), points) for part in PARTS}
)

reviews = st.builds(
    SheetReview,
    administrative_defects=st.lists(st.sampled_from(("no stamp", "no photo")), max_size=2).map(
        tuple
    ),
    doubtful_evidence=st.lists(st.sampled_from(("2.c", "7.b")), max_size=2).map(tuple),
    fraud_found=st.booleans(),
)

facts = st.builds(Facts, special_area=st.booleans(), superior_present=st.booleans())

# Thresholds near the points drawn above, so that the boundaries are hit (x == minimum).
threshold = st.one_of(st.sampled_from((0, 100, 150, 200, 300, 825, 850)), st.integers(0, 1200)).map(
    Decimal
)


MAIN_2007 = load_year(2007).portfolio.main_components


@st.composite
def thresholds(draw: st.DrawFn) -> PortfolioThresholds:
    """Any thresholds of a programme-year file (the near-miss floor never above the pass
    mark)."""
    pass_mark = draw(threshold)
    return PortfolioThresholds(
        pass_mark=pass_mark,
        group_a_min=draw(threshold),
        group_b_min=draw(threshold),
        group_b_min_special_area=draw(threshold),
        group_c_cap=draw(threshold),
        near_miss_floor=min(draw(threshold), pass_mark),
        main_components=draw(st.sampled_from(((), MAIN_2007))),
    )


years = thresholds().map(lambda t: RulesYear(year=2007, rubric="2007", portfolio=t))


@st.composite
def standings(draw: st.DrawFn) -> Standing:
    """Any standing: group totals, sub-elements (some empty), the review's findings; the
    values are drawn from a few, so that they often equal a threshold."""
    value = st.one_of(threshold, points)
    return Standing(
        group_a=draw(value),
        group_b=draw(value),
        group_c=draw(value),
        total=draw(value),
        parts={part: draw(st.one_of(st.just(0), value)) for part in MAIN_PARTS},
        special_area=draw(st.booleans()),
        superior_assessment_present=draw(st.booleans()),
        fraud_found=draw(st.booleans()),
        doubtful_evidence=tuple(draw(st.lists(st.sampled_from(("2.c", "7.b")), max_size=2))),
        administrative_defects=tuple(draw(st.lists(st.just("no stamp"), max_size=1))),
    )
