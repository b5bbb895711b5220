"""Retention: how long each kind of record about a teacher is kept, and whether a record is
due for deletion (UU 27/2022 on personal data protection: data are kept only as long as their
purpose needs; docs/privacy.md).

The periods are data, `retention.toml` beside this module (or a deployment's own file, named
by SERGUR_RETENTION_FILE and read by the caller); the functions here take `as_of` and never
read the clock.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from sergur.rules.messages import Lang, render
from sergur.rules.workflow import State

SHIPPED_FILE = Path(__file__).with_name("retention.toml")

CLOSED_STATES = frozenset({State.PUBLISHED, State.DISQUALIFIED})
"""The states a case ends in: the decision published, or the teacher disqualified (a case
reopened, in clarification or in appeal is still open)."""


class RetentionError(ValueError):
    """The retention file is unusable."""


class CountsFrom(StrEnum):
    """The day a retention period starts."""

    CASE_CLOSED = "case_closed"
    RECORDED = "recorded"


@dataclass(frozen=True, slots=True)
class RetentionRule:
    """One kind of record: what it holds, how many years it is kept and from when, and why."""

    kind: str
    years: int | None
    """None: kept without a time limit."""
    counts_from: CountsFrom
    holds: dict[Lang, str]
    basis: dict[Lang, str]


@dataclass(frozen=True, slots=True)
class RetentionDecision:
    """Whether the records of one kind that started on `start` are due for deletion on a
    day, and until when they are kept."""

    rule: RetentionRule
    due: bool
    start: dt.date | None
    until: dt.date | None
    code: str

    def text(self, lang: Lang) -> str:
        """The reason in plain words."""
        params = {
            "holds": self.rule.holds[lang],
            "years": self.rule.years or 0,
            "start": self.start.isoformat() if self.start else "",
            "until": self.until.isoformat() if self.until else "",
        }
        return render(self.code, params, lang)


def _text(raw: Any, where: str) -> dict[Lang, str]:
    if not isinstance(raw, dict) or not all(
        isinstance(raw.get(lang), str) for lang in ("id", "en")
    ):
        raise RetentionError(f"{where} needs a text in id and en")
    return {"id": raw["id"], "en": raw["en"]}


def _rule(kind: str, raw: Any, source: str) -> RetentionRule:
    where = f"{source}: kinds.{kind}"
    if not isinstance(raw, dict):
        raise RetentionError(f"{where} is not a table")
    years = raw.get("years")
    if years is not None and (not isinstance(years, int) or isinstance(years, bool) or years < 1):
        raise RetentionError(f"{where}.years must be a whole number of at least 1")
    try:
        counts_from = CountsFrom(str(raw.get("counts_from")))
    except ValueError:
        choices = ", ".join(CountsFrom)
        raise RetentionError(f"{where}.counts_from must be one of {choices}") from None
    return RetentionRule(
        kind=kind,
        years=years,
        counts_from=counts_from,
        holds=_text(raw.get("holds"), f"{where}.holds"),
        basis=_text(raw.get("basis"), f"{where}.basis"),
    )


def retention_rules(path: Path | None = None) -> dict[str, RetentionRule]:
    """The retention rules by kind, from `path` or the shipped file."""
    file = path or SHIPPED_FILE
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise RetentionError(f"{file}: {error}") from None
    kinds = data.get("kinds")
    if not isinstance(kinds, dict) or not kinds:
        raise RetentionError(f"{file}: no [kinds.*] tables")
    return {kind: _rule(kind, raw, str(file)) for kind, raw in kinds.items()}


def years_after(start: dt.date, years: int) -> dt.date:
    """The same day `years` later; 29 February becomes 28 February in a common year."""
    try:
        return start.replace(year=start.year + years)
    except ValueError:
        return start.replace(year=start.year + years, day=28)


def retention_due(
    rule: RetentionRule, *, start: dt.date | None, as_of: dt.date
) -> RetentionDecision:
    """Whether records of `rule`'s kind whose period started on `start` (the case's closure
    or the record's date; None while the case is open) are due for deletion on `as_of`."""
    if rule.years is None:
        return RetentionDecision(rule, False, start, None, "retention.permanent")
    if start is None:
        return RetentionDecision(rule, False, None, None, "retention.open")
    until = years_after(start, rule.years)
    due = as_of >= until
    return RetentionDecision(rule, due, start, until, "retention.due" if due else "retention.kept")


def case_closed_on(
    *, state: str, entered_state_on: dt.date | None, appeal_until: dt.date | None, appeal_open: bool
) -> dt.date | None:
    """The day a case closed, or None while it is open: its decision published (or the
    teacher disqualified), no appeal undecided, and the appeal window over; the later of the
    day it entered that state and the last day of the appeal window."""
    if state not in CLOSED_STATES or entered_state_on is None or appeal_open:
        return None
    return max(entered_state_on, appeal_until) if appeal_until else entered_state_on
