"""When a record of the training may be entered: not before it happened (issue 12, stop 10's
open point). Attendance waits for its session's day, a score for the first day of the class's
training (a peer-teaching appearance, the practical exam, the written tests all come after it).
A date the rayon has not set yet (None) refuses nothing: the timetable says when."""

from __future__ import annotations

import datetime as dt

from sergur.rules.messages import Message, msg


def attendance_too_early(*, day: dt.date, today: dt.date) -> Message | None:
    """Why attendance of the session on `day` cannot be recorded `today` (None: it can)."""
    if day > today:
        return msg("plpg.future.session", day=day.isoformat())
    return None


def score_too_early(*, starts_on: dt.date | None, today: dt.date) -> Message | None:
    """Why a score of a class whose training starts on `starts_on` cannot be entered `today`
    (None: it can)."""
    if starts_on is not None and starts_on > today:
        return msg("plpg.future.training", day=starts_on.isoformat())
    return None
