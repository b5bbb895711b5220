"""Assessment parameters of one programme year: the `[assessment]` section of the year file.

The sources confirm that two assessors score every portfolio and that differing scores are
reconciled, but give no tolerance, no third-assessor rule and no appeal procedure
(docs/sources/domain.md §2, "[NOT FOUND]"); every value here is therefore a product default the
organiser sets each year, marked as such in the year file and in docs/assessment.md. The section
also holds the thresholds of the assessment-quality flags (`kappa_min`, `flag_min_pairs`,
docs/quality.md).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from msgspec import Struct

from sergur.rules.programme import ProgrammeYearError, exact_decimal, load_section

RECONCILIATION_MODES = frozenset({"joint", "third"})
FAQ_EXPERIENCE_YEARS = 5
"""The 2007 FAQ's window for an assessor's experience with teachers ("dalam rentang 5 (lima)
tahun terakhir"), for a year file that does not set `assessor_experience_years`."""


class AssessmentParams(Struct, frozen=True, kw_only=True):
    """How the two assessments of a portfolio are combined, and the windows that follow."""

    year: int
    tolerance: Decimal  # totals differing by more than this go to reconciliation
    reconciliation: str  # "joint" (both assessors review together) or "third" (a third scores)
    assessor_load: int  # default number of portfolios one assessor takes in a programme year
    reopen_days: int  # MA/MS: days the teacher has to complete the portfolio
    clarification_days: int  # K: days the teacher has to show the originals
    appeal_days: int  # days after publication in which the teacher may appeal
    kappa_min: Decimal  # quality page: an assessor's linear kappa below this is flagged
    flag_min_pairs: int  # quality page: a figure raises a flag only on at least this many pairs
    # Optional keys (a year file without them keeps the FAQ of 2007's rule and no exception):
    # the window of an assessor's recent experience with teachers, in years counting the
    # programme year (qualification.py, criterion e), and the subjects that may take assessors
    # from universities outside the rayon (docs/sources/seeds/003_358fe984fbae11df.txt, the FAQ
    # on assessors, question 7).
    assessor_experience_years: int = FAQ_EXPERIENCE_YEARS
    outside_rayon_subjects: frozenset[str] = frozenset()


_OPTIONAL = frozenset({"assessor_experience_years", "outside_rayon_subjects"})
_KEYS = tuple(f for f in AssessmentParams.__struct_fields__ if f not in {"year", *_OPTIONAL})


def _where(path: Path, key: str) -> str:
    return f"{path}: assessment.{key}"


def _whole(path: Path, section: dict[str, object], key: str) -> int:
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
    tolerance = exact_decimal(section["tolerance"])
    if tolerance is None or tolerance < 0:
        raise ProgrammeYearError(f"{_where(path, 'tolerance')} must be a number, 0 or more")
    kappa_min = exact_decimal(section["kappa_min"])
    if kappa_min is None or not 0 <= kappa_min <= 1:
        raise ProgrammeYearError(f"{_where(path, 'kappa_min')} must be a number from 0 to 1")
    mode = section["reconciliation"]
    if mode not in RECONCILIATION_MODES:
        raise ProgrammeYearError(
            f"{_where(path, 'reconciliation')} must be one of {sorted(RECONCILIATION_MODES)}"
        )
    subjects = section.get("outside_rayon_subjects", [])
    if not isinstance(subjects, list) or not all(isinstance(code, str) for code in subjects):
        raise ProgrammeYearError(
            f"{_where(path, 'outside_rayon_subjects')} must be a list of subject codes"
        )
    year = data.get("year")
    if isinstance(year, bool) or not isinstance(year, int):
        raise ProgrammeYearError(f"{path}: 'year' must be an integer")
    return AssessmentParams(
        year=year,
        tolerance=tolerance,
        reconciliation=str(mode),
        assessor_load=_whole(path, section, "assessor_load"),
        reopen_days=_whole(path, section, "reopen_days"),
        clarification_days=_whole(path, section, "clarification_days"),
        appeal_days=_whole(path, section, "appeal_days"),
        kappa_min=kappa_min,
        flag_min_pairs=_whole(path, section, "flag_min_pairs"),
        assessor_experience_years=(
            _whole(path, section, "assessor_experience_years")
            if "assessor_experience_years" in section
            else FAQ_EXPERIENCE_YEARS
        ),
        outside_rayon_subjects=frozenset(subjects),
    )


_CACHE: dict[tuple[int, tuple[Path, ...]], AssessmentParams] = {}


def assessment_params(year: int, extra_dirs: tuple[Path, ...] = ()) -> AssessmentParams:
    """The assessment parameters of `year`, from the first folder with `<year>.toml`."""
    return load_section(year, extra_dirs, parse_assessment, _CACHE)
