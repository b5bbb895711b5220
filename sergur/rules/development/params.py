"""PKB parameters in force in a programme year: `years/development/<year>.toml` (docs/pkb.md).

A year file holds the credit needed per promotion step with its split (docs/sources/domain.md
§7.3), the credit of functional training by hours and of the collective activities with a fixed
value (§7.4). The rules in force in a year are those of the latest file not after it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from sergur.rules.kkg.params import in_force
from sergur.rules.programme import SHIPPED_DIR, ProgrammeYearError, exact_decimal, read_year_data

DEVELOPMENT_DIR = "development"
YEAR_STEPS = 4
"""A rank step normally takes four years: the divisor of the yearly appraisal credit
(docs/sources/domain.md §7.2, step 7)."""


@dataclass(frozen=True, slots=True)
class Step:
    """One promotion step: the credit needed (AKK) and its split (docs/sources/domain.md §7.3)."""

    from_rank: str
    to_rank: str
    cumulative: Decimal
    akk: Decimal
    pd: Decimal
    pi_ki: Decimal
    akp: Decimal
    presentation: bool

    @property
    def start(self) -> Decimal:
        """The cumulative credit at the step's start (the rank held)."""
        return self.cumulative - self.akk

    @property
    def pk(self) -> Decimal:
        """The share earned by the yearly appraisal: AKK − PD − PI/KI − AKP."""
        return self.akk - self.pd - self.pi_ki - self.akp

    def yearly_pk(self, *, npk: Decimal, hours: Decimal, required_hours: Decimal) -> Decimal:
        """The appraisal credit of one year: (AKK − AKPKB − AKP) × JM/JWM × NPK / 4
        (docs/sources/domain.md §7.2, step 7); `npk` as a fraction (1 for 100 %)."""
        load = min(hours / required_hours, Decimal(1)) if required_hours > 0 else Decimal(0)
        return self.pk * load * npk / YEAR_STEPS


@dataclass(frozen=True, slots=True)
class TrainingBand:
    """Functional training of at least `min_hours` earns `credit` (§7.4)."""

    min_hours: int
    credit: Decimal


@dataclass(frozen=True, slots=True)
class Collective:
    """A collective activity with a fixed credit (§7.4)."""

    key: str
    credit: Decimal
    name_id: str
    name_en: str

    def name(self, lang: str) -> str:
        """The activity's name in `lang`."""
        return self.name_id if lang == "id" else self.name_en


@dataclass(frozen=True, slots=True)
class DevelopmentParams:
    """The PKB rules in force from `year`."""

    year: int
    steps: tuple[Step, ...]
    training: tuple[TrainingBand, ...]
    collective: tuple[Collective, ...]

    @property
    def ranks(self) -> tuple[str, ...]:
        """Every rank the table knows, lowest first."""
        return (*(step.from_rank for step in self.steps), self.steps[-1].to_rank)

    def step_from(self, rank: str) -> Step | None:
        """The step out of `rank`; None at the top rank. KeyError for a rank not in the table."""
        if rank not in self.ranks:
            raise KeyError(rank)
        return next((step for step in self.steps if step.from_rank == rank), None)

    def training_credit(self, hours: int) -> Decimal:
        """The credit of functional training of `hours` hours (0 below the lowest band)."""
        credit = Decimal(0)
        for band in self.training:
            if hours >= band.min_hours:
                credit = band.credit
        return credit

    def collective_activity(self, key: str) -> Collective:
        """The collective activity named `key`."""
        for item in self.collective:
            if item.key == key:
                return item
        raise KeyError(key)


class _Reader:
    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, key: str, what: str) -> ProgrammeYearError:
        return ProgrammeYearError(f"{self.path}: development.{key} {what}")

    def number(self, table: dict[str, object], key: str, where: str) -> Decimal:
        value = exact_decimal(table.get(key))
        if value is None or value < 0:
            raise self.fail(f"{where}.{key}", "must be a number, 0 or more")
        return value

    def text(self, table: dict[str, object], key: str, where: str) -> str:
        value = table.get(key)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"{where}.{key}", "must be a non-empty text")
        return value.strip()

    def tables(self, section: dict[str, object], key: str) -> list[dict[str, object]]:
        raw = section.get(key)
        if not isinstance(raw, list) or not raw or not all(isinstance(r, dict) for r in raw):
            raise self.fail(key, "must be a non-empty list of tables")
        return raw


def _steps(reader: _Reader, rows: list[dict[str, object]]) -> tuple[Step, ...]:
    steps: list[Step] = []
    for index, row in enumerate(rows):
        where = f"steps[{index}]"
        step = Step(
            from_rank=reader.text(row, "from", where),
            to_rank=reader.text(row, "to", where),
            cumulative=reader.number(row, "cumulative", where),
            akk=reader.number(row, "akk", where),
            pd=reader.number(row, "pd", where),
            pi_ki=reader.number(row, "pi_ki", where),
            akp=reader.number(row, "akp", where),
            presentation=row.get("presentation", False) is True,
        )
        if step.pk < 0:
            raise reader.fail(where, "splits more than its akk")
        if steps and (steps[-1].to_rank != step.from_rank or steps[-1].cumulative != step.start):
            raise reader.fail(where, "does not continue the step before it")
        if not steps and step.start != reader.number(row, "start", where):
            raise reader.fail(where, "cumulative minus akk is not its start")
        steps.append(step)
    return tuple(steps)


def _training(reader: _Reader, rows: list[dict[str, object]]) -> tuple[TrainingBand, ...]:
    bands: list[TrainingBand] = []
    for index, row in enumerate(rows):
        where = f"training[{index}]"
        hours = row.get("min_hours")
        if isinstance(hours, bool) or not isinstance(hours, int) or hours < 1:
            raise reader.fail(f"{where}.min_hours", "must be a whole number, 1 or more")
        band = TrainingBand(min_hours=hours, credit=reader.number(row, "credit", where))
        if bands and (band.min_hours <= bands[-1].min_hours or band.credit <= bands[-1].credit):
            raise reader.fail(where, "must have more hours and more credit than the band before")
        bands.append(band)
    return tuple(bands)


def _collective(reader: _Reader, rows: list[dict[str, object]]) -> tuple[Collective, ...]:
    items: list[Collective] = []
    for index, row in enumerate(rows):
        where = f"collective[{index}]"
        name = row.get("name")
        if not isinstance(name, dict):
            raise reader.fail(f"{where}.name", "must be a table with id and en")
        items.append(
            Collective(
                key=reader.text(row, "key", where),
                credit=reader.number(row, "credit", where),
                name_id=reader.text(name, "id", f"{where}.name"),
                name_en=reader.text(name, "en", f"{where}.name"),
            )
        )
    if len({item.key for item in items}) != len(items):
        raise reader.fail("collective", "repeat a key")
    return tuple(items)


def parse_development(path: Path, data: dict[str, object]) -> DevelopmentParams:
    """Check the `[development]` section of a year file; every problem names the key."""
    year = data.get("year")
    if isinstance(year, bool) or not isinstance(year, int):
        raise ProgrammeYearError(f"{path}: 'year' must be an integer")
    section = data.get("development")
    if not isinstance(section, dict):
        raise ProgrammeYearError(f"{path}: the [development] section is missing")
    reader = _Reader(path)
    return DevelopmentParams(
        year=year,
        steps=_steps(reader, reader.tables(section, "steps")),
        training=_training(reader, reader.tables(section, "training")),
        collective=_collective(reader, reader.tables(section, "collective")),
    )


def development_dirs(extra_dirs: tuple[Path, ...] = ()) -> tuple[Path, ...]:
    """The folders searched for PKB year files, the deployment's first."""
    return (*(folder / DEVELOPMENT_DIR for folder in extra_dirs), SHIPPED_DIR / DEVELOPMENT_DIR)


_CACHE: dict[tuple[int, tuple[Path, ...]], DevelopmentParams] = {}


def development_params(year: int, extra_dirs: tuple[Path, ...] = ()) -> DevelopmentParams:
    """The PKB rules in force in `year`."""
    key = (year, tuple(extra_dirs))
    if key not in _CACHE:
        path = in_force(development_dirs(key[1]), year, "PKB")
        _CACHE[key] = parse_development(path, read_year_data(path))
    return _CACHE[key]
