from __future__ import annotations

import datetime as dt

import pytest

from sergur.rules.dates import MONTHS_EN, MONTHS_ID, long_date
from sergur.rules.messages import Term, msg


def test_long_date_writes_the_indonesian_month():
    assert long_date(dt.date(2007, 7, 5)) == "5 Juli 2007"
    assert long_date(dt.date(2008, 12, 31)) == "31 Desember 2008"


@pytest.mark.parametrize("number", range(1, 13))
def test_every_month_is_a_term_of_the_catalogue(number):
    date = msg("selection.date", day="1", month=Term(f"month.{number}"), year="2008")
    assert date.text("id") == f"1 {MONTHS_ID[number - 1]} 2008"
    assert date.text("en") == f"1 {MONTHS_EN[number - 1]} 2008"
