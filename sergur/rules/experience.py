"""Teaching experience from the periods a teacher lists (Buku II component 3).

Service is cumulative across schools and overlapping periods count once; study leave (tugas
belajar) counts as service (docs/sources/rubric-2007.md §3). Periods are counted in completed
months, then completed years, as the guideline books count masa kerja ("12 years minus 24 months of
gaps = 10 years 6 months", docs/sources/domain.md §4.2).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from msgspec import Struct


class Period(Struct, frozen=True, gc=False):
    """One period of teaching (or study leave) at one school; `end` None means ongoing."""

    start: dt.date
    end: dt.date | None = None
    study_leave: bool = False


class Service(Struct, frozen=True, gc=False):
    """The counted service: completed months and years, and the merged spans that gave them."""

    months: int
    spans: tuple[tuple[dt.date, dt.date], ...]

    @property
    def years(self) -> int:
        """Completed years of service."""
        return self.months // 12


def months_between(start: dt.date, end: dt.date) -> int:
    """Completed calendar months from `start` to `end` (0 when end is not after start)."""
    months = (end.year - start.year) * 12 + (end.month - start.month)
    if end.day < start.day:
        months -= 1
    return max(months, 0)


def service(periods: Iterable[Period], as_of: dt.date) -> Service:
    """Merge overlapping periods, cut them at `as_of`, and count completed months."""
    spans = sorted(
        (p.start, min(p.end or as_of, as_of)) for p in periods if p.start < (p.end or as_of)
    )
    merged: list[tuple[dt.date, dt.date]] = []
    for start, end in spans:
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            last_start, last_end = merged[-1]
            merged[-1] = (last_start, max(last_end, end))
        else:
            merged.append((start, end))
    months = sum(months_between(start, end) for start, end in merged)
    return Service(months=months, spans=tuple(merged))
