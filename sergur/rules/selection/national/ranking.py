"""Ranking and selection in columns (docs/sources/domain.md §4.3-§4.4): one sort of the year's keys
per group (`rank_frame`), then `quota.select` on the rows it reads (`select_frame`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from functools import reduce

import msgspec
import polars as pl

from sergur.rules.selection import Ranked
from sergur.rules.selection.national.frame import (
    GROUPS,
    as_int,
    candidates_of,
    counted_rank,
    months_to,
)
from sergur.rules.selection.params import SelectionParams
from sergur.rules.selection.quota import DistrictSelection, Level, non_pns_required, select
from sergur.rules.selection.ranking import _FULL, _PAIRS, CANONICAL

# The ranking values `rank_frame` adds, by canonical key.
_VALUES = {
    "service": "service",
    "age": "born",
    "rank": "counted_rank",
    "teaching_load": "hours",
    "additional_duty": "duty",
    "achievement": "prize",
}


_EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()


PACK_BITS = 63  # group and keys are sorted as one Int64 when their ranges fit this many bits


def rank_frame(
    frame: pl.DataFrame, params: SelectionParams, by: Sequence[str] = ()
) -> pl.DataFrame:
    """`frame` ranked as `ranking.rank` ranks each group of `by` (every row when empty): with
    the ranking values, `group` (0, 1, ... in the sorted order of the `by` values) and
    `position` (1-based within the group). The rows keep their order (reordering millions of
    wide rows costs more than the ranking); sort by (group, position) to read a ranking."""
    since = pl.col("teacher_since")
    degree = pl.col("degree_date")
    if params.service_from_levels is None:  # 2007: from the appointment
        start = since
        counted = pl.lit(True)
    else:
        start = pl.when(degree > since).then(degree).otherwise(since)
        counted = pl.col("education_level").is_in(list(params.service_from_levels))
    service = pl.when(counted & since.is_not_null()).then(
        (months_to(start, params.reference_date) - pl.col("service_gap_months")).clip(0, _FULL[0])
    )
    ranked = frame.with_columns(
        service=service.fill_null(0),
        born=as_int(pl.col("birth_date").cast(pl.Int32)) + _EPOCH_ORDINAL,
        counted_rank=counted_rank(params.rank_counts_inpassing),
        hours=pl.col("teaching_hours").clip(0, _FULL[3]),
        duty=pl.col("additional_duty").clip(0, _FULL[4]),
        prize=pl.col("achievement").clip(0, _FULL[5]),
    )
    group, groups = _groups(ranked, by)
    ranked = ranked.with_columns(group=group)
    # The year's keys, each as a value where smaller is better (ranking._layout), in a narrow
    # frame: the order is found there, and the wide frame is reordered once.
    full = dict(zip((name for name, _bits in CANONICAL), _FULL, strict=True))
    better = [
        pl.col("born") if name == "age" else full[name] - pl.col(_VALUES[name])
        for name in params.ranking_keys
    ]
    columns = ["group", *(f"_k{i}" for i in range(len(better)))]
    keys = ranked.select(
        "group", *(value.alias(name) for name, value in zip(columns[1:], better, strict=True))
    ).with_row_index("_row")
    keys, packed = _packed(keys, columns, groups)
    order = [packed] if packed else columns
    keys = keys.sort(order)  # ties within a group are settled on the rows next
    placed = keys.select(
        _row=_settle_ties(keys, order, ranked),
        position=pl.int_range(1, pl.len() + 1, dtype=pl.Int64).over("group"),
    )
    return ranked.with_columns(position=placed.sort("_row")["position"])


def _groups(frame: pl.DataFrame, by: Sequence[str]) -> tuple[pl.Series | int, int]:
    """The group of every row (the index of its `by` values among the sorted distinct ones;
    0 when `by` is empty) and the number of groups."""
    if not by:
        return 0, 1
    levels = sorted(frame.select(by).unique().iter_rows())
    table = pl.DataFrame(
        levels, schema={name: frame.schema[name] for name in by}, orient="row"
    ).with_row_index("group")
    joined = frame.select(by).join(table, on=list(by), how="left", maintain_order="left")
    return joined["group"], len(levels)


def _packed(ranked: pl.DataFrame, columns: list[str], groups: int) -> tuple[pl.DataFrame, str]:
    """`ranked` with `_packed` (group and keys in one Int64, so one integer sort orders them)
    and its name, or unchanged and "" when their ranges do not fit 63 bits."""
    low = ranked.select(pl.col(columns[1:]).min()).row(0)
    high = ranked.select(pl.col(columns[1:]).max()).row(0)
    if ranked.is_empty():
        low = high = (0,) * len(low)
    widths = [(groups - 1).bit_length()]
    widths += [(top - bottom).bit_length() for bottom, top in zip(low, high, strict=True)]
    if sum(widths) > PACK_BITS:
        return ranked, ""
    packed: pl.Expr = pl.lit(0, pl.Int64)
    for name, bottom, bits in zip(columns, (0, *low), widths, strict=True):
        packed = packed * (1 << bits) + (as_int(pl.col(name)) - bottom)
    return ranked.with_columns(_packed=packed), "_packed"


def _settle_ties(keys: pl.DataFrame, order: list[str], ranked: pl.DataFrame) -> pl.Series:
    """The rows of `ranked` in rank order, from `keys` sorted by `order`: rows equal in group
    and keys go by NUPTK, then name, then the encoded record (as in `ranking.rank`), sorted
    here in Python (few rows tie)."""
    same = reduce(
        lambda a, b: a & b, ((pl.col(c) == pl.col(c).shift(1)).fill_null(False) for c in order)
    )
    marks = keys.select(same=same, tied=same | same.shift(-1).fill_null(False))
    rows = keys["_row"]
    at = marks["tied"].arg_true()
    if at.is_empty():
        return rows
    people = candidates_of(ranked[rows.gather(at)])
    opens = marks["same"].gather(at).not_().to_list()
    runs: list[list[int]] = []
    for i, opens_run in enumerate(opens):
        if opens_run:
            runs.append([])
        runs[-1].append(i)
    settled: list[int] = []
    for run in runs:
        run.sort(key=lambda i: (people[i].nuptk, people[i].name, msgspec.json.encode(people[i])))
        settled += run
    return rows.scatter(at, rows.gather(at.gather(settled)))


def ranked_of(frame: pl.DataFrame, params: SelectionParams) -> list[Ranked]:
    """The rows of a ranked frame as `Ranked` (for the rows a caller needs), in frame order."""
    people = candidates_of(frame)
    columns: list[list[tuple[str, int | str]]] = []
    for name in params.ranking_keys:
        if name == "age":
            columns.append([("age", c.birth_date.isoformat()) for c in people])
        else:
            pairs = _PAIRS[name]
            columns.append([pairs[value] for value in frame[_VALUES[name]].to_list()])
    positions = frame["position"].to_list()
    return [
        Ranked(c, position, factors)
        for c, position, factors in zip(people, positions, zip(*columns, strict=True), strict=True)
    ]


def select_frame(
    ranked: pl.DataFrame, quotas: Mapping[Level, int], params: SelectionParams
) -> dict[Level, DistrictSelection]:
    """`quota.select` of every group of `quotas` on a frame ranked by GROUPS. `Ranked` objects
    are built only for the rows select reads: the top `quota` of each group and the non-PNS
    teachers after it that the minimum share may need. Groups not in `quotas` are left out."""
    firsts = (
        ranked.select(pl.int_range(pl.len(), dtype=pl.Int64).alias("_row"), "group")
        .group_by("group")
        .agg(pl.col("_row").first())
    )
    heads = ranked.select("group", *GROUPS)[firsts["_row"]]
    levels: dict[int, Level] = {
        code: (province, district, school_level)
        for code, province, district, school_level in heads.iter_rows()
    }
    quota_of = [0] * (max(levels, default=-1) + 1)
    need_of = quota_of.copy()
    for code, level in levels.items():
        if level in quotas:
            quota_of[code] = quotas[level]
            need_of[code] = non_pns_required(quotas[level], params)
    group = pl.col("group")
    quota = pl.lit(pl.Series(quota_of, dtype=pl.Int64)).gather(group)
    need = pl.lit(pl.Series(need_of, dtype=pl.Int64)).gather(group)
    position = pl.col("position")
    late_non_pns = (pl.col("employment") == "non_pns") & (position > quota)
    # The rows select reads, found on a narrow frame in rank order; only they are gathered.
    rows = (
        ranked.select(
            pl.int_range(pl.len(), dtype=pl.Int64).alias("_row"),
            "group",
            "position",
            _late=late_non_pns,
            _top=position <= quota,
            _need=need,
        )
        .sort(as_int(group) * (1 << 32) + position)  # positions stay far below 2**32
        .filter(
            pl.col("_top")
            | (pl.col("_late") & (as_int(pl.col("_late")).cum_sum().over(group) <= pl.col("_need")))
        )["_row"]
    )
    needed = ranked[rows]
    chosen: dict[Level, list[Ranked]] = {level: [] for level in quotas}
    for code, item in zip(needed["group"].to_list(), ranked_of(needed, params), strict=True):
        chosen[levels[code]].append(item)
    return {level: select(chosen[level], quotas[level], params) for level in quotas}
