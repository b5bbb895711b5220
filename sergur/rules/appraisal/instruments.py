"""Appraisal instruments as data: `instruments/<key>-<version>.toml` (docs/pkg.md, "Instruments").

An instrument names its competencies in order, each with its number of indicators (each scored
0/1/2, docs/sources/domain.md §7.2 step 1); its maximum is 4 per competency (§7.2 step 4). A
district adds an instrument, or a new version of one, by adding a file here or in
`$SERGUR_YEARS_DIR/appraisal/instruments/`; no code changes. Appraisals keep the key and version
they were made with, so a new version never changes an old result.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sergur.rules.programme import ProgrammeYearError, read_year_data

INSTRUMENTS_DIR = Path(__file__).with_name("instruments")
KINDS = ("teacher", "counsellor", "additional_duty", "aspects")
"""Who an instrument appraises: classroom and subject teachers, counsellors (guru BK), an
additional duty (tugas tambahan), or the seed-004 work aspects."""
CREDITS = ("teaching", "additional_duty", "none")
"""How a final appraisal earns the yearly credit (docs/sources/domain.md §7.2 step 7)."""
MAX_VALUE = 4
"""A competency's converted value is 1-4 (docs/sources/domain.md §7.2 step 3)."""


class InstrumentError(ProgrammeYearError):
    """An instrument file that cannot be read, or an instrument that does not exist."""


@dataclass(frozen=True, slots=True)
class Competency:
    """One competency of an instrument with its number of indicators."""

    key: str
    domain: str
    name_id: str
    name_en: str
    method: str
    indicators: int

    def name(self, lang: str) -> str:
        """The competency's name in `lang` (id or en)."""
        return self.name_id if lang == "id" else self.name_en


@dataclass(frozen=True, slots=True)
class Instrument:
    """One version of an appraisal instrument."""

    key: str
    version: int
    kind: str
    name_id: str
    name_en: str
    source: str
    credit: str
    provisional: bool
    competencies: tuple[Competency, ...]

    @property
    def maximum(self) -> int:
        """The highest total: 4 per competency (56 for 14, 68 for 17; §7.2 step 4)."""
        return MAX_VALUE * len(self.competencies)

    def name(self, lang: str) -> str:
        """The instrument's name in `lang` (id or en)."""
        return self.name_id if lang == "id" else self.name_en

    def competency(self, key: str) -> Competency:
        """The competency named `key`."""
        for competency in self.competencies:
            if competency.key == key:
                return competency
        raise InstrumentError(f"{self.key} v{self.version}: no competency {key!r}")


def _text(path: Path, data: dict[str, object], key: str, *, blank: bool = False) -> str:
    value = data.get(key)
    if not isinstance(value, str) or (not blank and not value.strip()):
        raise InstrumentError(f"{path}: {key!r} must be a text")
    return value


def _positive(path: Path, data: dict[str, object], key: str) -> int:
    value = data.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InstrumentError(f"{path}: {key!r} must be a whole number of at least 1")
    return value


def _competency(path: Path, raw: object) -> Competency:
    if not isinstance(raw, dict):
        raise InstrumentError(f"{path}: each [[competencies]] must be a table")
    return Competency(
        key=_text(path, raw, "key"),
        domain=_text(path, raw, "domain", blank=True),
        name_id=_text(path, raw, "name_id"),
        name_en=_text(path, raw, "name_en"),
        method=_text(path, raw, "method"),
        indicators=_positive(path, raw, "indicators"),
    )


def parse_instrument(path: Path) -> Instrument:
    """Read and check one instrument file; every problem names the file and the key."""
    data = read_year_data(path)
    kind = _text(path, data, "kind")
    credit = _text(path, data, "credit")
    if kind not in KINDS:
        raise InstrumentError(f"{path}: 'kind' must be one of {list(KINDS)}")
    if credit not in CREDITS:
        raise InstrumentError(f"{path}: 'credit' must be one of {list(CREDITS)}")
    raw = data.get("competencies")
    if not isinstance(raw, list) or not raw:
        raise InstrumentError(f"{path}: at least one [[competencies]] is needed")
    competencies = tuple(_competency(path, item) for item in raw)
    if len({c.key for c in competencies}) != len(competencies):
        raise InstrumentError(f"{path}: two competencies have the same key")
    provisional = data.get("provisional", False)
    if not isinstance(provisional, bool):
        raise InstrumentError(f"{path}: 'provisional' must be true or false")
    return Instrument(
        key=_text(path, data, "key"),
        version=_positive(path, data, "version"),
        kind=kind,
        name_id=_text(path, data, "name_id"),
        name_en=_text(path, data, "name_en"),
        source=_text(path, data, "source"),
        credit=credit,
        provisional=provisional,
        competencies=competencies,
    )


@cache
def instruments(extra_dirs: tuple[Path, ...] = ()) -> dict[tuple[str, int], Instrument]:
    """Every instrument version, shipped and in `<dir>/appraisal/instruments/` of the extra
    directories (a later directory's file replaces the same key and version)."""
    found: dict[tuple[str, int], Instrument] = {}
    folders = (INSTRUMENTS_DIR, *(d / "appraisal" / "instruments" for d in extra_dirs))
    for folder in folders:
        for path in sorted(folder.glob("*.toml")):
            instrument = parse_instrument(path)
            found[instrument.key, instrument.version] = instrument
    return found


def instrument(
    key: str, version: int | None = None, extra_dirs: tuple[Path, ...] = ()
) -> Instrument:
    """The instrument `key` at `version`, or its latest version when none is given."""
    known = instruments(extra_dirs)
    versions = sorted(v for k, v in known if k == key)
    if not versions or (version is not None and version not in versions):
        wanted = key if version is None else f"{key} v{version}"
        raise InstrumentError(f"no appraisal instrument {wanted}")
    return known[key, versions[-1] if version is None else version]


def latest_instruments(extra_dirs: tuple[Path, ...] = ()) -> tuple[Instrument, ...]:
    """The latest version of every instrument, by key."""
    keys = sorted({k for k, _ in instruments(extra_dirs)})
    return tuple(instrument(key, None, extra_dirs) for key in keys)
