"""Selection parameters of one programme year: the `[selection]` section of the year file.

Every threshold of participant selection (Buku 1; docs/sources/facts.md §4.1-§4.4) is data here, so
a later programme year changes only its TOML file. Values the sources do not give for a year are
product defaults, marked as such in the year file and in docs/selection.md.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from msgspec import Struct

from sergur.rules.programme import ProgrammeYearError, exact_decimal, load_section

# Golongan (pangkat) from the lowest to the highest; docs/sources/facts.md §4.2 "the last one held".
RANKS: tuple[str, ...] = (
    *(f"I/{x}" for x in "abcd"),
    *(f"II/{x}" for x in "abcd"),
    *(f"III/{x}" for x in "abcd"),
    *(f"IV/{x}" for x in "abcde"),
)
# 1 for I/a up to 17 for IV/e; 0 (not in the table) means "no rank that counts".
RANK_ORDER: dict[str, int] = {rank: index + 1 for index, rank in enumerate(RANKS)}

EDUCATION_LEVELS = frozenset({"SMA", "D1", "D2", "D3", "S1", "D4", "S2", "S3"})
RANKING_KEYS = frozenset(
    {"service", "age", "rank", "teaching_load", "additional_duty", "achievement"}
)


class SelectionParams(Struct, frozen=True, kw_only=True):
    """The selection rules of one programme year (docs/sources/facts.md §4)."""

    year: int
    teacher_on: dt.date  # a teacher on this day (30 Dec 2005, UU 14/2005)
    age_limit: int  # must be under this age ...
    age_cutoff: dt.date  # ... on this day
    direct_levels: tuple[str, ...]  # qualify without an alternative route (S1/D4 and above)
    alternative_age: int  # route 1: at least this age ...
    alternative_service_years: int  # ... and this many years of service (at reference_date)
    alternative_min_rank: str  # route 2: at least this golongan (PNS or inpassing)
    non_pns_permanent_years: int  # non-PNS: completed years as guru tetap
    ranking_keys: tuple[str, ...]  # the priority order of the year
    service_from_levels: tuple[str, ...]  # degrees whose date starts the service count
    non_pns_min_share: Decimal  # minimum share of a district quota for non-PNS
    reference_date: dt.date  # service, age and permanent years are counted at this day


def _where(path: Path, key: str) -> str:
    return f"{path}: selection.{key}"


def _date(path: Path, section: dict[str, object], key: str) -> dt.date:
    value = section[key]
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise ProgrammeYearError(f"{_where(path, key)} must be a date like 2005-12-30")
    return value


def _int(path: Path, section: dict[str, object], key: str) -> int:
    value = section[key]
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ProgrammeYearError(f"{_where(path, key)} must be a whole number, 0 or more")
    return value


def _strings(
    path: Path, section: dict[str, object], key: str, allowed: frozenset[str]
) -> tuple[str, ...]:
    value = section[key]
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise ProgrammeYearError(f"{_where(path, key)} must be a non-empty list of text")
    unknown = [v for v in value if v not in allowed]
    if unknown:
        raise ProgrammeYearError(
            f"{_where(path, key)}: unknown {', '.join(map(repr, unknown))} "
            f"(allowed: {', '.join(sorted(allowed))})"
        )
    if len(set(value)) != len(value):
        raise ProgrammeYearError(f"{_where(path, key)} lists a value twice")
    return tuple(value)


def _share(path: Path, section: dict[str, object], key: str) -> Decimal:
    share = exact_decimal(section[key])
    if share is None or not Decimal(0) <= share <= Decimal(1):
        raise ProgrammeYearError(f'{_where(path, key)} must be a share from 0 to 1, like "0.25"')
    return share


_KEYS = tuple(f for f in SelectionParams.__struct_fields__ if f != "year")


def parse_selection(path: Path, data: dict[str, object]) -> SelectionParams:
    """Check the `[selection]` section of a year file (docs/sources/facts.md §4); errors name file
    and key."""
    section = data.get("selection")
    if not isinstance(section, dict):
        raise ProgrammeYearError(f"{path}: the [selection] section is missing")
    missing = [key for key in _KEYS if key not in section]
    if missing:
        raise ProgrammeYearError(f"{path}: [selection] lacks {', '.join(missing)}")
    rank = section["alternative_min_rank"]
    if rank not in RANK_ORDER:
        raise ProgrammeYearError(
            f"{_where(path, 'alternative_min_rank')} must be a golongan like IV/a"
        )
    year = data.get("year")
    if isinstance(year, bool) or not isinstance(year, int):
        raise ProgrammeYearError(f"{path}: 'year' must be an integer")
    return SelectionParams(
        year=year,
        teacher_on=_date(path, section, "teacher_on"),
        age_limit=_int(path, section, "age_limit"),
        age_cutoff=_date(path, section, "age_cutoff"),
        direct_levels=_strings(path, section, "direct_levels", EDUCATION_LEVELS),
        alternative_age=_int(path, section, "alternative_age"),
        alternative_service_years=_int(path, section, "alternative_service_years"),
        alternative_min_rank=str(rank),
        non_pns_permanent_years=_int(path, section, "non_pns_permanent_years"),
        ranking_keys=_strings(path, section, "ranking_keys", RANKING_KEYS),
        service_from_levels=_strings(path, section, "service_from_levels", EDUCATION_LEVELS),
        non_pns_min_share=_share(path, section, "non_pns_min_share"),
        reference_date=_date(path, section, "reference_date"),
    )


_CACHE: dict[tuple[int, tuple[Path, ...]], SelectionParams] = {}


def selection_params(year: int, extra_dirs: tuple[Path, ...] = ()) -> SelectionParams:
    """The selection rules of `year` (docs/sources/facts.md §4), from the first folder with
    `<year>.toml`."""
    return load_section(year, extra_dirs, parse_selection, _CACHE)
