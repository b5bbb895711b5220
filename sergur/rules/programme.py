"""Programme-year parameters (tahun kuota): every threshold is data, one TOML file a year.

The shipped years live in `years/`; a deployment adds a year by dropping `<year>.toml` into a
folder named by the SERGUR_YEARS_DIR environment variable (read by the caller, not here) or
into `years/`.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Protocol

SHIPPED_DIR = Path(__file__).with_name("years")
RUBRICS = frozenset({"2007"})


class ProgrammeYearError(ValueError):
    """A programme year is unknown or its file is unusable."""


@dataclass(frozen=True, slots=True)
class PortfolioThresholds:
    """The pass rule and group rules of one programme year (docs/sources/decisions.md)."""

    pass_mark: Decimal
    group_a_min: Decimal
    group_b_min: Decimal
    group_b_min_special_area: Decimal
    group_c_cap: Decimal
    near_miss_floor: Decimal
    main_components: tuple[str, ...] = ()
    """Parts that must score more than 0 to pass (seed 003, FAQ question 7: "Jadi semua
    komponen harus dipenuhi"); a year file without the key has none beyond the group rules."""


@dataclass(frozen=True, slots=True)
class RulesYear:
    """The rules of one programme year: which rubric it scores with, and its thresholds (the
    stored year with its dates is the registry's `ProgrammeYear` model)."""

    year: int
    rubric: str
    portfolio: PortfolioThresholds


_THRESHOLD_KEYS = tuple(
    key for key in PortfolioThresholds.__dataclass_fields__ if key != "main_components"
)
PART_NAMES = frozenset(
    {
        "qualification",
        "training",
        "teaching_experience",
        "lesson_plans",
        "teaching_observation",
        "superior_assessment",
        "academic_achievement",
        "professional_works",
        "scientific_forums",
        "organization_experience",
        "awards",
    }
)
"""The eleven parts a score is made of (the sheet's parts), the names `main_components` takes."""


def _main_components(where: Path, value: object) -> tuple[str, ...]:
    """`portfolio.main_components`: a list of part names, each known."""
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ProgrammeYearError(f"{where}: portfolio.main_components must be a list of names")
    unknown = sorted(set(value) - PART_NAMES)
    if unknown:
        raise ProgrammeYearError(
            f"{where}: portfolio.main_components names unknown parts: {', '.join(unknown)}"
        )
    return tuple(value)


def _number(where: Path, key: str, value: object) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ProgrammeYearError(f"{where}: portfolio.{key} must be a number")
    result = Decimal(str(value))
    if result < 0:
        raise ProgrammeYearError(f"{where}: portfolio.{key} must not be negative")
    return result


def exact_decimal(raw: object) -> Decimal | None:
    """A year file's number given as an integer, a float or a string (`"0.25"`), exactly;
    None when it is not a finite number. The caller checks the range and names the key."""
    if isinstance(raw, bool) or not isinstance(raw, int | float | str):
        return None
    try:
        value = Decimal(str(raw))
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def read_year_data(path: Path) -> dict[str, object]:
    """The decoded TOML of one programme-year file; an unreadable file names itself."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ProgrammeYearError(f"{path}: cannot read: {exc}") from exc


def parse_year_file(path: Path) -> RulesYear:
    """Read and check one programme-year file; every problem names the file and the key."""
    return parse_portfolio(path, read_year_data(path))


def parse_portfolio(path: Path, data: dict[str, object]) -> RulesYear:
    """Check the rubric and the `[portfolio]` thresholds of a year file's data."""
    year = data.get("year")
    if isinstance(year, bool) or not isinstance(year, int):
        raise ProgrammeYearError(f"{path}: 'year' must be an integer")
    rubric = data.get("rubric")
    if rubric not in RUBRICS:
        raise ProgrammeYearError(f"{path}: 'rubric' must be one of {sorted(RUBRICS)}")
    section = data.get("portfolio")
    if not isinstance(section, dict):
        raise ProgrammeYearError(f"{path}: the [portfolio] section is missing")
    missing = [key for key in _THRESHOLD_KEYS if key not in section]
    if missing:
        raise ProgrammeYearError(f"{path}: [portfolio] lacks {', '.join(missing)}")
    values = {key: _number(path, key, section[key]) for key in _THRESHOLD_KEYS}
    if values["near_miss_floor"] > values["pass_mark"]:
        raise ProgrammeYearError(f"{path}: portfolio.near_miss_floor is above the pass mark")
    main = _main_components(path, section.get("main_components", []))
    return RulesYear(
        year=year,
        rubric=str(rubric),
        portfolio=PortfolioThresholds(**values, main_components=main),
    )


def _candidates(extra_dirs: tuple[Path, ...]) -> tuple[Path, ...]:
    return (*extra_dirs, SHIPPED_DIR)


def available_years(extra_dirs: tuple[Path, ...] = ()) -> list[int]:
    """Every programme year that has a file, oldest first."""
    found = {
        int(path.stem)
        for folder in _candidates(extra_dirs)
        for path in folder.glob("*.toml")
        if path.stem.isascii() and path.stem.isdigit()
    }
    return sorted(found)


class _OfAYear(Protocol):
    @property
    def year(self) -> int: ...


def load_section[T: _OfAYear](
    year: int,
    extra_dirs: tuple[Path, ...],
    parse: Callable[[Path, dict[str, object]], T],
    cache: dict[tuple[int, tuple[Path, ...]], T],
) -> T:
    """What `parse` reads from the first folder's `<year>.toml`, kept in `cache`: the one
    lookup of a year file for the portfolio thresholds, the selection and the assessment."""
    key = (year, tuple(extra_dirs))
    if key in cache:
        return cache[key]
    for folder in _candidates(key[1]):
        path = folder / f"{year}.toml"
        if path.is_file():
            loaded = parse(path, read_year_data(path))
            if loaded.year != year:
                raise ProgrammeYearError(f"{path}: says year {loaded.year}, expected {year}")
            cache[key] = loaded
            return loaded
    known = ", ".join(str(y) for y in available_years(key[1])) or "none"
    raise ProgrammeYearError(f"programme year {year} is not configured (known: {known})")


_CACHE: dict[tuple[int, tuple[Path, ...]], RulesYear] = {}


def load_year(year: int, extra_dirs: tuple[Path, ...] = ()) -> RulesYear:
    """The parameters of `year`, from the first folder that has `<year>.toml`."""
    return load_section(year, extra_dirs, parse_portfolio, _CACHE)
