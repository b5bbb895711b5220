"""Assessment parameters of one programme year: the `[assessment]` section of the year file.

The sources confirm that two assessors score every portfolio and that differing scores are
reconciled, but give no tolerance, no third-assessor rule and no appeal procedure (facts.md §2,
"[NOT FOUND]"); every value here is therefore a product default the organiser sets each year,
marked as such in the year file and in docs/assessment.md.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from pathlib import Path

from msgspec import Struct

from sergur.rules.programme import ProgrammeYearError, load_section

RECONCILIATION_MODES = frozenset({"joint", "third"})


class AssessmentParams(Struct, frozen=True, kw_only=True):
    """How the two assessments of a portfolio are combined, and the windows that follow."""

    year: int
    tolerance: Decimal  # totals differing by more than this go to reconciliation
    reconciliation: str  # "joint" (both assessors review together) or "third" (a third scores)
    assessor_load: int  # default number of portfolios one assessor takes in a programme year
    reopen_days: int  # MA/MS: days the teacher has to complete the portfolio
    clarification_days: int  # K: days the teacher has to show the originals
    appeal_days: int  # days after publication in which the teacher may appeal


_KEYS = tuple(f for f in AssessmentParams.__struct_fields__ if f != "year")


def _where(path: Path, key: str) -> str:
    return f"{path}: assessment.{key}"


def _days(path: Path, section: dict[str, object], key: str) -> int:
    value = section[key]
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ProgrammeYearError(f"{_where(path, key)} must be a whole number, 1 or more")
    return value


def parse_assessment(path: Path, data: dict[str, object]) -> AssessmentParams:
    """Check the `[assessment]` section of a year file; errors name the file and the key."""
    section = data.get("assessment")
    if not isinstance(section, dict):
        raise ProgrammeYearError(f"{path}: the [assessment] section is missing")
    missing = [key for key in _KEYS if key not in section]
    if missing:
        raise ProgrammeYearError(f"{path}: [assessment] lacks {', '.join(missing)}")
    raw = section["tolerance"]
    try:
        if isinstance(raw, bool) or not isinstance(raw, int | float | str):
            raise InvalidOperation
        tolerance = Decimal(str(raw))
    except InvalidOperation:
        tolerance = Decimal(-1)
    if not tolerance.is_finite() or tolerance < 0:
        raise ProgrammeYearError(f"{_where(path, 'tolerance')} must be a number, 0 or more")
    mode = section["reconciliation"]
    if mode not in RECONCILIATION_MODES:
        raise ProgrammeYearError(
            f"{_where(path, 'reconciliation')} must be one of {sorted(RECONCILIATION_MODES)}"
        )
    year = data.get("year")
    if isinstance(year, bool) or not isinstance(year, int):
        raise ProgrammeYearError(f"{path}: 'year' must be an integer")
    return AssessmentParams(
        year=year,
        tolerance=tolerance,
        reconciliation=str(mode),
        assessor_load=_days(path, section, "assessor_load"),
        reopen_days=_days(path, section, "reopen_days"),
        clarification_days=_days(path, section, "clarification_days"),
        appeal_days=_days(path, section, "appeal_days"),
    )


_CACHE: dict[tuple[int, tuple[Path, ...]], AssessmentParams] = {}


def assessment_params(year: int, extra_dirs: tuple[Path, ...] = ()) -> AssessmentParams:
    """The assessment parameters of `year`, from the first folder with `<year>.toml`."""
    return load_section(year, extra_dirs, parse_assessment, _CACHE)
