"""Dates as Indonesian and English readers write them: the month names and the long date
("5 Juli 2007") of letters, certificates and reasons. The one table of month names; the
printed documents and the selection's reasons both read it."""

from __future__ import annotations

import datetime as dt

MONTHS_ID = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def long_date(day: dt.date) -> str:
    """A date as Indonesian letters write it: 5 Juli 2007."""
    return f"{day.day} {MONTHS_ID[day.month - 1]} {day.year}"
