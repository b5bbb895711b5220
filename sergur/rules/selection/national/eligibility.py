"""Eligibility and counting in columns (docs/sources/domain.md §4.1, §4.4): `check_frame` gives
every teacher's reasons as bit flags, in the order `eligibility.check` gives them."""

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
    "selection.retired",
    "selection.education",
    "selection.education_required",
    "selection.service_short",
    "selection.no_permanent",
    "selection.permanent_short",
    "selection.certified",
    "selection.depag",
)


def _age(birth: pl.Expr, on: dt.date) -> pl.Expr:
    """Completed years of age on `on` (eligibility.age_on)."""
    month = birth.dt.month()
    later = (month > on.month) | ((month == on.month) & (birth.dt.day() > on.day))
    return on.year - as_int(birth.dt.year()) - as_int(later)


def _education(params: SelectionParams, teaching: pl.Expr) -> tuple[pl.Expr, pl.Expr]:
    """(without the 50/20-or-IV/a route, with it): `check`'s two education reasons."""
    below = ~pl.col("education_level").is_in(list(params.direct_levels))
    if (
        params.alternative_age is None
        or params.alternative_service_years is None
        or params.alternative_min_rank is None
    ):
        return below, pl.lit(False)
    by_age_and_service = (
        _age(pl.col("birth_date"), params.reference_date) >= params.alternative_age
    ) & (teaching.fill_null(0) // 12 >= params.alternative_service_years)
    by_rank = counted_rank(params.rank_counts_inpassing) >= RANK_ORDER[params.alternative_min_rank]
    return pl.lit(False), below & ~by_age_and_service & ~by_rank


def _age_rules(params: SelectionParams) -> tuple[pl.Expr, pl.Expr]:
    """(under the limit, not retired): `check`'s two age reasons (eligibility._age_rule)."""
    birth = pl.col("birth_date")
    on = params.age_cutoff
    if params.age_rule == "under":
        return _age(birth, on) >= params.age_limit, pl.lit(False)
    # retired from the 1st of the month after the birthday of age_limit, on or before `on`
    retired_month = (as_int(birth.dt.year()) + params.age_limit) * 12 + as_int(birth.dt.month())
    return pl.lit(False), retired_month < on.year * 12 + on.month


def check_frame(frame: pl.DataFrame, params: SelectionParams) -> pl.DataFrame:
    """`frame` with `reasons` (bit flags, see REASONS) and `eligible`: `check` of every row."""
    nuptk = pl.col("nuptk")
    employment = pl.col("employment")
    since = pl.col("teacher_since")
    permanent = pl.col("permanent_since")
    ref = params.reference_date
    non_pns = employment == "non_pns"
    teaching = (months_to(since, ref).clip(lower_bound=0) - pl.col("service_gap_months")).clip(
        lower_bound=0
    )
    over_age, retired = _age_rules(params)
    required, education = _education(params, teaching)
    required_years = params.non_pns_min_years
    by_service = params.non_pns_counts == "service"
    no_rule = pl.lit(False)
    rules = (
        nuptk == "",
        (nuptk != "") & ~nuptk.str.contains(r"\A[0-9]{16}\z"),
        ~employment.is_in(["pns", "non_pns"]),
        since.is_null(),
        since > params.teacher_on,
        over_age,
        retired,
        education,
        required,
        non_pns & since.is_not_null() & (teaching // 12 < required_years)
        if by_service
        else no_rule,
        no_rule if by_service else non_pns & permanent.is_null(),
        no_rule
        if by_service
        else non_pns & (months_to(permanent, ref).clip(lower_bound=0) // 12 < required_years),
        pl.col("certified"),
        pl.col("subject_code").is_in(list(params.depag_subjects)),
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
