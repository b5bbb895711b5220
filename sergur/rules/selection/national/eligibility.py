"""Eligibility and counting in columns (docs/sources/facts.md §4.1, §4.4): `check_frame` gives every
teacher's reasons as bit flags, in the order `eligibility.check` gives them."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from functools import reduce

import polars as pl

from sergur.rules.selection import Eligibility
from sergur.rules.selection.eligibility import check
from sergur.rules.selection.national.frame import (
    as_int,
    candidates_of,
    counted_rank,
    months_to,
)
from sergur.rules.selection.params import RANK_ORDER, SelectionParams
from sergur.rules.selection.quota import Level

# Bit i of `reasons` is REASONS[i]; `check` lists its reasons in this order.
REASONS: tuple[str, ...] = (
    "selection.nuptk_missing",
    "selection.nuptk_invalid",
    "selection.employment_unknown",
    "selection.no_teacher_since",
    "selection.not_teacher_on",
    "selection.over_age",
    "selection.education",
    "selection.no_permanent",
    "selection.permanent_short",
    "selection.certified",
)


def _age(birth: pl.Expr, on: dt.date) -> pl.Expr:
    """Completed years of age on `on` (eligibility.age_on)."""
    month = birth.dt.month()
    later = (month > on.month) | ((month == on.month) & (birth.dt.day() > on.day))
    return on.year - as_int(birth.dt.year()) - as_int(later)


def check_frame(frame: pl.DataFrame, params: SelectionParams) -> pl.DataFrame:
    """`frame` with `reasons` (bit flags, see REASONS) and `eligible`: `check` of every row."""
    nuptk = pl.col("nuptk")
    employment = pl.col("employment")
    since = pl.col("teacher_since")
    permanent = pl.col("permanent_since")
    birth = pl.col("birth_date")
    ref = params.reference_date
    non_pns = employment == "non_pns"
    teaching = (months_to(since, ref).clip(lower_bound=0) - pl.col("service_gap_months")).clip(
        lower_bound=0
    )
    by_age_and_service = (_age(birth, ref) >= params.alternative_age) & (
        teaching.fill_null(0) // 12 >= params.alternative_service_years
    )
    by_rank = counted_rank() >= RANK_ORDER[params.alternative_min_rank]
    rules = (
        nuptk == "",
        (nuptk != "") & ~nuptk.str.contains(r"\A[0-9]{16}\z"),
        ~employment.is_in(["pns", "non_pns"]),
        since.is_null(),
        since > params.teacher_on,
        _age(birth, params.age_cutoff) >= params.age_limit,
        ~pl.col("education_level").is_in(list(params.direct_levels))
        & ~by_age_and_service
        & ~by_rank,
        non_pns & permanent.is_null(),
        non_pns
        & (months_to(permanent, ref).clip(lower_bound=0) // 12 < params.non_pns_permanent_years),
        pl.col("certified"),
    )
    flags = reduce(
        lambda a, b: a | b,
        (
            pl.when(rule.fill_null(False)).then(pl.lit(1 << bit, pl.UInt16)).otherwise(0)
            for bit, rule in enumerate(rules)
        ),
    )
    return frame.with_columns(reasons=flags.cast(pl.UInt16)).with_columns(
        eligible=pl.col("reasons") == 0
    )


def reason_codes(flags: int) -> tuple[str, ...]:
    """The reason codes of one `reasons` value, in the order `check` gives them."""
    return tuple(code for bit, code in enumerate(REASONS) if flags >> bit & 1)


def eligibility_of(frame: pl.DataFrame, params: SelectionParams) -> list[Eligibility]:
    """`check` of the rows of `frame` (built per teacher: for the rows a caller shows)."""
    return [check(c, params) for c in candidates_of(frame)]


def counts_of(frame: pl.DataFrame) -> dict[Level, int]:
    """Eligible teachers per (province, district, school level) of a checked frame."""
    counted = (
        frame.lazy().filter(pl.col("eligible")).group_by("region", "school_level").len().collect()
    )
    counts: dict[Level, int] = defaultdict(int)
    for region, school_level, n in counted.iter_rows():
        counts[(region[:2], region[2:], school_level)] += n
    return dict(counts)
