"""The allowance semester: code `YYYY-N` (docs/allowance.md, "Teaching load").

The SKTP is issued twice a year from the school data, for semester 1 (January to June) and
semester 2 (July to December) (docs/sources/domain.md §6, "Schedule (2017)"). So `N` is the
calendar half of year `YYYY`, not the school year's odd/even semester: `2019-1` is
January-June 2019 and `2019-2` is July-December 2019.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_CODE = re.compile(r"(\d{4})-([12])")
FIRST_YEAR = 2007
"""The first year of the programme (docs/sources/domain.md §6; seed 003 is the 2007 guide)."""
LAST_YEAR = 2100


class SemesterError(ValueError):
    """A semester code that is not `YYYY-1` or `YYYY-2` within the programme's years."""


@dataclass(frozen=True, order=True, slots=True)
class Semester:
    """One allowance semester: `half` 1 is January-June, 2 is July-December."""

    year: int
    half: int

    @property
    def code(self) -> str:
        """The code `YYYY-N`."""
        return f"{self.year}-{self.half}"

    @property
    def start(self) -> date:
        """The first day of the semester."""
        return date(self.year, 1 if self.half == 1 else 7, 1)

    @property
    def end(self) -> date:
        """The last day of the semester."""
        return date(self.year, 6, 30) if self.half == 1 else date(self.year, 12, 31)

    @property
    def months(self) -> tuple[int, ...]:
        """The calendar months of the semester."""
        return tuple(range(1, 7)) if self.half == 1 else tuple(range(7, 13))

    def next(self) -> Semester:
        """The semester after this one."""
        return Semester(self.year, 2) if self.half == 1 else Semester(self.year + 1, 1)

    def __str__(self) -> str:
        return self.code


def parse_semester(code: str) -> Semester:
    """Read a semester code `YYYY-N` (N = 1 or 2); raise `SemesterError` saying what is wrong."""
    found = _CODE.fullmatch(code.strip())
    if found is None:
        raise SemesterError(
            f"{code!r} is not a semester: write YYYY-1 (January-June) or YYYY-2 (July-December)"
        )
    year = int(found.group(1))
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise SemesterError(f"{code!r}: the year must be from {FIRST_YEAR} to {LAST_YEAR}")
    return Semester(year, int(found.group(2)))


def semester_of(day: date) -> Semester:
    """The semester that holds `day`."""
    return Semester(day.year, 1 if day.month <= 6 else 2)
