"""A teacher's PKB credits: what an activity earns, the balance towards the next rank, what is
missing and which activities would close it (docs/pkb.md; docs/sources/domain.md §7.3-§7.4)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal
from enum import StrEnum

from sergur.rules.development.params import DevelopmentParams, Step
from sergur.rules.kkg.params import KkgParams
from sergur.rules.messages import Message, msg

ZERO = Decimal(0)


class Element(StrEnum):
    """The elements a step's credit is split into (docs/sources/domain.md §7.3)."""

    PK = "pk"
    PD = "pd"
    PI_KI = "pi_ki"
    SUPPORTING = "supporting"


class Kind(StrEnum):
    """The kinds of PKB activity (docs/sources/domain.md §7.4 and §7.3)."""

    TRAINING = "training"
    KKG_PACKAGE = "kkg_package"
    COLLECTIVE = "collective"
    PUBLICATION = "publication"
    INNOVATIVE_WORK = "innovative_work"
    PRESENTATION = "presentation"


ELEMENT_OF: dict[Kind, Element] = {
    Kind.TRAINING: Element.PD,
    Kind.KKG_PACKAGE: Element.PD,
    Kind.COLLECTIVE: Element.PD,
    Kind.PUBLICATION: Element.PI_KI,
    Kind.INNOVATIVE_WORK: Element.PI_KI,
    Kind.PRESENTATION: Element.PI_KI,
}
"""Self-development (PD) or publications/innovative works (PI/KI), §7.3 "PKB duties"."""

ASSESSED = frozenset({Kind.PUBLICATION, Kind.INNOVATIVE_WORK, Kind.PRESENTATION})
"""Kinds whose credit the verifier assesses: the repo's sources give no fixed value."""


@dataclass(frozen=True, slots=True)
class ActivityCredit:
    """What one activity earns, towards which element, and why (not)."""

    element: Element
    credit: Decimal
    reasons: tuple[Message, ...] = ()


def activity_credit(
    kind: Kind,
    *,
    dev: DevelopmentParams,
    kkg: KkgParams,
    hours: int = 0,
    key: str = "",
    assessed: Decimal | None = None,
) -> ActivityCredit:
    """The credit of one activity: training by its hours, a KKG/MGMP package and a collective
    activity by their fixed values (§7.4), a publication, innovative work or presentation by
    the value the verifier assessed."""
    element = ELEMENT_OF[kind]
    if kind is Kind.TRAINING:
        credit = dev.training_credit(hours)
        lowest = dev.training[0].min_hours
        reasons = () if credit else (msg("pkb.short_training", hours=hours, minimum=lowest),)
        return ActivityCredit(element, credit, reasons)
    if kind is Kind.KKG_PACKAGE:
        return ActivityCredit(element, kkg.package_credit)
    if kind is Kind.COLLECTIVE:
        return ActivityCredit(element, dev.collective_activity(key).credit)
    if assessed is None:
        return ActivityCredit(element, ZERO, (msg("pkb.not_assessed"),))
    return ActivityCredit(element, assessed)


@dataclass(frozen=True, slots=True)
class Earned:
    """The credits a teacher has earned since reaching the rank, per element."""

    pk: Decimal = ZERO
    pd: Decimal = ZERO
    pi_ki: Decimal = ZERO
    supporting: Decimal = ZERO
    presentation: bool = False

    def add(self, element: Element, credit: Decimal) -> Earned:
        """These credits with `credit` more in `element`."""
        values = {e: getattr(self, e.value) for e in Element}
        values[element] += credit
        return Earned(**{e.value: v for e, v in values.items()}, presentation=self.presentation)


@dataclass(frozen=True, slots=True)
class Suggestion:
    """An activity that would close a gap: `count` of `kind` (`key` for a collective
    activity), earning `credit` together; `count` 0 when its value is assessed."""

    element: Element
    kind: Kind
    count: int
    credit: Decimal
    key: str = ""
    hours: int = 0


@dataclass(frozen=True, slots=True)
class Line:
    """One element of the balance: needed, earned, what counts and what is missing."""

    element: Element
    needed: Decimal
    earned: Decimal
    counted: Decimal
    missing: Decimal


@dataclass(frozen=True, slots=True)
class Balance:
    """The balance towards the next rank with what is missing and how to close it."""

    step: Step
    lines: tuple[Line, ...]
    counted: Decimal
    missing: Decimal
    reasons: tuple[Message, ...]
    suggestions: tuple[Suggestion, ...]
    notes: tuple[Message, ...] = ()

    @property
    def ready(self) -> bool:
        """Every requirement of the step is met."""
        return not self.reasons

    @property
    def percent(self) -> Decimal:
        """The share of the step's credit that counts, in per cent (at most 100)."""
        share = min(self.counted / self.step.akk, Decimal(1)) if self.step.akk else Decimal(1)
        return (share * 100).quantize(Decimal("0.1"))

    def line(self, element: Element) -> Line:
        """The line of `element`."""
        return next(line for line in self.lines if line.element is element)


def _count(missing: Decimal, value: Decimal) -> int:
    return int((missing / value).to_integral_value(rounding=ROUND_CEILING))


def _pd_suggestions(missing: Decimal, dev: DevelopmentParams, kkg: KkgParams) -> list[Suggestion]:
    found: list[Suggestion] = []
    band = next((b for b in dev.training if b.credit >= missing), dev.training[-1])
    times = _count(missing, band.credit)
    found.append(
        Suggestion(Element.PD, Kind.TRAINING, times, band.credit * times, hours=band.min_hours)
    )
    if kkg.package_credit:
        times = _count(missing, kkg.package_credit)
        found.append(Suggestion(Element.PD, Kind.KKG_PACKAGE, times, kkg.package_credit * times))
    best = max(dev.collective, key=lambda item: item.credit)
    if best.credit:
        times = _count(missing, best.credit)
        found.append(
            Suggestion(Element.PD, Kind.COLLECTIVE, times, best.credit * times, key=best.key)
        )
    return found


def balance(step: Step, earned: Earned, *, dev: DevelopmentParams, kkg: KkgParams) -> Balance:
    """The balance of `earned` towards the end of `step`: PD and PI/KI are minima, supporting
    credit counts up to AKP, the total must reach AKK, and a presentation where the step asks
    for one (docs/sources/domain.md §7.3; the reading of AKP as a cap is docs/pkb.md's)."""
    supporting = min(earned.supporting, step.akp)
    lines = (
        Line(Element.PK, step.pk, earned.pk, earned.pk, ZERO),
        Line(Element.PD, step.pd, earned.pd, earned.pd, max(step.pd - earned.pd, ZERO)),
        Line(
            Element.PI_KI,
            step.pi_ki,
            earned.pi_ki,
            earned.pi_ki,
            max(step.pi_ki - earned.pi_ki, ZERO),
        ),
        Line(Element.SUPPORTING, step.akp, earned.supporting, supporting, ZERO),
    )
    counted = sum((line.counted for line in lines), ZERO)
    missing = max(step.akk - counted, ZERO)
    reasons: list[Message] = []
    suggestions: list[Suggestion] = []
    pd, pi_ki = lines[1].missing, lines[2].missing
    if pd:
        reasons.append(msg("pkb.missing_pd", missing=pd, needed=step.pd, earned=earned.pd))
        suggestions.extend(_pd_suggestions(pd, dev, kkg))
    if pi_ki:
        reasons.append(
            msg("pkb.missing_pi_ki", missing=pi_ki, needed=step.pi_ki, earned=earned.pi_ki)
        )
        suggestions.append(Suggestion(Element.PI_KI, Kind.PUBLICATION, 0, pi_ki))
        suggestions.append(Suggestion(Element.PI_KI, Kind.INNOVATIVE_WORK, 0, pi_ki))
    if step.presentation and not earned.presentation:
        reasons.append(msg("pkb.missing_presentation", rank=step.to_rank))
        suggestions.append(Suggestion(Element.PI_KI, Kind.PRESENTATION, 1, ZERO))
    if missing > pd + pi_ki:
        yearly = step.yearly_pk(npk=Decimal(1), hours=Decimal(1), required_hours=Decimal(1))
        years = _count(missing - pd - pi_ki, yearly) if yearly else 0
        reasons.append(
            msg(
                "pkb.missing_total",
                missing=missing,
                needed=step.akk,
                counted=counted,
                yearly=yearly,
                years=years,
            )
        )
    notes: tuple[Message, ...] = ()
    if earned.supporting > step.akp:
        notes = (msg("pkb.supporting_capped", earned=earned.supporting, cap=step.akp),)
    return Balance(
        step=step,
        lines=lines,
        counted=counted,
        missing=missing,
        reasons=tuple(reasons),
        suggestions=tuple(suggestions),
        notes=notes,
    )
