"""How well two blind assessors agree (issue 4, part 7): weighted Cohen's kappa on the decision
codes, the one-way intraclass correlation ICC(1,1) (Shrout & Fleiss 1979, case 1) on totals and
parts, severity (the mean signed difference from the co-assessor) and its drift month by month.

ICC(1,1) because the two ratings of a portfolio come from two assessors of the rayon's pool who
differ from portfolio to portfolio: "first slot" and "second slot" are not two judges, so the
two-way models (ICC(2,1), ICC(3,1)), which need the same judges on every target, do not apply
(docs/quality.md).

The arithmetic is exact: sums are kept as integers (in units of the finest decimal seen) and
every ratio is a `Fraction`; the page rounds for display only. A statistic that is
not defined for the data (no pairs, one pair, no variation) is an `Estimate` with value None
and a reason code, never a division by zero.

Decision codes as an ordinal scale (docs/quality.md): L < MA < MS < MPLPG, read as "how far the
teacher is from the certificate" (certificate now; after an administrative fix; after adding
substance and a re-assessment; only through the PLPG training). K (clarification) and D
(disqualification) are findings about the evidence, decided before any score
(docs/sources/decisions.md rules 1 and 2), so they have no place on that distance scale: a pair in
which either assessor gave K or D is left out of the weighted kappa and counted in `excluded`
instead.

This module holds the statistics; `quality` applies them to assessors, parts and periods.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from math import gcd
from typing import ClassVar, Literal

DECISION_SCALE: tuple[str, ...] = ("L", "MA", "MS", "MPLPG")
"""The decision codes in order of distance from the certificate (the kappa's ordinal scale)."""

# Why a statistic has no value (module constants: the page translates them).
NO_PAIRS = "no_pairs"
TOO_FEW_PAIRS = "too_few_pairs"
NO_VARIATION = "no_variation"

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


# -- intraclass correlation ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MeanSquares:
    """The one-way ANOVA of n targets with k ratings each (Shrout & Fleiss 1979, table 1)."""

    n: int
    k: int
    between_targets: Fraction  # BMS
    within_targets: Fraction  # WMS

    @classmethod
    def from_sums(
        cls, *, n: int, k: int, total: Fraction, squares: Fraction, row_squares: Fraction
    ) -> MeanSquares:
        """Mean squares of n ≥ 2 targets from three sums: of all ratings, of their squares, and
        of each target's sum squared."""
        ss_between = row_squares / k - total * total / (n * k)
        ss_within = squares - row_squares / k
        return cls(n, k, ss_between / (n - 1), ss_within / (n * (k - 1)))

    def icc(self) -> Estimate:
        """ICC(1,1) = (BMS − WMS) / (BMS + (k − 1)·WMS): the reliability of a single rating
        when each target has its own k raters (Shrout & Fleiss 1979, case 1)."""
        bms, wms = self.between_targets, self.within_targets
        below = bms + (self.k - 1) * wms
        if below == 0:
            # Every rating of every target is the same: there is nothing to tell apart.
            return _undefined(NO_VARIATION, self.n)
        return Estimate((bms - wms) / below, self.n)


Ratio = tuple[int, int]


def as_ratio(value: Number) -> Ratio:
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
    pairs take constant memory: ICC(1,1), the mean signed and the mean absolute difference."""

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
        self.add_ratios(as_ratio(x), as_ratio(y))

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

    def icc(self) -> Estimate:
        """ICC(1,1) of the pairs, each pair one target with two ratings (so it does not depend
        on which rating of a pair is x and which is y)."""
        if self.n < 2:
            return _undefined(NO_PAIRS if self.n == 0 else TOO_FEW_PAIRS, self.n)
        squares = self._f(self.sxx, 2) + self._f(self.syy, 2)
        return MeanSquares.from_sums(
            n=self.n,
            k=2,
            total=self._f(self.sx + self.sy),
            squares=squares,
            row_squares=squares + 2 * self._f(self.sxy, 2),
        ).icc()

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
        self.add_ratios(as_ratio(x), as_ratio(y))

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
