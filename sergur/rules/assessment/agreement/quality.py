"""How well each assessor agrees with their co-assessors (issue 4, part 7): the ratings of
submitted pairs gathered into a `QualityBook`, read out as a `QualityReport` per rayon, with
the severity and low-agreement flags of `FlagRules` (docs/quality.md)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from sergur.rules.assessment.agreement.statistics import (
    CodeTable,
    Differences,
    Estimate,
    Number,
    Ratio,
    TwoRaters,
    as_ratio,
)

FLAG_SEVERE = "severe"
FLAG_LENIENT = "lenient"
FLAG_LOW_AGREEMENT = "low_agreement"

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
    icc: Estimate  # ICC(1,1)
    severity: Estimate
    mean_absolute: Estimate
    parts: dict[str, Estimate]
    drift: tuple[tuple[str, Estimate], ...]
    flags: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PartQuality:
    """One part of the sheet over all pairs (first vs second assessor)."""

    part: str
    icc: Estimate  # ICC(1,1)
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
    icc: Estimate  # ICC(1,1)
    mean_absolute: Estimate
    assessors: tuple[AssessorQuality, ...]
    parts: tuple[PartQuality, ...]
    periods: tuple[PeriodQuality, ...]


@dataclass(frozen=True, slots=True)
class FlagRules:
    """When an assessor is flagged (the programme year's `[assessment]` section): the
    reconciliation tolerance in points of total, the lowest linear kappa that is not flagged,
    and the fewest pairs a figure must rest on before it may raise a flag."""

    tolerance: Number
    kappa_min: Number
    min_pairs: int


def flags_for(severity: Estimate, kappa: Estimate, rules: FlagRules) -> tuple[str, ...]:
    """Product defaults (docs/quality.md): severity beyond ±tolerance/2 (the assessor's usual
    difference alone uses half the room before reconciliation), or kappa below `kappa_min`;
    each only when its own figure rests on at least `min_pairs` pairs (the kappa leaves out the
    pairs with K or D, so it can rest on fewer pairs than the severity)."""
    flags: list[str] = []
    half = Fraction(Decimal(rules.tolerance)) / 2
    if severity.value is not None and severity.n >= rules.min_pairs:
        if severity.value < -half:
            flags.append(FLAG_SEVERE)
        if severity.value > half:
            flags.append(FLAG_LENIENT)
    kappa_min = Fraction(Decimal(rules.kappa_min))
    if kappa.value is not None and kappa.n >= rules.min_pairs and kappa.value < kappa_min:
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
        totals = (as_ratio(first.total), as_ratio(second.total))
        # A part missing from either sheet is not a 0: the pair is left out of that part's
        # figures (it still counts for the totals and the codes).
        parts = [
            (part, as_ratio(first.parts[part]), as_ratio(second.parts[part]))
            for part in self.parts
            if part in first.parts and part in second.parts
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

    def report(self, rules: FlagRules) -> QualityReport:
        """Every figure, assessors by id, parts in the sheet's order, periods in time order;
        assessors flagged by the programme year's `rules`."""
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
                    flags=flags_for(severity, linear, rules),
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
