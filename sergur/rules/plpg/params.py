"""PLPG parameters of one programme year: `years/plpg/<year>.toml` (docs/plpg.md).

A year file names the training's sizes (class size, JP, days, attendance, peer teaching), the
final-score formula as weights over named parts with their CSV header names, the pass marks per
part and overall, and the number of retakes (docs/sources/domain.md §3.1-§3.2). An organiser adds
a year by adding a file, in `years/plpg/` or in `$SERGUR_YEARS_DIR/plpg/`; no code changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from sergur.rules.programme import SHIPPED_DIR, ProgrammeYearError, exact_decimal, read_year_data

PLPG_DIR = "plpg"
COMPETENCIES = ("pedagogic", "personal", "social", "professional")
"""The four competencies the exam covers (docs/sources/seeds/003_358fe984fbae11df.txt, FAQ
questions 10-13)."""
HUNDRED = Decimal(100)


@dataclass(frozen=True, slots=True)
class Part:
    """One named part of the final score: an input (a score out of 100 with its CSV header) or
    a part derived from inputs (`sources`: weights over input keys)."""

    key: str
    name_id: str
    name_en: str
    header: str = ""
    weight: Decimal = Decimal(0)
    pass_mark: Decimal | None = None
    exam: bool = False
    competencies: tuple[str, ...] = ()
    sources: tuple[tuple[str, Decimal], ...] = ()

    @property
    def is_input(self) -> bool:
        """Whether the score is entered (not computed from other parts)."""
        return not self.sources

    def name(self, lang: str) -> str:
        """The part's name in `lang`."""
        return self.name_id if lang == "id" else self.name_en


@dataclass(frozen=True, slots=True)
class PlpgParams:
    """The PLPG rules of one programme year."""

    year: int
    class_size: int
    jp_total: int
    days: int
    min_attendance_share: Decimal
    peer_min_appearances: int
    practical_appearance: int
    practical_part: str
    max_retakes: int
    divisor: Decimal
    final_pass_mark: Decimal
    parts: tuple[Part, ...]

    @property
    def inputs(self) -> tuple[Part, ...]:
        """The parts whose scores are entered, in the file's order."""
        return tuple(part for part in self.parts if part.is_input)

    @property
    def exam_parts(self) -> tuple[Part, ...]:
        """The parts examined (and so retaken): the written and practical tests."""
        return tuple(part for part in self.parts if part.exam)

    def part(self, key: str) -> Part:
        """The part named `key`."""
        for part in self.parts:
            if part.key == key:
                return part
        raise KeyError(key)


_WHOLE = ("class_size", "jp_total", "days", "peer_min_appearances", "practical_appearance")


class _Reader:
    """Checks of one file's values; every error names the file and the key."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, key: str, what: str) -> ProgrammeYearError:
        return ProgrammeYearError(f"{self.path}: plpg.{key} {what}")

    def whole(self, section: dict[str, object], key: str, minimum: int = 1) -> int:
        value = section.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            raise self.fail(key, f"must be a whole number, {minimum} or more")
        return value

    def decimal(self, value: object, key: str, top: Decimal | None = None) -> Decimal:
        number = exact_decimal(value)
        if number is None or number < 0 or (top is not None and number > top):
            limit = f" to {top}" if top is not None else " or more"
            raise self.fail(key, f"must be a number from 0{limit}")
        return number

    def text(self, table: dict[str, object], key: str, where: str) -> str:
        value = table.get(key)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(where, "must be a non-empty text")
        return value.strip()


def _part(reader: _Reader, index: int, raw: object) -> Part:
    where = f"parts[{index}]"
    if not isinstance(raw, dict):
        raise reader.fail(where, "must be a table")
    key = reader.text(raw, "key", f"{where}.key")
    name = raw.get("name")
    if not isinstance(name, dict):
        raise reader.fail(f"{where}.name", "must be a table with id and en")
    sources_raw = raw.get("from", {})
    if not isinstance(sources_raw, dict):
        raise reader.fail(f"{where}.from", "must be a table of part = weight")
    sources = tuple(
        (str(k), reader.decimal(v, f"{where}.from.{k}")) for k, v in sources_raw.items()
    )
    header = "" if sources else reader.text(raw, "header", f"{where}.header")
    competencies = raw.get("competencies", [])
    if not isinstance(competencies, list) or not set(competencies) <= set(COMPETENCIES):
        raise reader.fail(f"{where}.competencies", f"must be a list from {list(COMPETENCIES)}")
    mark = raw.get("pass_mark")
    return Part(
        key=key,
        name_id=reader.text(name, "id", f"{where}.name.id"),
        name_en=reader.text(name, "en", f"{where}.name.en"),
        header=header,
        weight=reader.decimal(raw.get("weight", 0), f"{where}.weight"),
        pass_mark=None if mark is None else reader.decimal(mark, f"{where}.pass_mark", HUNDRED),
        exam=raw.get("exam", False) is True,
        competencies=tuple(str(c) for c in competencies),
        sources=sources,
    )


def _check_parts(reader: _Reader, parts: tuple[Part, ...], practical: str) -> None:
    keys = [part.key for part in parts]
    headers = [part.header for part in parts if part.is_input]
    if len(set(keys)) != len(keys) or len(set(headers)) != len(headers):
        raise reader.fail("parts", "repeat a key or a header")
    inputs = {part.key for part in parts if part.is_input}
    for part in parts:
        unknown = sorted({k for k, _ in part.sources} - inputs)
        if unknown:
            raise reader.fail(f"{part.key}.from", f"names parts that are no inputs: {unknown}")
        if part.exam and not part.is_input:
            raise reader.fail(f"{part.key}.exam", "is only for a part whose score is entered")
    if not any(part.weight for part in parts):
        raise reader.fail("parts", "give no part a weight")
    if practical not in {part.key for part in parts if part.exam}:
        raise reader.fail("practical_part", "must name an exam part")


def parse_plpg(path: Path, data: dict[str, object]) -> PlpgParams:
    """Check the `[plpg]` section of a PLPG year file (docs/plpg.md, "The year file")."""
    reader = _Reader(path)
    year = data.get("year")
    if isinstance(year, bool) or not isinstance(year, int):
        raise ProgrammeYearError(f"{path}: 'year' must be an integer")
    section = data.get("plpg")
    if not isinstance(section, dict):
        raise ProgrammeYearError(f"{path}: the [plpg] section is missing")
    raw_parts = section.get("parts")
    if not isinstance(raw_parts, list) or not raw_parts:
        raise reader.fail("parts", "must list the parts of the final score")
    parts = tuple(_part(reader, index, raw) for index, raw in enumerate(raw_parts))
    practical = reader.text(section, "practical_part", "practical_part")
    _check_parts(reader, parts, practical)
    whole = {key: reader.whole(section, key) for key in _WHOLE}
    if whole["practical_appearance"] > whole["peer_min_appearances"]:
        raise reader.fail("practical_appearance", "is after the minimum number of appearances")
    divisor = reader.decimal(section.get("divisor"), "divisor")
    if not divisor:
        raise reader.fail("divisor", "must not be 0")
    return PlpgParams(
        year=year,
        class_size=whole["class_size"],
        jp_total=whole["jp_total"],
        days=whole["days"],
        peer_min_appearances=whole["peer_min_appearances"],
        practical_appearance=whole["practical_appearance"],
        min_attendance_share=reader.decimal(
            section.get("min_attendance_share"), "min_attendance_share", Decimal(1)
        ),
        practical_part=practical,
        max_retakes=reader.whole(section, "max_retakes", minimum=0),
        divisor=divisor,
        final_pass_mark=reader.decimal(section.get("final_pass_mark"), "final_pass_mark", HUNDRED),
        parts=parts,
    )


def plpg_dirs(extra_dirs: tuple[Path, ...] = ()) -> tuple[Path, ...]:
    """The folders searched for PLPG year files, the deployment's first."""
    return (*(folder / PLPG_DIR for folder in extra_dirs), SHIPPED_DIR / PLPG_DIR)


def plpg_years(extra_dirs: tuple[Path, ...] = ()) -> list[int]:
    """Every programme year with PLPG rules, oldest first."""
    return sorted(
        {
            int(path.stem)
            for folder in plpg_dirs(extra_dirs)
            for path in folder.glob("*.toml")
            if path.stem.isascii() and path.stem.isdigit()
        }
    )


_CACHE: dict[tuple[int, tuple[Path, ...]], PlpgParams] = {}


def plpg_params(year: int, extra_dirs: tuple[Path, ...] = ()) -> PlpgParams:
    """The PLPG rules of `year`, from the first folder with `plpg/<year>.toml`."""
    key = (year, tuple(extra_dirs))
    if key in _CACHE:
        return _CACHE[key]
    for folder in plpg_dirs(key[1]):
        path = folder / f"{year}.toml"
        if path.is_file():
            loaded = parse_plpg(path, read_year_data(path))
            if loaded.year != year:
                raise ProgrammeYearError(f"{path}: says year {loaded.year}, expected {year}")
            _CACHE[key] = loaded
            return loaded
    known = ", ".join(str(y) for y in plpg_years(key[1])) or "none"
    raise ProgrammeYearError(f"programme year {year} has no PLPG rules (known: {known})")
