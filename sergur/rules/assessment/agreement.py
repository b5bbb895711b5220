"""How well two blind assessors agree (issue 4, part 7): weighted Cohen's kappa on the decision
codes, the intraclass correlation (Shrout & Fleiss 1979) on totals and parts, severity (the mean
signed difference from the co-assessor) and its drift month by month.

The arithmetic is exact: sums are kept as integers (in units of the finest decimal seen) and
every ratio is a `Fraction`; the page rounds for display only. A statistic that is
not defined for the data (no pairs, one pair, no variation) is an `Estimate` with value None
and a reason code, never a division by zero.

Decision codes as an ordinal scale (docs/quality.md): L < MA < MS < MPLPG, read as "how far the
teacher is from the certificate" (certificate now; after an administrative fix; after adding
substance and a re-assessment; only through the PLPG training). K (clarification) and D
(disqualification) are findings about the evidence, decided before any score (decisions.md
rules 1 and 2), so they have no place on that distance scale: a pair in which either assessor
gave K or D is left out of the weighted kappa and counted in `excluded` instead.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from math import gcd
from typing import ClassVar, Literal

DECISION_SCALE: tuple[str, ...] = ("L", "MA", "MS", "MPLPG")
"""The decision codes in order of distance from the certificate (the kappa's ordinal scale)."""

FINDING_CODES = frozenset({"K", "D"})
"""Codes that are findings about the evidence, not a place on the scale: left out of kappa."""

# Why a statistic has no value (module constants: the page translates them).
NO_PAIRS = "no_pairs"
TOO_FEW_PAIRS = "too_few_pairs"
NO_VARIATION = "no_variation"

KAPPA_MIN = Fraction(2, 5)
"""Product default: an assessor whose linear-weighted kappa is below 0.40 is flagged (below
"moderate" on the Landis & Koch 1977 scale)."""

MIN_PAIRS_FOR_FLAG = 5
"""Product default: flags are raised only on at least this many pairs (with fewer, a single
portfolio decides the figure)."""

FLAG_SEVERE = "severe"
FLAG_LENIENT = "lenient"
FLAG_LOW_AGREEMENT = "low_agreement"

Weights = Literal["none", "linear", "quadratic"]
Number = Decimal | int


@dataclass(frozen=True, slots=True)
class Estimate:
    """A statistic over `n` pairs: its exact value, or None with the reason it is undefined."""

    value: Fraction | None
    n: int
    reason: str | None = None

    @property
    def defined(self) -> bool:
        """Whether the statistic has a value."""
        return self.value is not None


def _undefined(reason: str, n: int) -> Estimate:
    return Estimate(None, n, reason)


# -- weighted kappa ------------------------------------------------------------------------------


def _disagreement(i: int, j: int, size: int, weights: Weights) -> Fraction:
    """Cohen's (1968) disagreement weight of cells i, j on a scale of `size` categories."""
    if weights == "none":
        return Fraction(0 if i == j else 1)
    step = Fraction(abs(i - j), size - 1)
    return step if weights == "linear" else step * step


@dataclass(slots=True)
class CodeTable:
    """The cross table of two raters' decision codes (rater a in rows), filled pair by pair."""

    categories: tuple[str, ...] = DECISION_SCALE
    counts: dict[tuple[str, str], int] = field(default_factory=dict)
    excluded: int = 0

    def add(self, a: str, b: str) -> None:
        """Count one pair; a pair with a code off the scale (K, D, empty) is `excluded`."""
        if a not in self.categories or b not in self.categories:
            self.excluded += 1
            return
        self.counts[(a, b)] = self.counts.get((a, b), 0) + 1

    @property
    def n(self) -> int:
        """Pairs on the scale."""
        return sum(self.counts.values())

    def kappa(self, weights: Weights = "linear") -> Estimate:
        """Cohen's weighted kappa: 1 − observed / chance-expected weighted disagreement."""
        if weights not in ("none", "linear", "quadratic"):
            raise ValueError(f"unknown kappa weights {weights!r}")
        n = self.n
        if n == 0:
            return _undefined(NO_PAIRS, 0)
        size = len(self.categories)
        index = {code: i for i, code in enumerate(self.categories)}
        rows = [0] * size
        cols = [0] * size
        observed = Fraction(0)
        for (a, b), count in self.counts.items():
            i, j = index[a], index[b]
            rows[i] += count
            cols[j] += count
            observed += count * _disagreement(i, j, size, weights)
        expected = sum(
            (
                Fraction(rows[i] * cols[j]) * _disagreement(i, j, size, weights)
                for i in range(size)
                for j in range(size)
            ),
            start=Fraction(0),
        )
        if expected == 0:
            # Both raters used one and the same category throughout: chance explains it all.
            return _undefined(NO_VARIATION, n)
        return Estimate(1 - observed * n / expected, n)


def weighted_kappa(
    pairs: Iterable[tuple[str, str]],
    *,
    weights: Weights = "linear",
    categories: tuple[str, ...] = DECISION_SCALE,
) -> Estimate:
    """Weighted kappa of (rater a, rater b) pairs of ordered categories (Cohen 1968)."""
    table = CodeTable(categories)
    for a, b in pairs:
        table.add(a, b)
    return table.kappa(weights)


# -- intraclass correlation ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MeanSquares:
    """The two-way ANOVA of n targets × k judges (Shrout & Fleiss 1979, table 2)."""

    n: int
    k: int
    between_targets: Fraction  # BMS
    between_judges: Fraction  # JMS
    residual: Fraction  # EMS


@dataclass(frozen=True, slots=True)
class Icc:
    """ICC(2,1), absolute agreement, and ICC(3,1), consistency, of single ratings."""

    agreement: Estimate
    consistency: Estimate
    squares: MeanSquares | None


def _anova(
    n: int,
    k: int,
    grand: Fraction,
    sum_sq: Fraction,
    row_sq: Fraction,
    col_sums: Sequence[Fraction],
) -> MeanSquares:
    """Mean squares from the sums: all ratings, their squares, each target's sum squared, and
    each judge's sum."""
    correction = grand * grand / (n * k)
    ss_total = sum_sq - correction
    ss_targets = row_sq / k - correction
    ss_judges = sum((c * c for c in col_sums), start=Fraction(0)) / n - correction
    ss_residual = ss_total - ss_targets - ss_judges
    return MeanSquares(
        n=n,
        k=k,
        between_targets=ss_targets / (n - 1),
        between_judges=ss_judges / (k - 1),
        residual=ss_residual / ((n - 1) * (k - 1)),
    )


def _icc_of(squares: MeanSquares) -> Icc:
    bms, jms, ems = squares.between_targets, squares.between_judges, squares.residual
    n, k = squares.n, squares.k
    below_agreement = bms + (k - 1) * ems + k * (jms - ems) / n
    below_consistency = bms + (k - 1) * ems
    agreement = (
        Estimate((bms - ems) / below_agreement, n)
        if below_agreement != 0
        else _undefined(NO_VARIATION, n)
    )
    consistency = (
        Estimate((bms - ems) / below_consistency, n)
        if below_consistency != 0
        else _undefined(NO_VARIATION, n)
    )
    return Icc(agreement, consistency, squares)


def _too_few(n: int) -> Icc:
    reason = NO_PAIRS if n == 0 else TOO_FEW_PAIRS
    return Icc(_undefined(reason, n), _undefined(reason, n), None)


def icc(ratings: Sequence[Sequence[Number]]) -> Icc:
    """ICC(2,1) and ICC(3,1) of n targets (rows) each rated by the same k judges (columns).

    Raises ValueError when the rows do not all have the same number (at least 2) of ratings."""
    n = len(ratings)
    k = len(ratings[0]) if ratings else 2
    if k < 2 or any(len(row) != k for row in ratings):
        raise ValueError("every target needs the same number of ratings, at least two")
    if n < 2:
        return _too_few(n)
    rows = [[Fraction(value) for value in row] for row in ratings]
    col_sums = [sum((row[j] for row in rows), start=Fraction(0)) for j in range(k)]
    return _icc_of(
        _anova(
            n,
            k,
            grand=sum(col_sums, start=Fraction(0)),
            sum_sq=sum((v * v for row in rows for v in row), start=Fraction(0)),
            row_sq=sum((sum(row, start=Fraction(0)) ** 2 for row in rows), start=Fraction(0)),
            col_sums=col_sums,
        )
    )


Ratio = tuple[int, int]


def _ratio(value: Number) -> Ratio:
    """A point value as an exact integer ratio (a decimal's denominator is 2^a·5^b)."""
    return value.as_integer_ratio() if isinstance(value, Decimal) else (int(value), 1)


@dataclass(slots=True)
class _Units:
    """Exact sums in integers: every value is counted in units of 1/`unit`, and the unit is
    refined (the sums multiplied up) when a value with more decimals comes in. Integer
    arithmetic keeps a stream of hundreds of thousands of pairs fast."""

    unit: int = 1
    LINEAR: ClassVar[tuple[str, ...]] = ()
    SQUARED: ClassVar[tuple[str, ...]] = ()

    def units(self, x: Ratio, y: Ratio) -> tuple[int, int]:
        """Both values in the (refined if need be) unit."""
        for den in (x[1], y[1]):
            if self.unit % den:
                factor = den // gcd(self.unit, den)
                self.refine(factor)
                self.unit *= factor
        return x[0] * (self.unit // x[1]), y[0] * (self.unit // y[1])

    def refine(self, factor: int) -> None:
        """Multiply the sums up to a unit `factor` times smaller: sums of values by `factor`,
        sums of products of two values by its square."""
        for name in self.LINEAR:
            setattr(self, name, getattr(self, name) * factor)
        for name in self.SQUARED:
            setattr(self, name, getattr(self, name) * factor * factor)


@dataclass(slots=True)
class TwoRaters(_Units):
    """Pairs of numbers (x: this rater, y: the other), kept as exact sums so that millions of
    pairs take constant memory: the ICC, the mean signed and the mean absolute difference."""

    n: int = 0
    sx: int = 0
    sy: int = 0
    sxx: int = 0
    syy: int = 0
    sxy: int = 0
    absolute: int = 0
    LINEAR: ClassVar[tuple[str, ...]] = ("sx", "sy", "absolute")
    SQUARED: ClassVar[tuple[str, ...]] = ("sxx", "syy", "sxy")

    def add(self, x: Number, y: Number) -> None:
        """Count one pair."""
        self.add_ratios(_ratio(x), _ratio(y))

    def add_ratios(self, x: Ratio, y: Ratio) -> None:
        """Count one pair given as integer ratios."""
        a, b = self.units(x, y)
        self.n += 1
        self.sx += a
        self.sy += b
        self.sxx += a * a
        self.syy += b * b
        self.sxy += a * b
        self.absolute += a - b if a >= b else b - a

    def _f(self, value: int, power: int = 1) -> Fraction:
        return Fraction(value, self.unit**power)

    def icc(self) -> Icc:
        """ICC(2,1) and ICC(3,1) with the two raters as the two judges."""
        if self.n < 2:
            return _too_few(self.n)
        sx, sy = self._f(self.sx), self._f(self.sy)
        sxx, syy, sxy = self._f(self.sxx, 2), self._f(self.syy, 2), self._f(self.sxy, 2)
        return _icc_of(
            _anova(
                self.n,
                2,
                grand=sx + sy,
                sum_sq=sxx + syy,
                row_sq=sxx + syy + 2 * sxy,
                col_sums=(sx, sy),
            )
        )

    def severity(self) -> Estimate:
        """Mean of x − y: above 0, this rater gives more points than the other."""
        if self.n == 0:
            return _undefined(NO_PAIRS, 0)
        return Estimate(self._f(self.sx - self.sy) / self.n, self.n)

    def mean_absolute(self) -> Estimate:
        """Mean of |x − y|: how far apart the two are, whatever the direction."""
        if self.n == 0:
            return _undefined(NO_PAIRS, 0)
        return Estimate(self._f(self.absolute) / self.n, self.n)


@dataclass(slots=True)
class Differences(_Units):
    """Only the signed differences x − y (severity), for the per-part and per-month figures."""

    n: int = 0
    total: int = 0
    LINEAR: ClassVar[tuple[str, ...]] = ("total",)

    def add(self, x: Number, y: Number) -> None:
        """Count one pair."""
        self.add_ratios(_ratio(x), _ratio(y))

    def add_ratios(self, x: Ratio, y: Ratio) -> None:
        """Count one pair given as integer ratios."""
        a, b = self.units(x, y)
        self.n += 1
        self.total += a - b

    def severity(self) -> Estimate:
        """Mean of x − y."""
        if self.n == 0:
            return _undefined(NO_PAIRS, 0)
        return Estimate(Fraction(self.total, self.unit) / self.n, self.n)


# -- assessors and components ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Rating:
    """One submitted sheet of a pair: who, the total, the decision code, the parts, and the
    period (e.g. "2008-03") in which it was submitted."""

    assessor: int
    total: Number
    code: str
    parts: Mapping[str, Number]
    period: str


@dataclass(frozen=True, slots=True)
class AssessorQuality:
    """One assessor against their co-assessors."""

    assessor: int
    pairs: int
    kappa_linear: Estimate
    kappa_quadratic: Estimate
    excluded: int  # pairs with K or D on either side (not in the kappa)
    icc: Icc
    severity: Estimate
    mean_absolute: Estimate
    parts: dict[str, Estimate]
    drift: tuple[tuple[str, Estimate], ...]
    flags: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PartQuality:
    """One part of the sheet over all pairs (first vs second assessor)."""

    part: str
    icc: Icc
    mean_absolute: Estimate


@dataclass(frozen=True, slots=True)
class PeriodQuality:
    """All pairs of one period: how far apart the totals were, and the kappa."""

    period: str
    mean_absolute: Estimate
    kappa_linear: Estimate


@dataclass(frozen=True, slots=True)
class QualityReport:
    """Agreement of a set of pairs: overall, per assessor, per part and per period."""

    pairs: int
    kappa_linear: Estimate
    kappa_quadratic: Estimate
    excluded: int
    icc: Icc
    mean_absolute: Estimate
    assessors: tuple[AssessorQuality, ...]
    parts: tuple[PartQuality, ...]
    periods: tuple[PeriodQuality, ...]


def flags_for(
    severity: Estimate,
    kappa: Estimate,
    *,
    tolerance: Number,
    kappa_min: Fraction = KAPPA_MIN,
    min_pairs: int = MIN_PAIRS_FOR_FLAG,
) -> tuple[str, ...]:
    """Product defaults (docs/quality.md): severity beyond ±tolerance/2 (the assessor's usual
    difference alone uses half the room before reconciliation), or kappa below `kappa_min`;
    only on at least `min_pairs` pairs."""
    if severity.n < min_pairs:
        return ()
    flags: list[str] = []
    half = Fraction(Decimal(tolerance)) / 2
    if severity.value is not None and severity.value < -half:
        flags.append(FLAG_SEVERE)
    if severity.value is not None and severity.value > half:
        flags.append(FLAG_LENIENT)
    if kappa.value is not None and kappa.value < kappa_min:
        flags.append(FLAG_LOW_AGREEMENT)
    return tuple(flags)


@dataclass(slots=True)
class _Assessor:
    codes: CodeTable = field(default_factory=CodeTable)
    totals: TwoRaters = field(default_factory=TwoRaters)
    parts: defaultdict[str, Differences] = field(default_factory=lambda: defaultdict(Differences))
    periods: defaultdict[str, Differences] = field(default_factory=lambda: defaultdict(Differences))


@dataclass(slots=True)
class _Period:
    codes: CodeTable = field(default_factory=CodeTable)
    totals: TwoRaters = field(default_factory=TwoRaters)


@dataclass(slots=True)
class QualityBook:
    """Collects pairs one by one (a stream of any length) and reports on them."""

    parts: tuple[str, ...]
    _assessors: defaultdict[int, _Assessor] = field(default_factory=lambda: defaultdict(_Assessor))
    _codes: CodeTable = field(default_factory=CodeTable)
    _totals: TwoRaters = field(default_factory=TwoRaters)
    _parts: defaultdict[str, TwoRaters] = field(default_factory=lambda: defaultdict(TwoRaters))
    _periods: defaultdict[str, _Period] = field(default_factory=lambda: defaultdict(_Period))

    def add(self, first: Rating, second: Rating) -> None:
        """Count one pair of blind assessments of the same portfolio and round."""
        # Each value becomes an integer ratio once; every sum below is integer arithmetic.
        totals = (_ratio(first.total), _ratio(second.total))
        parts = [
            (part, _ratio(first.parts.get(part, 0)), _ratio(second.parts.get(part, 0)))
            for part in self.parts
        ]
        self._codes.add(first.code, second.code)
        self._totals.add_ratios(*totals)
        for part, x, y in parts:
            self._parts[part].add_ratios(x, y)
        period = self._periods[max(first.period, second.period)]
        period.codes.add(first.code, second.code)
        period.totals.add_ratios(*totals)
        self._side(first, second, totals, parts)
        self._side(second, first, (totals[1], totals[0]), [(p, y, x) for p, x, y in parts])

    def _side(
        self,
        own: Rating,
        other: Rating,
        totals: tuple[Ratio, Ratio],
        parts: list[tuple[str, Ratio, Ratio]],
    ) -> None:
        entry = self._assessors[own.assessor]
        entry.codes.add(own.code, other.code)
        entry.totals.add_ratios(*totals)
        for part, x, y in parts:
            entry.parts[part].add_ratios(x, y)
        entry.periods[own.period].add_ratios(*totals)

    def report(self, *, tolerance: Number) -> QualityReport:
        """Every figure, assessors by id, parts in the sheet's order, periods in time order."""
        assessors = []
        for key in sorted(self._assessors):
            entry = self._assessors[key]
            severity = entry.totals.severity()
            linear = entry.codes.kappa("linear")
            assessors.append(
                AssessorQuality(
                    assessor=key,
                    pairs=entry.totals.n,
                    kappa_linear=linear,
                    kappa_quadratic=entry.codes.kappa("quadratic"),
                    excluded=entry.codes.excluded,
                    icc=entry.totals.icc(),
                    severity=severity,
                    mean_absolute=entry.totals.mean_absolute(),
                    parts={part: entry.parts[part].severity() for part in self.parts},
                    drift=tuple(
                        (period, entry.periods[period].severity())
                        for period in sorted(entry.periods)
                    ),
                    flags=flags_for(severity, linear, tolerance=tolerance),
                )
            )
        return QualityReport(
            pairs=self._totals.n,
            kappa_linear=self._codes.kappa("linear"),
            kappa_quadratic=self._codes.kappa("quadratic"),
            excluded=self._codes.excluded,
            icc=self._totals.icc(),
            mean_absolute=self._totals.mean_absolute(),
            assessors=tuple(assessors),
            parts=tuple(
                PartQuality(
                    part=part,
                    icc=self._parts.get(part, TwoRaters()).icc(),
                    mean_absolute=self._parts.get(part, TwoRaters()).mean_absolute(),
                )
                for part in self.parts
            ),
            periods=tuple(
                PeriodQuality(
                    period=key,
                    mean_absolute=self._periods[key].totals.mean_absolute(),
                    kappa_linear=self._periods[key].codes.kappa("linear"),
                )
                for key in sorted(self._periods)
            ),
        )
