"""Selection parameters of one programme year: the `[selection]` section of the year file.

Every threshold of participant selection (Buku 1; docs/sources/domain.md §4.1-§4.4) is data here, so
a later programme year changes only its TOML file. Values the sources do not give for a year are
product defaults, marked as such in the year file and in docs/selection.md.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from msgspec import Struct

from sergur.rules.programme import ProgrammeYearError, exact_decimal, load_section

# Golongan (pangkat) from the lowest to the highest; docs/sources/domain.md §4.2 "the last one
# held".
RANKS: tuple[str, ...] = (
    *(f"I/{x}" for x in "abcd"),
    *(f"II/{x}" for x in "abcd"),
    *(f"III/{x}" for x in "abcd"),
    *(f"IV/{x}" for x in "abcde"),
)
# 1 for I/a up to 17 for IV/e; 0 (not in the table) means "no rank that counts".
RANK_ORDER: dict[str, int] = {rank: index + 1 for index, rank in enumerate(RANKS)}

EDUCATION_LEVELS = frozenset({"SMA", "D1", "D2", "D3", "S1", "D4", "S2", "S3"})
# How the age cut-off reads: "retirement" (2007 FAQ: "Semua guru yang belum pensiun berhak
# mengikuti sertifikasi": not yet retired on `age_cutoff`, retirement taking effect on the 1st
# of the month after the birthday of `age_limit`) or "under" (2012-2014: under `age_limit` on
# `age_cutoff`).
AGE_RULES = frozenset({"retirement", "under"})
# What a non-PNS teacher's minimum years count: "service" (2007 FAQ: "masa kerja minimal 2
# tahun") or "permanent" (2012-2014: years as guru tetap, with the SK).
NON_PNS_COUNTS = frozenset({"service", "permanent"})
RANKING_KEYS = frozenset(
    {"service", "age", "rank", "teaching_load", "additional_duty", "achievement"}
)


class SelectionParams(Struct, frozen=True, kw_only=True):
    """The selection rules of one programme year (docs/sources/domain.md §4)."""

    year: int
    teacher_on: dt.date  # a teacher on this day (30 Dec 2005, UU 14/2005)
    age_rule: str  # "retirement" (not retired on age_cutoff) or "under" (under the limit)
    age_limit: int  # the retirement age, or the age to be under ...
    age_cutoff: dt.date  # ... on this day
    direct_levels: tuple[str, ...]  # the qualifications that admit (S1/D4 and above)
    non_pns_min_years: int  # non-PNS: completed years of service or as guru tetap ...
    non_pns_counts: str  # ... "service" (from the appointment) or "permanent" (from the SK)
    rank_counts_inpassing: bool  # a non-PNS rank (SK inpassing) counts like a PNS golongan
    depag_subjects: tuple[str, ...]  # subject codes certified by Depag, not the district
    ranking_keys: tuple[str, ...]  # the priority order of the year
    non_pns_min_share: Decimal  # minimum share of a district quota for non-PNS
    reference_date: dt.date  # service, age and permanent years are counted at this day
    # Optional rules of later years (absent in 2007):
    # the route for teachers without S1/D4 (2012): at least this age and this many years of
    # service at reference_date, or at least this golongan; all three or none.
    alternative_age: int | None = None
    alternative_service_years: int | None = None
    alternative_min_rank: str | None = None
    # service counts from the degree of these levels (2012-2014, docs/sources/domain.md §4.2);
    # absent: from the appointment (2007 FAQ: "masa kerja dihitung selama seseorang menjadi guru").
    service_from_levels: tuple[str, ...] | None = None


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


def _choice(path: Path, section: dict[str, object], key: str, allowed: frozenset[str]) -> str:
    value = section[key]
    if value not in allowed:
        raise ProgrammeYearError(f"{_where(path, key)} must be one of {', '.join(sorted(allowed))}")
    return str(value)


def _flag(path: Path, section: dict[str, object], key: str) -> bool:
    value = section[key]
    if not isinstance(value, bool):
        raise ProgrammeYearError(f"{_where(path, key)} must be true or false")
    return value


def _codes(path: Path, section: dict[str, object], key: str) -> tuple[str, ...]:
    value = section[key]
    if not isinstance(value, list) or not all(
        isinstance(v, str) and len(v) == 3 and v.isascii() and v.isdigit() for v in value
    ):
        raise ProgrammeYearError(f"{_where(path, key)} must be a list of 3-digit subject codes")
    return tuple(value)


def _share(path: Path, section: dict[str, object], key: str) -> Decimal:
    share = exact_decimal(section[key])
    if share is None or not Decimal(0) <= share <= Decimal(1):
        raise ProgrammeYearError(f'{_where(path, key)} must be a share from 0 to 1, like "0.25"')
    return share


_OPTIONAL = ("alternative_age", "alternative_service_years", "alternative_min_rank")
_KEYS = tuple(
    f
    for f in SelectionParams.__struct_fields__
    if f not in {"year", "service_from_levels", *_OPTIONAL}
)


def _alternative(
    path: Path, section: dict[str, object]
) -> tuple[int | None, int | None, str | None]:
    """The 50/20-or-IV/a route of later years: all three keys or none."""
    present = [key for key in _OPTIONAL if key in section]
    if not present:
        return None, None, None
    if len(present) < len(_OPTIONAL):
        missing = [key for key in _OPTIONAL if key not in section]
        raise ProgrammeYearError(f"{path}: [selection] lacks {', '.join(missing)}")
    rank = section["alternative_min_rank"]
    if rank not in RANK_ORDER:
        raise ProgrammeYearError(
            f"{_where(path, 'alternative_min_rank')} must be a golongan like IV/a"
        )
    return (
        _int(path, section, "alternative_age"),
        _int(path, section, "alternative_service_years"),
        str(rank),
    )


def parse_selection(path: Path, data: dict[str, object]) -> SelectionParams:
    """Check the `[selection]` section of a year file (docs/sources/domain.md §4); errors name file
    and key."""
    section = data.get("selection")
    if not isinstance(section, dict):
        raise ProgrammeYearError(f"{path}: the [selection] section is missing")
    missing = [key for key in _KEYS if key not in section]
    if missing:
        raise ProgrammeYearError(f"{path}: [selection] lacks {', '.join(missing)}")
    alternative_age, alternative_years, alternative_rank = _alternative(path, section)
    year = data.get("year")
    if isinstance(year, bool) or not isinstance(year, int):
        raise ProgrammeYearError(f"{path}: 'year' must be an integer")
    return SelectionParams(
        year=year,
        teacher_on=_date(path, section, "teacher_on"),
        age_rule=_choice(path, section, "age_rule", AGE_RULES),
        age_limit=_int(path, section, "age_limit"),
        age_cutoff=_date(path, section, "age_cutoff"),
        direct_levels=_strings(path, section, "direct_levels", EDUCATION_LEVELS),
        non_pns_min_years=_int(path, section, "non_pns_min_years"),
        non_pns_counts=_choice(path, section, "non_pns_counts", NON_PNS_COUNTS),
        rank_counts_inpassing=_flag(path, section, "rank_counts_inpassing"),
        depag_subjects=_codes(path, section, "depag_subjects"),
        ranking_keys=_strings(path, section, "ranking_keys", RANKING_KEYS),
        non_pns_min_share=_share(path, section, "non_pns_min_share"),
        reference_date=_date(path, section, "reference_date"),
        service_from_levels=(
            _strings(path, section, "service_from_levels", EDUCATION_LEVELS)
            if "service_from_levels" in section
            else None
        ),
        alternative_age=alternative_age,
        alternative_service_years=alternative_years,
        alternative_min_rank=alternative_rank,
    )


_CACHE: dict[tuple[int, tuple[Path, ...]], SelectionParams] = {}


def selection_params(year: int, extra_dirs: tuple[Path, ...] = ()) -> SelectionParams:
    """The selection rules of `year` (docs/sources/domain.md §4), from the first folder with
    `<year>.toml`."""
    return load_section(year, extra_dirs, parse_selection, _CACHE)
