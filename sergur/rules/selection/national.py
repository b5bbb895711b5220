"""The national run in columns: eligibility, counting, ranking and selection of a whole cohort
(facts.md §4.1-§4.4) as vectorised expressions over one polars frame.

The per-teacher functions (`eligibility.check`, `ranking.rank`, `quota.select`) stay the
reference and the API of the web app and `sergur rank`; this module gives the same answers for
millions of teachers without a Python object per teacher. A cohort is a frame with one column
per `Candidate` field (`SCHEMA`; `frame_of` builds one from candidates). Then:

- `check_frame` adds `reasons`, the eligibility reasons as bit flags (bit i = `REASONS[i]`, in
  the order `check` gives them; 0 = eligible), and `eligible`;
- `counts_of` counts the eligible per (province, district, school level);
- `rank_frame` adds the ranking values, `group` and `position` (1-based, per group), found by
  one sort of the year's keys (only those, as in `ranking.rank`) on a narrow frame; the rows
  keep their order;
- `select_frame` builds `Ranked` objects only for the rows `quota.select` reads (the top of
  each quota and the non-PNS teachers the minimum share may need) and runs `quota.select`.

Objects are built only where a caller needs them: `eligibility_of` (through `check`, so the
reasons carry their numbers), `ranked_of` and `candidates_of`. tests/selection/test_national.py
proves with random cohorts that the eligible set, the reasons and the order equal the
reference's.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from functools import reduce

import msgspec
import polars as pl

from sergur.rules.selection import Candidate, Eligibility, Ranked
from sergur.rules.selection.eligibility import check
from sergur.rules.selection.params import RANK_ORDER, SelectionParams
from sergur.rules.selection.quota import DistrictSelection, Level, non_pns_required, select
from sergur.rules.selection.ranking import _FULL, _PAIRS, CANONICAL

FIELDS: tuple[str, ...] = Candidate.__struct_fields__
SCHEMA: dict[str, pl.DataType] = {
    "nuptk": pl.String(),
    "name": pl.String(),
    "birth_date": pl.Date(),
    "employment": pl.String(),
    "rank": pl.String(),
    "has_inpassing": pl.Boolean(),
    "education_level": pl.String(),
    "degree_date": pl.Date(),
    "teacher_since": pl.Date(),
    "permanent_since": pl.Date(),
    "service_gap_months": pl.Int64(),
    "teaching_hours": pl.Int64(),
    "additional_duty": pl.Int64(),
    "achievement": pl.Int64(),
    "certified": pl.Boolean(),
    "region": pl.String(),
    "school_level": pl.String(),
    "subject_code": pl.String(),
}
# The groups of the national allocation: province = region[:2], district = region[2:].
GROUPS: tuple[str, str, str] = ("province", "district", "school_level")
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


def frame_of(candidates: Iterable[Candidate]) -> pl.DataFrame:
    """A cohort frame (one column per Candidate field) of `candidates`, in their order."""
    cohort = list(candidates)
    # Column by column: about a quarter faster than rows (polars types each column once).
    return pl.DataFrame(
        [pl.Series(name, [getattr(c, name) for c in cohort], dtype=SCHEMA[name]) for name in FIELDS]
    )


def candidates_of(frame: pl.DataFrame) -> list[Candidate]:
    """The rows of a cohort frame as candidates (for the rows a caller needs), in order."""
    columns = [frame[name].to_list() for name in FIELDS]
    return [
        Candidate(
            nuptk=nuptk,
            name=name,
            birth_date=birth_date,
            employment=employment,
            rank=rank,
            has_inpassing=has_inpassing,
            education_level=education_level,
            degree_date=degree_date,
            teacher_since=teacher_since,
            permanent_since=permanent_since,
            service_gap_months=service_gap_months,
            teaching_hours=teaching_hours,
            additional_duty=additional_duty,
            achievement=achievement,
            certified=certified,
            region=region,
            school_level=school_level,
            subject_code=subject_code,
        )
        for (
            nuptk,
            name,
            birth_date,
            employment,
            rank,
            has_inpassing,
            education_level,
            degree_date,
            teacher_since,
            permanent_since,
            service_gap_months,
            teaching_hours,
            additional_duty,
            achievement,
            certified,
            region,
            school_level,
            subject_code,
        ) in zip(*columns, strict=True)
    ]


def with_places(frame: pl.DataFrame) -> pl.DataFrame:
    """`frame` with `province` (region[:2]) and `district` (region[2:]) columns."""
    region = pl.col("region")
    return frame.with_columns(province=region.str.slice(0, 2), district=region.str.slice(2))


def _int(expr: pl.Expr) -> pl.Expr:
    return expr.cast(pl.Int64)


def _months(start: pl.Expr, end: dt.date) -> pl.Expr:
    """Completed months from `start` to `end`, negative when `end` is earlier (null: null)."""
    return (
        end.year * 12
        + end.month
        - _int(start.dt.year()) * 12
        - _int(start.dt.month())
        - _int(start.dt.day() > end.day)
    )


def _age(birth: pl.Expr, on: dt.date) -> pl.Expr:
    """Completed years of age on `on` (eligibility.age_on)."""
    month = birth.dt.month()
    later = (month > on.month) | ((month == on.month) & (birth.dt.day() > on.day))
    return on.year - _int(birth.dt.year()) - _int(later)


def _counted_rank() -> pl.Expr:
    """eligibility.counted_rank: the golongan as 1-17, 0 unless PNS or inpassing."""
    counts = (pl.col("employment") == "pns") | pl.col("has_inpassing")
    level = pl.col("rank").replace_strict(RANK_ORDER, default=0, return_dtype=pl.Int64)
    return pl.when(counts).then(level).otherwise(0)


def check_frame(frame: pl.DataFrame, params: SelectionParams) -> pl.DataFrame:
    """`frame` with `reasons` (bit flags, see REASONS) and `eligible`: `check` of every row."""
    nuptk = pl.col("nuptk")
    employment = pl.col("employment")
    since = pl.col("teacher_since")
    permanent = pl.col("permanent_since")
    birth = pl.col("birth_date")
    ref = params.reference_date
    non_pns = employment == "non_pns"
    teaching = (_months(since, ref).clip(lower_bound=0) - pl.col("service_gap_months")).clip(
        lower_bound=0
    )
    by_age_and_service = (_age(birth, ref) >= params.alternative_age) & (
        teaching.fill_null(0) // 12 >= params.alternative_service_years
    )
    by_rank = _counted_rank() >= RANK_ORDER[params.alternative_min_rank]
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
        & (_months(permanent, ref).clip(lower_bound=0) // 12 < params.non_pns_permanent_years),
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


def rank_frame(
    frame: pl.DataFrame, params: SelectionParams, by: Sequence[str] = ()
) -> pl.DataFrame:
    """`frame` ranked as `ranking.rank` ranks each group of `by` (every row when empty): with
    the ranking values, `group` (0, 1, ... in the sorted order of the `by` values) and
    `position` (1-based within the group). The rows keep their order (reordering millions of
    wide rows costs more than the ranking); sort by (group, position) to read a ranking."""
    since = pl.col("teacher_since")
    degree = pl.col("degree_date")
    start = pl.when(degree > since).then(degree).otherwise(since)
    counted = pl.col("education_level").is_in(list(params.service_from_levels))
    service = pl.when(counted & since.is_not_null()).then(
        (_months(start, params.reference_date) - pl.col("service_gap_months")).clip(0, _FULL[0])
    )
    ranked = frame.with_columns(
        service=service.fill_null(0),
        born=_int(pl.col("birth_date").cast(pl.Int32)) + _EPOCH_ORDINAL,
        counted_rank=_counted_rank(),
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
        packed = packed * (1 << bits) + (_int(pl.col(name)) - bottom)
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
        .sort(_int(group) * (1 << 32) + position)  # positions stay far below 2**32
        .filter(
            pl.col("_top")
            | (pl.col("_late") & (_int(pl.col("_late")).cum_sum().over(group) <= pl.col("_need")))
        )["_row"]
    )
    needed = ranked[rows]
    chosen: dict[Level, list[Ranked]] = {level: [] for level in quotas}
    for code, item in zip(needed["group"].to_list(), ranked_of(needed, params), strict=True):
        chosen[levels[code]].append(item)
    return {level: select(chosen[level], quotas[level], params) for level in quotas}
