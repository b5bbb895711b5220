"""What a teacher is owed for a quarter: eligibility per semester, the period prorated by month,
what was paid, corrections as new entries (docs/allowance.md, "SKTP and payments")."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sergur.rules.allowance.payment import (
    Line,
    Monthly,
    Paid,
    Period,
    Quarter,
    earliest_payment,
    in_force,
    month_label,
    owed,
    semester_of,
    semester_quarters,
)
from sergur.rules.tests.strategies import RULES_SETTINGS

Q1 = Quarter(2019, 1)
AMOUNT = Monthly(Decimal(3012000), Decimal(150600))
EVERY_MONTH = dict.fromkeys(Q1.months, AMOUNT)
ELIGIBLE = {"2019-1": True}


def record(lines: tuple[Line, ...], start: int = 0) -> list[Paid]:
    return [Paid(f"e{start + i}", line.month, line.gross, line.tax) for i, line in enumerate(lines)]


def test_quarters_semesters_and_months():
    assert Quarter.parse("2019-Q3") == Quarter(2019, 3) and str(Quarter(2019, 3)) == "2019-Q3"
    assert Quarter(2019, 3).months[0] == date(2019, 7, 1) and Quarter(2019, 3).semester == "2019-2"
    assert Q1.semester == "2019-1" and semester_of(date(2019, 7, 1)) == "2019-2"
    assert semester_quarters("2019-2") == (Quarter(2019, 3), Quarter(2019, 4))
    assert month_label(date(2019, 3, 1)) == "2019-03"
    assert earliest_payment(Q1, {1: 3, 2: 6, 3: 9, 4: 11}) == date(2019, 3, 1)
    with pytest.raises(ValueError, match="quarter"):
        Quarter.parse("2019-5")
    with pytest.raises(ValueError, match="is not a semester"):
        semester_quarters("2019-3")


def test_an_eligible_teacher_is_owed_three_months():
    result = owed(Q1, ELIGIBLE, Period(date(2019, 1, 1)), EVERY_MONTH, [])
    assert result.gross == 3 * AMOUNT.gross
    assert [line.corrects for line in result.lines] == [None, None, None]
    assert result.lines[0].net == AMOUNT.gross - AMOUNT.tax
    assert [r.code for r in result.reasons] == ["pay.month_due"] * 3


def test_a_run_repeated_pays_nothing_twice():
    first = owed(Q1, ELIGIBLE, Period(date(2019, 1, 1)), EVERY_MONTH, [])
    again = owed(Q1, ELIGIBLE, Period(date(2019, 1, 1)), EVERY_MONTH, record(first.lines))
    assert again.lines == () and [r.code for r in again.reasons] == ["pay.month_paid"] * 3


def test_a_certificate_or_transfer_mid_quarter_prorates_by_month():
    joined = owed(Q1, ELIGIBLE, Period(date(2019, 2, 15)), EVERY_MONTH, [])
    assert [line.month.month for line in joined.lines] == [3]
    assert [r.code for r in joined.reasons][:2] == ["pay.month_before", "pay.month_before"]
    left = owed(Q1, ELIGIBLE, Period(date(2018, 1, 1), date(2019, 2, 14)), EVERY_MONTH, [])
    assert [line.month.month for line in left.lines] == [1, 2]
    assert left.reasons[2].code == "pay.month_after"


def test_not_eligible_or_no_amount_owes_nothing():
    result = owed(Q1, {"2019-1": False}, Period(date(2019, 1, 1)), EVERY_MONTH, [])
    assert result.lines == () and result.reasons[0].code == "pay.month_not_eligible"
    unknown = owed(Q1, ELIGIBLE, Period(date(2019, 1, 1)), {}, [])
    assert unknown.lines == () and unknown.reasons[0].code == "pay.month_no_amount"


def test_a_wrong_payment_is_corrected_by_a_new_entry_referring_to_it():
    paid = [Paid("e1", date(2019, 1, 1), Decimal(3500000), Decimal(175000))]
    result = owed(Q1, ELIGIBLE, Period(date(2019, 1, 1)), EVERY_MONTH, paid)
    correction = result.lines[0]
    assert correction.corrects == "e1" and correction.gross == Decimal(-488000)
    assert result.reasons[0].code == "pay.month_correction"
    assert paid == [Paid("e1", date(2019, 1, 1), Decimal(3500000), Decimal(175000))]
    withdrawn = owed(Q1, {"2019-1": False}, Period(date(2019, 1, 1)), EVERY_MONTH, paid)
    assert withdrawn.lines[0].gross == Decimal(-3500000)


months = st.sampled_from(Q1.months)
money = st.integers(0, 6_000_000).map(Decimal)


@RULES_SETTINGS
@given(
    st.booleans(),
    st.integers(1, 3),
    st.dictionaries(months, st.none() | st.builds(Monthly, money, money), max_size=3),
    st.lists(st.tuples(months, money, money), max_size=5),
    st.dictionaries(months, st.builds(Monthly, money, money), max_size=3),
)
def test_after_a_run_paid_equals_owed_and_nothing_is_edited(
    eligible, start_month, amounts, history, later
):
    paid = [Paid(f"p{i}", m, g, t) for i, (m, g, t) in enumerate(history)]
    before = list(paid)
    period = Period(date(2019, start_month, 1))
    result = owed(Q1, {"2019-1": eligible}, period, amounts, paid)
    assert paid == before  # corrections never edit
    for line in result.lines:
        earlier = [p.ref for p in paid if p.month == line.month]
        assert line.corrects == (earlier[-1] if earlier else None)
    paid += record(result.lines, len(paid))
    assert owed(Q1, {"2019-1": eligible}, period, amounts, paid).lines == ()
    # a changed amount is settled by new entries only, and a further run adds none
    changed = {**amounts, **later}
    fixed = owed(Q1, {"2019-1": eligible}, period, changed, paid)
    paid += record(fixed.lines, len(paid))
    assert owed(Q1, {"2019-1": eligible}, period, changed, paid).lines == ()


def test_the_version_in_force_is_the_latest_that_applies_by_the_day() -> None:
    versions = [(date(2019, 2, 15), "III/b"), (None, "III/a"), (date(2019, 6, 1), "III/c")]
    assert in_force(versions, date(2019, 1, 1)) == "III/a"
    assert in_force(versions, date(2019, 2, 14)) == "III/a"
    assert in_force(versions, date(2019, 2, 15)) == "III/b"
    assert in_force(versions, date(2019, 7, 1)) == "III/c"


def test_before_every_version_the_earliest_is_in_force() -> None:
    versions = [(date(2019, 3, 1), "III/b"), (date(2019, 1, 1), "III/a")]
    assert in_force(versions, date(2018, 1, 1)) == "III/a"
    assert in_force([(date(2019, 3, 1), "III/b")], date(2018, 1, 1)) == "III/b"
