"""Dates read the same on every page: English in the rules core's format with a 24-hour time
(never "p.m." before a sentence's full stop), and no page writes its own date format."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from django.utils import translation
from django.utils.formats import date_format

from sergur.rules.dates import MONTHS_EN

ROOT = Path(__file__).resolve().parents[2]
AFTERNOON = dt.datetime(2026, 12, 7, 15, 30, tzinfo=dt.UTC)


@pytest.mark.parametrize("name", ["DATETIME_FORMAT", "SHORT_DATETIME_FORMAT", "TIME_FORMAT"])
@pytest.mark.parametrize("lang", ["en", "id"])
def test_a_time_never_ends_in_a_full_stop(lang: str, name: str) -> None:
    with translation.override(lang):
        written = date_format(AFTERNOON, name)

    assert not written.endswith("."), written


@pytest.mark.parametrize("name", ["DATE_FORMAT", "SHORT_DATE_FORMAT"])
def test_english_dates_are_written_as_the_rules_core_writes_them(name: str) -> None:
    day = AFTERNOON.date()
    with translation.override("en"):
        assert date_format(day, name) == f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"
        assert date_format(AFTERNOON, "DATETIME_FORMAT") == "7 Dec 2026, 15:30"


@pytest.mark.parametrize(
    ("short", "long"),
    [("SHORT_DATE_FORMAT", "DATE_FORMAT"), ("SHORT_DATETIME_FORMAT", "DATETIME_FORMAT")],
)
def test_indonesian_lists_write_dates_as_the_pages_do(short: str, long: str) -> None:
    # A list once wrote a deadline "06-01-2027" and the case it opens "6 Jan. 2027".
    with translation.override("id"):
        assert date_format(AFTERNOON, short) == date_format(AFTERNOON, long)
        assert date_format(AFTERNOON, "SHORT_DATE_FORMAT") == "7 Des. 2026"


def test_no_template_writes_its_own_date_format() -> None:
    # Only the named formats of the settings (and 'c', the machine-readable datetime
    # attribute); the receipt check shows the seconds of a submission on purpose.
    pattern = re.compile(r"""\|(?:date|time):["']([^"']+)["']""")
    found = {
        f"{path.relative_to(ROOT)}: {fmt}"
        for path in [*ROOT.glob("templates/**/*.html"), *ROOT.glob("sergur/**/templates/**/*.html")]
        for fmt in pattern.findall(path.read_text(encoding="utf-8"))
        if not fmt.endswith("_FORMAT") and fmt != "c"
    }
    assert found == {
        "sergur/portfolios/templates/portfolios/receipt_verify.html: j F Y, H:i:s",
    }
