"""Nothing of the training is recorded before it happened (sergur/rules/plpg/entries.py)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from sergur.rules.plpg import attendance_too_early, score_too_early

DAY = dt.date(2008, 7, 1)


def test_attendance_of_a_later_session_is_refused_with_its_day() -> None:
    reason = attendance_too_early(day=DAY, today=DAY - dt.timedelta(days=1))
    assert reason is not None and "2008-07-01" in reason.text("en")
    assert "belum berlangsung" in reason.text("id")
    assert attendance_too_early(day=DAY, today=DAY) is None


def test_a_score_before_the_training_starts_is_refused_and_no_date_refuses_nothing() -> None:
    reason = score_too_early(starts_on=DAY, today=DAY - dt.timedelta(days=1))
    assert reason is not None and "starts on 2008-07-01" in reason.text("en")
    assert score_too_early(starts_on=DAY, today=DAY) is None
    assert score_too_early(starts_on=None, today=DAY) is None


@given(st.dates(), st.dates())
def test_refused_exactly_when_the_day_is_after_today(day: dt.date, today: dt.date) -> None:
    assert (attendance_too_early(day=day, today=today) is not None) == (day > today)
    assert (score_too_early(starts_on=day, today=today) is not None) == (day > today)
