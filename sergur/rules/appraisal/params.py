"""The PKG scoring and credit figures of an appraisal year: `years/appraisal/<year>.toml`
(docs/pkg.md; docs/sources/domain.md §7.2, §7.3). The file with the largest year not after the
appraisal's year applies; a new year is a new file, no code changes."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

from sergur.rules.development.params import development_params
from sergur.rules.programme import SHIPPED_DIR, ProgrammeYearError, exact_decimal, read_year_data

APPRAISAL_DIR = "appraisal"


@dataclass(frozen=True, slots=True)
class Category:
    """A category of the 0-100 score from `start` (whole number) up, with its NPK %."""

    code: str
    start: int
    npk: int
    name_id: str
    name_en: str

    def name(self, lang: str) -> str:
        """The category's name in `lang` (id or en)."""
        return self.name_id if lang == "id" else self.name_en


@dataclass(frozen=True, slots=True)
class RankStep:
    """The credit of one promotion step (docs/sources/domain.md §7.3)."""

    rank: str
    to: str
    cumulative: int
    akk: int
    pd: int
    piki: int
    akp: int

    @property
    def akpkb(self) -> int:
        """The PKB part of the step: self-development plus publications/innovative works."""
        return self.pd + self.piki


@dataclass(frozen=True, slots=True)
class AppraisalParams:
    """The scoring and credit figures of one appraisal year."""

    year: int
    indicator_max: int
    zero_value: int
    standard_value: int
    conversion: tuple[tuple[int, int], ...]
    categories: tuple[Category, ...]
    required_hours: int
    years_per_step: int
    hours_ratio_cap: Decimal
    steps: tuple[RankStep, ...]

    def step(self, rank: str) -> RankStep | None:
        """The promotion step that starts at `rank`, if any."""
        return next((s for s in self.steps if s.rank == rank), None)

    def category(self, code: str) -> Category:
        """The category with `code`."""
        return next(c for c in self.categories if c.code == code)


def _int(path: Path, table: dict[str, object], key: str, *, low: int = 0) -> int:
    value = table.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or value < low:
        raise ProgrammeYearError(f"{path}: {key!r} must be a whole number of at least {low}")
    return value


def _table(path: Path, data: dict[str, object], key: str) -> dict[str, object]:
    value = data.get(key)
    if not isinstance(value, dict):
        raise ProgrammeYearError(f"{path}: the [{key}] section is missing")
    return value


def _rows(path: Path, table: dict[str, object], key: str) -> list[dict[str, object]]:
    rows = table.get(key)
    if not isinstance(rows, list) or not rows or not all(isinstance(r, dict) for r in rows):
        raise ProgrammeYearError(f"{path}: at least one [[{key}]] table is needed")
    return rows


def _names(path: Path, row: dict[str, object]) -> tuple[str, str]:
    name_id, name_en = row.get("name_id"), row.get("name_en")
    if not isinstance(name_id, str) or not isinstance(name_en, str):
        raise ProgrammeYearError(f"{path}: a category needs 'name_id' and 'name_en'")
    return name_id, name_en


def rank_steps(year: int, extra_dirs: tuple[Path, ...] = ()) -> tuple[RankStep, ...]:
    """The promotion steps in force in `year`. docs/sources/domain.md §7.3 has one table: it
    lives in the PKB year files (`years/development/`, checked there), and the appraisal's
    credit reads it from them; the PKG counts it in whole credits."""
    steps: list[RankStep] = []
    for step in development_params(year, extra_dirs).steps:
        figures = (step.cumulative, step.akk, step.pd, step.pi_ki, step.akp)
        if any(value != value.to_integral_value() for value in figures):
            raise ProgrammeYearError(
                f"the step {step.from_rank} -> {step.to_rank} of {year} is not in whole credits"
            )
        steps.append(RankStep(step.from_rank, step.to_rank, *(int(v) for v in figures)))
    return tuple(steps)


def parse_params(path: Path, extra_dirs: tuple[Path, ...] = ()) -> AppraisalParams:
    """Read and check one appraisal year file; every problem names the file and the key. The
    promotion steps come from the PKB year data in force in the file's year (`rank_steps`)."""
    data = read_year_data(path)
    scoring, credit = _table(path, data, "scoring"), _table(path, data, "credit")
    conversion = tuple(
        (_int(path, r, "upto"), _int(path, r, "value", low=1))
        for r in _rows(path, scoring, "conversion")
    )
    if [u for u, _ in conversion] != sorted(u for u, _ in conversion) or conversion[-1][0] != 100:
        raise ProgrammeYearError(f"{path}: conversion bands must rise and end at 100")
    categories = tuple(
        Category(
            str(r.get("code", "")), _int(path, r, "from"), _int(path, r, "npk"), *_names(path, r)
        )
        for r in _rows(path, scoring, "category")
    )
    if [c.start for c in categories] != sorted((c.start for c in categories), reverse=True) or (
        categories[-1].start != 0
    ):
        raise ProgrammeYearError(f"{path}: categories must fall from the best and end at 0")
    cap = exact_decimal(credit.get("hours_ratio_cap"))
    if cap is None or cap <= 0:
        raise ProgrammeYearError(f"{path}: 'hours_ratio_cap' must be a positive number")
    year = _int(path, data, "year", low=1)
    return AppraisalParams(
        year=year,
        indicator_max=_int(path, scoring, "indicator_max", low=1),
        zero_value=_int(path, scoring, "zero_value"),
        standard_value=_int(path, scoring, "standard_value", low=1),
        conversion=conversion,
        categories=categories,
        required_hours=_int(path, credit, "required_hours", low=1),
        years_per_step=_int(path, credit, "years_per_step", low=1),
        hours_ratio_cap=cap,
        steps=rank_steps(year, extra_dirs),
    )


@cache
def appraisal_params(year: int, extra_dirs: tuple[Path, ...] = ()) -> AppraisalParams:
    """The figures that apply to an appraisal of `year` (the latest file not after it)."""
    files: dict[int, Path] = {}
    for folder in (SHIPPED_DIR, *extra_dirs):
        for path in (folder / APPRAISAL_DIR).glob("*.toml"):
            if path.stem.isdigit():
                files[int(path.stem)] = path
    usable = [y for y in files if y <= year]
    if not usable:
        raise ProgrammeYearError(f"no appraisal figures for {year} (years/appraisal/)")
    return parse_params(files[max(usable)], extra_dirs)
