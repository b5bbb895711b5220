"""The priority order of eligible teachers (urutan prioritas; docs/sources/domain.md §4.2-§4.3).

The programme year lists its ranking keys (2007-2009: service, age, rank, teaching load,
additional duty, achievement; 2012: age, service, rank). Each key prefers:

- service: more counted months of service (service_years.py);
- age: the older teacher, i.e. the earlier birth date;
- rank: the higher golongan (I/a … IV/e), counted for PNS only in 2007 (seed 003: "golongan
  (bagi PNS)"), for PNS or non-PNS with inpassing in a year with `rank_counts_inpassing`;
- teaching_load: more teaching hours a week;
- additional_duty: the higher duty (3 principal … 0 none);
- achievement: the higher level (4 international … 0 none).

Ties beyond the year's keys (the books are silent, §4.3) go to the lower NUPTK, then the name
in code-point order; records equal even there are ordered by their full encoded record, so the
result never depends on the input order. Speed: one packed integer key per teacher (every key
fits a fixed bit width) and a single sort.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from itertools import pairwise
from operator import itemgetter

import msgspec

from sergur.rules.selection import Candidate, Ranked
from sergur.rules.selection.params import RANK_ORDER, SelectionParams

# (key, bit width); a value is clamped into its width, which no real record reaches
# (4,095 months of service, 255 hours a week, a birth date after the year 9999 never occur).
CANONICAL: tuple[tuple[str, int], ...] = (
    ("service", 12),
    ("age", 22),
    ("rank", 5),
    ("teaching_load", 8),
    ("additional_duty", 3),
    ("achievement", 3),
)
_INDEX = {key: index for index, (key, _bits) in enumerate(CANONICAL)}


def _layout(order: tuple[str, ...]) -> list[tuple[int, int]]:
    """(shift, mask) per canonical key: earlier keys in `order` sit in higher bits."""
    layout = [(0, 0)] * len(CANONICAL)
    shift = 0
    for key in reversed(order):
        index = _INDEX[key]
        bits = CANONICAL[index][1]
        layout[index] = (shift, (1 << bits) - 1)
        shift += bits
    return layout


RANK_LABELS = ("", *RANK_ORDER)
_FULL = tuple((1 << bits) - 1 for _key, bits in CANONICAL)
# Shared (key, value) pairs for the small bounded factors, so a ranking of millions of teachers
# does not build millions of equal little tuples.
_PAIRS: dict[str, tuple[tuple[str, int | str], ...]] = {
    "service": tuple(("service", n) for n in range(_FULL[0] + 1)),
    "rank": tuple(("rank", label) for label in RANK_LABELS),
    "teaching_load": tuple(("teaching_load", n) for n in range(_FULL[3] + 1)),
    "additional_duty": tuple(("additional_duty", n) for n in range(_FULL[4] + 1)),
    "achievement": tuple(("achievement", n) for n in range(_FULL[5] + 1)),
}


# Per-date values shared by every ranking (dates repeat: a cohort has a few thousand distinct
# birth and appointment days): birth date → (its ordinal, its "age" factor), and
# (start date, reference date) → completed months from start to reference (may be negative).
_BORN: dict[dt.date, tuple[int, tuple[str, int | str]]] = {}
_MONTHS: dict[tuple[dt.date, dt.date], int] = {}
_CACHE_LIMIT = 1 << 17


def _born(day: dt.date) -> tuple[int, tuple[str, int | str]]:
    if len(_BORN) > _CACHE_LIMIT:
        _BORN.clear()
    found = _BORN[day] = (day.toordinal(), ("age", day.isoformat()))
    return found


def _months(start: dt.date, ref: dt.date) -> int:
    """experience.months_between without its floor at 0: completed months from start to ref."""
    if len(_MONTHS) > _CACHE_LIMIT:
        _MONTHS.clear()
    months = _MONTHS[(start, ref)] = (
        ref.year * 12 + ref.month - start.year * 12 - start.month - (ref.day < start.day)
    )
    return months


def rank(candidates: Iterable[Candidate], params: SelectionParams) -> list[Ranked]:
    """Rank teachers by the year's keys, then NUPTK and name (docs/sources/domain.md §4.3);
    1-based."""
    order = params.ranking_keys
    (s0, m0), (s1, m1), (s2, m2), (s3, m3), (s4, m4), (s5, m5) = _layout(order)
    f0, _f1, f2, f3, f4, f5 = _FULL
    indexes = tuple(_INDEX[key] for key in order)
    canonical = indexes == tuple(range(len(CANONICAL)))
    pick = itemgetter(*indexes) if len(indexes) > 1 else (lambda row: (row[indexes[0]],))
    service_pairs = _PAIRS["service"]
    rank_pairs = _PAIRS["rank"]
    hour_pairs = _PAIRS["teaching_load"]
    duty_pairs = _PAIRS["additional_duty"]
    prize_pairs = _PAIRS["achievement"]
    born_of = _BORN.get
    months_of = _MONTHS.get
    ref = params.reference_date
    from_appointment = params.service_from_levels is None
    counted_levels = frozenset(params.service_from_levels or ())
    inpassing = params.rank_counts_inpassing
    ranks = RANK_ORDER.get
    factors: list[tuple[tuple[str, int | str], ...]] = []
    add_factors = factors.append
    items = list(candidates)
    # One int a teacher: the packed keys above the input index, so a plain sort of ints
    # orders by the keys; equal keys are then ordered by NUPTK and name (_settle_ties).
    width = len(items).bit_length()
    keyed: list[int] = []
    add_key = keyed.append
    for index, c in enumerate(items):
        start = c.teacher_since
        service = 0
        if start is not None and (from_appointment or c.education_level in counted_levels):
            degree = c.degree_date
            if not from_appointment and degree is not None and degree > start:
                start = degree
            months = months_of((start, ref))
            if months is None:
                months = _months(start, ref)
            service = months - c.service_gap_months
            if service < 0:
                service = 0
            elif service > f0:
                service = f0
        counts = c.employment == "pns" or (inpassing and c.has_inpassing)
        level = ranks(c.rank, 0) if counts else 0
        hours = c.teaching_hours
        if not 0 <= hours <= f3:
            hours = 0 if hours < 0 else f3
        duty = c.additional_duty
        if not 0 <= duty <= f4:
            duty = 0 if duty < 0 else f4
        prize = c.achievement
        if not 0 <= prize <= f5:
            prize = 0 if prize < 0 else f5
        birth = c.birth_date
        found = born_of(birth)
        born, age = found if found is not None else _born(birth)
        add_key(
            (
                (((f0 - service) & m0) << s0)
                | ((born & m1) << s1)
                | (((f2 - level) & m2) << s2)
                | (((f3 - hours) & m3) << s3)
                | (((f4 - duty) & m4) << s4)
                | (((f5 - prize) & m5) << s5)
            )
            << width
            | index
        )
        row = (
            service_pairs[service],
            age,
            rank_pairs[level],
            hour_pairs[hours],
            duty_pairs[duty],
            prize_pairs[prize],
        )
        add_factors(row if canonical else pick(row))
    return _in_order(keyed, width, items, factors)


def _in_order(
    keyed: list[int],
    width: int,
    items: list[Candidate],
    factors: list[tuple[tuple[str, int | str], ...]],
) -> list[Ranked]:
    """The teachers sorted by their packed keys (ties settled), numbered from 1."""
    keyed.sort()
    order = _settle_ties(keyed, width, items)
    return [
        Ranked(items[index], position, factors[index])
        for position, index in enumerate(order, start=1)
    ]


def _settle_ties(keyed: list[int], width: int, items: list[Candidate]) -> list[int]:
    """The input indexes in rank order. Runs of equal keys go by NUPTK, then name; runs equal
    even there by the full encoded record, so not even exact duplicates depend on the input
    order (the index, the last resort of the sort, is the input order)."""
    mask = (1 << width) - 1
    order = [key & mask for key in keyed]
    heads = [key >> width for key in keyed]
    tied = [i for i, (a, b) in enumerate(pairwise(heads), start=1) if a == b]
    start = end = -2
    for i in tied:  # i ties with i - 1: extend the current run or close it and open another
        if i != end:
            if end - start > 1:
                order[start:end] = _by_identity(order[start:end], items)
            start = i - 1
        end = i + 1
    if end - start > 1:
        order[start:end] = _by_identity(order[start:end], items)
    return order


def _by_identity(indexes: list[int], items: list[Candidate]) -> list[int]:
    """Indexes of teachers equal in every key, by NUPTK, name, then the encoded record."""
    indexes.sort(key=lambda i: (items[i].nuptk, items[i].name))
    out: list[int] = []
    start = 0
    for end in range(1, len(indexes) + 1):
        here = items[indexes[start]]
        if end < len(indexes):
            there = items[indexes[end]]
            if there.nuptk == here.nuptk and there.name == here.name:
                continue
        run = indexes[start:end]
        if len(run) > 1:
            run.sort(key=lambda i: msgspec.json.encode(items[i]))
        out += run
        start = end
    return out
