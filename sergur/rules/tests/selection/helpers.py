"""Builders for the selection tests: one eligible 2007 teacher, changed by keyword."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from sergur.rules.selection import Candidate
from sergur.rules.selection.params import RANKS, selection_params

P2007 = selection_params(2007)
D = dt.date


def teacher(**changes: Any) -> Candidate:
    """An eligible PNS S1 teacher of Bantul (region 3402), changed by `changes`."""
    base: dict[str, Any] = {
        "nuptk": "1234567890123456",
        "name": "Sri Lestari",
        "birth_date": D(1965, 6, 15),
        "employment": "pns",
        "rank": "III/b",
        "education_level": "S1",
        "degree_date": D(1990, 8, 1),
        "teacher_since": D(1991, 1, 1),
        "teaching_hours": 24,
        "region": "3402",
        "school_level": "SD",
        "subject_code": "180",
    }
    base.update(changes)
    return Candidate(**base)


def texts(candidate: Candidate, lang: str = "en") -> list[str]:
    """The eligibility reasons of `candidate` in 2007, as text."""
    from sergur.rules.selection.eligibility import check

    return [m.text(lang) for m in check(candidate, P2007).reasons]  # type: ignore[arg-type]


dates = st.dates(min_value=D(1930, 1, 1), max_value=D(2010, 12, 31))
optional_dates = st.none() | dates

candidates = st.builds(
    Candidate,
    nuptk=st.sampled_from(["", "123", "12345678901234x6"])
    | st.from_regex(r"[0-9]{16}", fullmatch=True),
    name=st.sampled_from(["Ani", "Budi", "Citra", "Dewi", ""]),
    birth_date=st.dates(min_value=D(1935, 1, 1), max_value=D(1990, 12, 31)),
    employment=st.sampled_from(["pns", "non_pns", "pns", "non_pns", "contract"]),
    rank=st.sampled_from(["", "II/a", "III/d", "IV/a", "IV/e", "V/z", *RANKS]),
    has_inpassing=st.booleans(),
    education_level=st.sampled_from(["SMA", "D1", "D2", "D3", "S1", "D4", "S2", "S3"]),
    degree_date=optional_dates,
    teacher_since=optional_dates,
    permanent_since=optional_dates,
    service_gap_months=st.integers(0, 400),
    teaching_hours=st.integers(-5, 300),
    additional_duty=st.integers(-1, 9),
    achievement=st.integers(-1, 9),
    certified=st.booleans(),
    region=st.sampled_from(["3402", "3404", "6303"]),
    school_level=st.sampled_from(["SD", "SMP", "SMA", "SMK", "SLB"]),
    subject_code=st.sampled_from(["180", "156"]),
)
