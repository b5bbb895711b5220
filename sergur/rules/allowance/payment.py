"""What a teacher is owed for the months of a quarter: eligibility per semester, the entitlement
period (prorated by month: a certificate or a transfer mid-quarter), the monthly amount, and what
has already been paid (docs/allowance.md, "SKTP and payments"; docs/sources/domain.md §6).

The computation is pure and append-only: it never changes a payment made; where what was paid
for a month differs from what is owed, it returns a correction that refers to the last entry
of that month. Applying its lines and computing again returns nothing: a run repeated pays
nothing twice.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sergur.rules.allowance.semester import parse_semester
from sergur.rules.allowance.semester import semester_of as _semester_of
from sergur.rules.messages import Message, msg

ZERO = Decimal(0)
_QUARTER = re.compile(r"([0-9]{4})-Q([1-4])")


@dataclass(frozen=True, slots=True, order=True)
class Quarter:
    """A calendar quarter: Q1 is January to March."""

    year: int
    number: int

    @classmethod
    def parse(cls, text: str) -> Quarter:
        """`2019-Q1` as a quarter; ValueError otherwise."""
        found = _QUARTER.fullmatch(text.strip())
        if found is None:
            raise ValueError(f"not a quarter (YYYY-Qn): {text!r}")
        return cls(int(found[1]), int(found[2]))

    def __str__(self) -> str:
        return f"{self.year}-Q{self.number}"

    @property
    def months(self) -> tuple[date, date, date]:
        """The first days of the quarter's three months."""
        first = 3 * self.number - 2
        return (
            date(self.year, first, 1),
            date(self.year, first + 1, 1),
            date(self.year, first + 2, 1),
        )

    @property
    def semester(self) -> str:
        """The semester the quarter falls in: Q1-Q2 in `YYYY-1`, Q3-Q4 in `YYYY-2`."""
        return f"{self.year}-{1 if self.number <= 2 else 2}"


def semester_of(month: date) -> str:
    """The code of the semester holding `month` (sergur/rules/allowance/semester.py)."""
    return _semester_of(month).code


def semester_quarters(semester: str) -> tuple[Quarter, Quarter]:
    """The two quarters of a semester `YYYY-N`; `SemesterError` (a ValueError) otherwise."""
    found = parse_semester(semester)
    return (Quarter(found.year, 2 * found.half - 1), Quarter(found.year, 2 * found.half))


def month_label(month: date) -> str:
    """`2019-03`."""
    return f"{month.year:04d}-{month.month:02d}"


@dataclass(frozen=True, slots=True)
class Period:
    """When the teacher is entitled here: from `start` (January after the certificate year, or
    the transfer in) to `end` (the transfer out or retirement) when set. A month counts when its
    first day is in the period: a transfer on the 15th is paid for that month by the old
    district and from the next month by the new one, never twice."""

    start: date
    end: date | None = None

    def covers(self, month: date) -> bool:
        """Whether the month (its first day) is owed."""
        return self.start <= month and (self.end is None or month <= self.end)


@dataclass(frozen=True, slots=True)
class Paid:
    """An entry already recorded for a month (a payment or a correction), by its reference."""

    ref: str
    month: date
    gross: Decimal
    tax: Decimal


@dataclass(frozen=True, slots=True)
class Monthly:
    """A month's allowance: gross and tax (from `amount.amount`); None when unknown."""

    gross: Decimal
    tax: Decimal


@dataclass(frozen=True, slots=True)
class Line:
    """A new entry to record: what is owed for a month beyond what was paid. `corrects` names
    the entry it corrects (None for a first payment)."""

    month: date
    gross: Decimal
    tax: Decimal
    corrects: str | None
    reason: Message

    @property
    def net(self) -> Decimal:
        """What is transferred (negative for a correction that claws back)."""
        return self.gross - self.tax


@dataclass(frozen=True, slots=True)
class Owed:
    """The new entries of a quarter for one teacher, and a reason for every month."""

    lines: tuple[Line, ...]
    reasons: tuple[Message, ...]

    @property
    def gross(self) -> Decimal:
        """The total of the new entries."""
        return sum((line.gross for line in self.lines), ZERO)


def due(
    month: date, eligible: Mapping[str, bool], period: Period, monthly: Monthly | None
) -> tuple[Monthly, Message]:
    """What is owed for `month` in full, and why."""
    label = month_label(month)
    semester = semester_of(month)
    nothing = Monthly(ZERO, ZERO)
    if not eligible.get(semester, False):
        return nothing, msg("pay.month_not_eligible", month=label, semester=semester)
    if month < period.start:
        return nothing, msg("pay.month_before", month=label, start=period.start.isoformat())
    if not period.covers(month):
        end = period.end.isoformat() if period.end else ""
        return nothing, msg("pay.month_after", month=label, end=end)
    if monthly is None:
        return nothing, msg("pay.month_no_amount", month=label)
    return monthly, msg("pay.month_due", month=label, gross=monthly.gross)


def owed(
    quarter: Quarter,
    eligible: Mapping[str, bool],
    period: Period,
    monthly: Mapping[date, Monthly | None],
    paid: Sequence[Paid],
) -> Owed:
    """The entries to record for `quarter`: per month, what is owed (`due`) less what `paid`
    holds for it; a difference on a month already paid is a correction of its last entry."""
    lines: list[Line] = []
    reasons: list[Message] = []
    for month in quarter.months:
        owing, reason = due(month, eligible, period, monthly.get(month))
        entries = [entry for entry in paid if entry.month == month]
        gross = owing.gross - sum((e.gross for e in entries), ZERO)
        tax = owing.tax - sum((e.tax for e in entries), ZERO)
        label = month_label(month)
        if not entries:
            reasons.append(reason)
            if gross or tax:
                lines.append(Line(month, gross, tax, None, reason))
        elif not gross and not tax:
            reasons.append(msg("pay.month_paid", month=label, gross=owing.gross))
        else:
            paid_gross = owing.gross - gross
            why = msg(
                "pay.month_correction", month=label, paid=paid_gross, gross=owing.gross, delta=gross
            )
            reasons.append(why)
            lines.append(Line(month, gross, tax, entries[-1].ref, why))
    return Owed(tuple(lines), tuple(reasons))


def in_force[T](versions: Sequence[tuple[date | None, T]], on: date) -> T:
    """Of a pay profile's versions (the date each applies from, None for "from always"; at
    least one), the one in force on `on`: the latest that applies by then. A day before every
    version takes the earliest, since nothing earlier is known (docs/allowance.md, "The pay
    profile")."""
    ordered = sorted(versions, key=lambda v: v[0] or date.min)
    found = ordered[0][1]
    for start, version in ordered:
        if start is None or start <= on:
            found = version
    return found


def earliest_payment(quarter: Quarter, earliest_month: Mapping[int, int]) -> date:
    """The first day a quarter may be paid (docs/sources/domain.md §6, schedule 2017)."""
    return date(quarter.year, earliest_month[quarter.number], 1)
