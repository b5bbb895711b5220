"""Quality assurance of certified teachers' performance as rules (seed 001's model,
docs/quality-assurance.md): the year's thresholds (`years/quality/<year>.toml`), which
competency percentage is below standard, whether a teacher's next PKG improved, and what the
KKG comparison of seed 004 may honestly say. Each answer carries its reasons."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

from sergur.rules.programme import SHIPPED_DIR, ProgrammeYearError, read_year_data

QUALITY_DIR = "quality"

IMPROVED = "improved"
UNCHANGED = "unchanged"
DECLINED = "declined"
NO_COMPARISON = "no_comparison"

HIGHER = "higher"
LOWER = "lower"
SAME = "same"
TOO_FEW = "too_few"


@dataclass(frozen=True, slots=True)
class QualityParams:
    """The quality-assurance thresholds of one year."""

    year: int
    improved_min_points: int
    min_group_size: int
    appraisal_grace_days: int


def _int(path: Path, table: dict[str, object], key: str, *, low: int) -> int:
    value = table.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or value < low:
        raise ProgrammeYearError(f"{path}: {key!r} must be a whole number of at least {low}")
    return value


def parse_params(path: Path) -> QualityParams:
    """The figures of one `years/quality/*.toml` file; ProgrammeYearError when malformed."""
    data = read_year_data(path)
    table = data.get("quality")
    if not isinstance(table, dict):
        raise ProgrammeYearError(f"{path}: the [quality] section is missing")
    return QualityParams(
        year=_int(path, data, "year", low=1),
        improved_min_points=_int(path, table, "improved_min_points", low=1),
        min_group_size=_int(path, table, "min_group_size", low=2),
        appraisal_grace_days=_int(path, table, "appraisal_grace_days", low=0),
    )


@cache
def quality_params(year: int, extra_dirs: tuple[Path, ...] = ()) -> QualityParams:
    """The thresholds that apply to `year` (the latest file not after it)."""
    files: dict[int, Path] = {}
    for folder in (SHIPPED_DIR, *extra_dirs):
        for path in (folder / QUALITY_DIR).glob("*.toml"):
            if path.stem.isdigit():
                files[int(path.stem)] = path
    usable = [y for y in files if y <= year]
    if not usable:
        raise ProgrammeYearError(f"no quality-assurance figures for {year} (years/quality/)")
    return parse_params(files[max(usable)])


def below_ceiling(conversion: Sequence[tuple[int, int]], standard_value: int) -> int:
    """The highest competency percentage whose converted value is below `standard_value`
    (conversion: (upper bound, value) bands, rising; docs/sources/domain.md §7.2 step 3), so
    "below standard" is "percentage ≤ this"; 0 when no band is below (only 0 % could be)."""
    below = [upto for upto, value in conversion if value < standard_value]
    return max(below, default=0)


@dataclass(frozen=True, slots=True)
class Trend:
    """How a teacher's PKG score moved from one appraisal to the next, and why."""

    code: str
    change: Decimal | None
    reasons: tuple[str, ...]


def trend(previous: Decimal | None, current: Decimal | None, params: QualityParams) -> Trend:
    """IMPROVED when the 0-100 score rose by at least the year's minimum, DECLINED when it fell
    by at least as much, UNCHANGED otherwise; NO_COMPARISON without both scores."""
    if previous is None or current is None:
        return Trend(NO_COMPARISON, None, ("quality.trend.missing",))
    change = current - previous
    if change >= params.improved_min_points:
        return Trend(IMPROVED, change, ("quality.trend.rose",))
    if -change >= params.improved_min_points:
        return Trend(DECLINED, change, ("quality.trend.fell",))
    return Trend(UNCHANGED, change, ("quality.trend.within",))


@dataclass(frozen=True, slots=True)
class Group:
    """Teachers with a PKG in both years compared: how many, and their mean scores."""

    size: int
    before: Decimal | None
    after: Decimal | None

    @property
    def change(self) -> Decimal | None:
        """The mean score after minus before, if the group has both."""
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


@dataclass(frozen=True, slots=True)
class Comparison:
    """What the data say about KKG participants against non-participants (seed 004's
    question), worded as an association: the groups were not assigned at random."""

    code: str
    difference: Decimal | None
    reasons: tuple[str, ...]


def kkg_comparison(participants: Group, others: Group, params: QualityParams) -> Comparison:
    """Compare the mean PKG change of KKG participants with that of non-participants:
    TOO_FEW when a group is smaller than the year's minimum; HIGHER, LOWER or SAME (within the
    year's minimum points) otherwise. Always with the reason that this is no proof of cause."""
    p_change, o_change = participants.change, others.change
    if (
        min(participants.size, others.size) < params.min_group_size
        or p_change is None
        or o_change is None
    ):
        return Comparison(TOO_FEW, None, ("quality.kkg.too_few",))
    difference = p_change - o_change
    if difference >= params.improved_min_points:
        code = HIGHER
    elif -difference >= params.improved_min_points:
        code = LOWER
    else:
        code = SAME
    return Comparison(code, difference, (f"quality.kkg.{code}", "quality.kkg.association"))


__all__ = [
    "DECLINED",
    "HIGHER",
    "IMPROVED",
    "LOWER",
    "NO_COMPARISON",
    "SAME",
    "TOO_FEW",
    "UNCHANGED",
    "Comparison",
    "Group",
    "QualityParams",
    "Trend",
    "below_ceiling",
    "kkg_comparison",
    "parse_params",
    "quality_params",
    "trend",
]
