"""Allowance load and eligibility rules of a programme year: `years/allowance/<year>.toml`
(docs/allowance.md, "Rules by year").

A file holds from its year until the next file: 2007 (seed 003's FAQ) and 2019 (the later
system, docs/sources/domain.md §6 and §6.2) are shipped. An organiser adds a year by adding a
file, in `years/allowance/` or in `$SERGUR_YEARS_DIR/allowance/`; no code changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from sergur.rules.programme import SHIPPED_DIR, ProgrammeYearError, exact_decimal, read_year_data

ALLOWANCE_DIR = "allowance"
PKG_ORDER = ("kurang", "sedang", "cukup", "baik", "amat_baik")
"""The PK Guru categories from lowest to highest (docs/sources/domain.md §7.2, item 6)."""
EMPLOYERS = ("regional", "central", "foundation")
FUNDS = ("dau", "apbn", "dekon")


@dataclass(frozen=True, slots=True)
class Duty:
    """An additional duty of the year's table: a main duty (TTU) or another (TTLE), the hours
    it counts, and the teaching obligation it sets instead of the full hours (2007)."""

    key: str
    name_id: str
    name_en: str
    main: bool = False
    hours: Decimal = Decimal(0)
    obligation: int | None = None

    def name(self, lang: str) -> str:
        """The duty's name in `lang`."""
        return self.name_id if lang == "id" else self.name_en


@dataclass(frozen=True, slots=True)
class AllowanceParams:
    """The load and eligibility rules of one programme year."""

    year: int
    min_hours: int
    min_face_to_face: int
    max_hours: int
    max_schools: int
    other_schools: bool
    team_teaching: bool
    counsellor_full_pupils: int
    min_pkg: str
    other_duty_cap: Decimal
    duties: tuple[Duty, ...]
    min_pupils: tuple[tuple[str, int], ...]
    load_codes: tuple[tuple[str, int], ...]
    funding: tuple[tuple[str, str], ...]

    def duty(self, key: str) -> Duty | None:
        """The duty `key` of this year's table, or None."""
        for duty in self.duties:
            if duty.key == key:
                return duty
        return None

    def pupils_needed(self, level: str) -> int:
        """The fewest pupils a class of `level` needs for its hours to count (0: no rule)."""
        return dict(self.min_pupils).get(level, 0)

    def load_code(self, hours: Decimal) -> str:
        """The load code (A1-A4) of `hours` counted."""
        return next(
            (code for code, start in self.load_codes if hours >= start), self.load_codes[-1][0]
        )

    def fund(self, employer: str) -> str:
        """The fund that pays a teacher of `employer`."""
        return dict(self.funding)[employer]


class _Reader:
    """Checks of one file's values; every error names the file and the key."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, key: str, what: str) -> ProgrammeYearError:
        return ProgrammeYearError(f"{self.path}: allowance.{key} {what}")

    def whole(self, table: dict[str, object], key: str, where: str, minimum: int = 0) -> int:
        value = table.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            raise self.fail(where, f"must be a whole number, {minimum} or more")
        return value

    def flag(self, table: dict[str, object], key: str) -> bool:
        value = table.get(key)
        if not isinstance(value, bool):
            raise self.fail(key, "must be true or false")
        return value

    def table(self, table: dict[str, object], key: str) -> dict[str, object]:
        value = table.get(key, {})
        if not isinstance(value, dict):
            raise self.fail(key, "must be a table")
        return value

    def text(self, table: dict[str, object], key: str, where: str) -> str:
        value = table.get(key)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(where, "must be a non-empty text")
        return value.strip()


def _duty(reader: _Reader, key: str, raw: object) -> Duty:
    where = f"duties.{key}"
    if not isinstance(raw, dict):
        raise reader.fail(where, "must be a table")
    name = reader.table(raw, "name")
    hours = exact_decimal(raw.get("hours", 0))
    if hours is None or not 0 <= hours <= 24:
        raise reader.fail(f"{where}.hours", "must be a number from 0 to 24")
    obligation = raw.get("obligation")
    if obligation is not None:
        obligation = reader.whole(raw, "obligation", f"{where}.obligation")
    return Duty(
        key=key,
        name_id=reader.text(name, "id", f"{where}.name.id"),
        name_en=reader.text(name, "en", f"{where}.name.en"),
        main=raw.get("main", False) is True,
        hours=hours,
        obligation=obligation,
    )


def _load_codes(reader: _Reader, raw: object) -> tuple[tuple[str, int], ...]:
    if not isinstance(raw, list) or not raw:
        raise reader.fail("load_codes", "must list the codes with their first hour")
    codes = []
    for index, entry in enumerate(raw):
        if not isinstance(entry, dict):
            raise reader.fail(f"load_codes[{index}]", "must be a table")
        codes.append(
            (
                reader.text(entry, "code", f"load_codes[{index}].code"),
                reader.whole(entry, "from", f"load_codes[{index}].from"),
            )
        )
    starts = [start for _, start in codes]
    if starts != sorted(starts, reverse=True) or starts[-1] != 0:
        raise reader.fail("load_codes", "must run from the highest first hour down to 0")
    return tuple(codes)


def parse_allowance(path: Path, data: dict[str, object]) -> AllowanceParams:
    """Check the `[allowance]` section of a year file (docs/allowance.md, "Rules by year")."""
    reader = _Reader(path)
    year = data.get("year")
    if isinstance(year, bool) or not isinstance(year, int):
        raise ProgrammeYearError(f"{path}: 'year' must be an integer")
    section = data.get("allowance")
    if not isinstance(section, dict):
        raise ProgrammeYearError(f"{path}: the [allowance] section is missing")
    min_pkg = section.get("min_pkg", "")
    if min_pkg not in ("", *PKG_ORDER):
        raise reader.fail("min_pkg", f"must be empty or one of {list(PKG_ORDER)}")
    cap = exact_decimal(section.get("other_duty_cap", 0))
    if cap is None or cap < 0:
        raise reader.fail("other_duty_cap", "must be a number, 0 or more")
    pupils = reader.table(section, "min_pupils")
    funding = reader.table(section, "funding")
    if sorted(funding) != sorted(EMPLOYERS) or not set(map(str, funding.values())) <= set(FUNDS):
        raise reader.fail("funding", f"must map {list(EMPLOYERS)} to funds of {list(FUNDS)}")
    return AllowanceParams(
        year=year,
        min_hours=reader.whole(section, "min_hours", "min_hours", minimum=1),
        min_face_to_face=reader.whole(section, "min_face_to_face", "min_face_to_face"),
        max_hours=reader.whole(section, "max_hours", "max_hours"),
        max_schools=reader.whole(section, "max_schools", "max_schools"),
        other_schools=reader.flag(section, "other_schools"),
        team_teaching=reader.flag(section, "team_teaching"),
        counsellor_full_pupils=reader.whole(
            section, "counsellor_full_pupils", "counsellor_full_pupils", minimum=1
        ),
        min_pkg=str(min_pkg),
        other_duty_cap=cap,
        duties=tuple(
            _duty(reader, key, raw) for key, raw in reader.table(section, "duties").items()
        ),
        min_pupils=tuple(
            (level, reader.whole(pupils, level, f"min_pupils.{level}")) for level in pupils
        ),
        load_codes=_load_codes(reader, section.get("load_codes")),
        funding=tuple((str(k), str(v)) for k, v in funding.items()),
    )


def allowance_dirs(extra_dirs: tuple[Path, ...] = ()) -> tuple[Path, ...]:
    """The folders searched for allowance year files, the deployment's first."""
    return (*(folder / ALLOWANCE_DIR for folder in extra_dirs), SHIPPED_DIR / ALLOWANCE_DIR)


def allowance_years(extra_dirs: tuple[Path, ...] = ()) -> list[int]:
    """Every year that starts a set of allowance rules, oldest first."""
    return sorted(
        {
            int(path.stem)
            for folder in allowance_dirs(extra_dirs)
            for path in folder.glob("*.toml")
            if path.stem.isascii() and path.stem.isdigit()
        }
    )


_CACHE: dict[tuple[int, tuple[Path, ...]], AllowanceParams] = {}


def allowance_params(year: int, extra_dirs: tuple[Path, ...] = ()) -> AllowanceParams:
    """The rules in force in `year`: those of the latest file for `year` or before."""
    key = (year, tuple(extra_dirs))
    if key in _CACHE:
        return _CACHE[key]
    starts = [start for start in allowance_years(key[1]) if start <= year]
    if not starts:
        raise ProgrammeYearError(f"no allowance rules for {year} (the first year is 2007)")
    start = starts[-1]
    for folder in allowance_dirs(key[1]):  # pragma: no branch - allowance_years found a file
        path = folder / f"{start}.toml"
        if path.is_file():
            loaded = parse_allowance(path, read_year_data(path))
            if loaded.year != start:
                raise ProgrammeYearError(f"{path}: says year {loaded.year}, expected {start}")
            _CACHE[key] = loaded
            return loaded
    raise AssertionError(start)  # pragma: no cover - allowance_years lists existing files
