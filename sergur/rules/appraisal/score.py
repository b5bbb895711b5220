"""A PKG result with every step (docs/pkg.md, "Scoring"; docs/sources/domain.md §7.2).

1. Each indicator scores 0, 1 or 2.
2. Per competency: percentage = points ÷ (indicators × 2) × 100.
3. The percentage converts to 1-4 by the year's bands.
4. The converted values add up to the total, out of 4 per competency (56; 68 counsellors).
5. The 0-100 score = total ÷ maximum × 100, rounded half up to a whole number for its category.
6. The category gives the NPK %.
7. The yearly credit (angka kredit): (AKK − AKPKB − AKP) × (JM ÷ JWM) × NPK ÷ 4 for teaching;
   (AKK − AKPKB − AKP) × NPK ÷ 4 for an additional duty (§7.2 step 7).

Figures are exact (fractions turned into decimals only for display), so the worked examples of
§7.2 come out exactly: 7 of 12 → 58.33 % → 3; 50 of 56 → 89; III/a "Baik" → 10.5.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from sergur.rules.appraisal.instruments import Competency, Instrument
from sergur.rules.appraisal.params import AppraisalParams, Category, RankStep

HUNDRED = 100
CENT = Decimal("0.01")
FOUR = Decimal("0.0001")


class ScoresError(ValueError):
    """Indicator points that do not fit the instrument; `problems` says what and where."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = tuple(problems)


def decimal(value: Fraction, places: Decimal = CENT) -> Decimal:
    """`value` as a decimal rounded half up to `places` (for display)."""
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return exact.quantize(places, rounding=ROUND_HALF_UP)


def plain(value: Fraction) -> str:
    """A credit figure to 4 places without trailing zeros (10.5, 13.125, 1)."""
    text = f"{decimal(value, FOUR):f}"
    return text.rstrip("0").rstrip(".")


def whole(value: Fraction) -> int:
    """`value` rounded half up to a whole number."""
    return int(decimal(value, Decimal(1)))


@dataclass(frozen=True, slots=True)
class CompetencyScore:
    """Steps 2-3 for one competency."""

    competency: Competency
    points: int
    maximum: int
    percentage: Fraction
    value: int
    below_standard: bool


@dataclass(frozen=True, slots=True)
class Credit:
    """Step 7: the yearly credit and the figures it comes from."""

    step: RankStep
    hours: int | None
    required_hours: int
    hours_ratio: Fraction
    npk: int
    years_per_step: int
    amount: Fraction


@dataclass(frozen=True, slots=True)
class PkgResult:
    """Every step of one appraisal's result."""

    instrument: Instrument
    competencies: tuple[CompetencyScore, ...]
    total: int
    maximum: int
    score: Fraction
    score_whole: int
    category: Category
    credit: Credit | None
    credit_note: str

    @property
    def below_standard(self) -> tuple[CompetencyScore, ...]:
        """The competencies whose converted value is below the year's standard."""
        return tuple(c for c in self.competencies if c.below_standard)


def check_points(
    instrument: Instrument, points: Mapping[str, Sequence[int]], indicator_max: int
) -> None:
    """Refuse points that do not fit: an unknown competency, a wrong number of indicators, a
    point outside 0..max. Every problem is listed with its competency and indicator."""
    problems: list[str] = []
    known = {c.key for c in instrument.competencies}
    problems += [f"unknown competency {key!r}" for key in points if key not in known]
    for competency in instrument.competencies:
        given = points.get(competency.key)
        if given is None or len(given) != competency.indicators:
            count = 0 if given is None else len(given)
            problems.append(
                f"competency {competency.key}: {competency.indicators} indicators expected,"
                f" {count} given"
            )
            continue
        for number, point in enumerate(given, 1):
            if (
                isinstance(point, bool)
                or not isinstance(point, int)
                or not 0 <= point <= indicator_max
            ):
                problems.append(
                    f"competency {competency.key}, indicator {number}:"
                    f" {point!r} is not 0..{indicator_max}"
                )
    if problems:
        raise ScoresError(problems)


def convert(percentage: Fraction, params: AppraisalParams) -> int:
    """Step 3: a percentage to its 1-4 value (0 % to the year's `zero_value`)."""
    if percentage <= 0:
        return params.zero_value
    return next(value for upto, value in params.conversion if percentage <= upto)


def category_of(score_whole: int, params: AppraisalParams) -> Category:
    """Step 6: the category of a whole 0-100 score."""
    return next(c for c in params.categories if score_whole >= c.start)


def yearly_credit(
    *,
    kind: str,
    step: RankStep,
    npk: int,
    hours: int | None,
    params: AppraisalParams,
) -> Credit:
    """Step 7: the yearly credit of a teaching or additional-duty appraisal."""
    if kind == "teaching":
        taught = Fraction(hours or 0, params.required_hours)
        cap = Fraction(str(params.hours_ratio_cap))
        ratio = min(taught, cap)
    else:
        ratio = Fraction(1)
    base = step.akk - step.akpkb - step.akp
    amount = base * ratio * Fraction(npk, HUNDRED) / params.years_per_step
    return Credit(
        step=step,
        hours=hours,
        required_hours=params.required_hours,
        hours_ratio=ratio,
        npk=npk,
        years_per_step=params.years_per_step,
        amount=amount,
    )


def evaluate(
    instrument: Instrument,
    points: Mapping[str, Sequence[int]],
    params: AppraisalParams,
    *,
    rank: str = "",
    hours: int | None = None,
) -> PkgResult:
    """Every step of the result of `points` (competency key → indicator points in order)."""
    check_points(instrument, points, params.indicator_max)
    scores: list[CompetencyScore] = []
    for competency in instrument.competencies:
        obtained = sum(points[competency.key])
        maximum = competency.indicators * params.indicator_max
        percentage = Fraction(obtained * HUNDRED, maximum)
        value = convert(percentage, params)
        scores.append(
            CompetencyScore(
                competency, obtained, maximum, percentage, value, value < params.standard_value
            )
        )
    total = sum(s.value for s in scores)
    score = Fraction(total * HUNDRED, instrument.maximum)
    score_whole = whole(score)
    category = category_of(score_whole, params)
    credit, note = None, ""
    step = params.step(rank)
    if instrument.credit == "none":
        note = "no_credit"
    elif step is None:
        note = "no_step"
    elif instrument.credit == "teaching" and hours is None:
        note = "no_hours"
    else:
        credit = yearly_credit(
            kind=instrument.credit, step=step, npk=category.npk, hours=hours, params=params
        )
    return PkgResult(
        instrument=instrument,
        competencies=tuple(scores),
        total=total,
        maximum=instrument.maximum,
        score=score,
        score_whole=score_whole,
        category=category,
        credit=credit,
        credit_note=note,
    )
