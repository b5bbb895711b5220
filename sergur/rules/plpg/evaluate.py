"""A PLPG participant's result: admission to the exams, the final score, pass/fail per part with
the reasons, the parts to retake and whether a retake is still allowed (docs/plpg.md;
docs/sources/domain.md §3.1-§3.2).

The order of the rules is fixed: first admission (attendance, peer-teaching appearances), then
completeness (every entered part has a score), then the formula and the pass marks, then the
retake rule (only the failed exam parts, at most the year's number, then back to the district).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from sergur.rules.messages import Message, msg
from sergur.rules.plpg.params import COMPETENCIES, HUNDRED, Part, PlpgParams

ZERO = Decimal(0)


class Status(StrEnum):
    """Where a participant stands after an evaluation."""

    INCOMPLETE = "incomplete"  # a part has no score yet
    NOT_ADMITTED = "not_admitted"  # attendance or peer teaching below the year's minimum
    PASSED = "passed"
    RETAKE = "retake"  # failed; the failed exam parts may be retaken
    RETURNED = "returned"  # failed with no retake left (or a part that is no exam failed)


@dataclass(frozen=True, slots=True)
class Standing:
    """What is known of a participant: the latest score of each entered part (a retake's
    score replaces the earlier one), the JP attended, the peer-teaching appearances whose lesson
    plan was discussed, and the retakes already taken."""

    scores: Mapping[str, Decimal]
    attended_jp: Decimal
    appearances: int
    retakes_taken: int = 0


@dataclass(frozen=True, slots=True)
class PartResult:
    """One part: its score (None while missing), its pass mark, passed or not, and by how much
    it fell short (0 when passed or without a mark)."""

    key: str
    score: Decimal | None
    pass_mark: Decimal | None
    passed: bool
    shortfall: Decimal = ZERO


@dataclass(frozen=True, slots=True)
class CompetencyResult:
    """One of the four competencies: the mean of the parts that examine it, and whether it is
    below the final pass mark (where the remedial programme should start)."""

    key: str
    score: Decimal | None
    low: bool


@dataclass(frozen=True, slots=True)
class Outcome:
    """The result with its reasons, in the order the rules were applied."""

    status: Status
    final: Decimal | None
    parts: tuple[PartResult, ...]
    competencies: tuple[CompetencyResult, ...]
    retake_parts: tuple[str, ...]
    reasons: tuple[Message, ...]

    @property
    def passed(self) -> bool:
        """Whether the participant passed the PLPG."""
        return self.status is Status.PASSED


def minimum_jp(params: PlpgParams) -> Decimal:
    """The JP a participant must attend to sit the exams (the year's share of the total)."""
    return params.jp_total * params.min_attendance_share


def admission(params: PlpgParams, attended_jp: Decimal, appearances: int) -> tuple[Message, ...]:
    """Why a participant may not sit the exams (empty when admitted): attendance below the
    year's share of JP, fewer peer-teaching appearances than the minimum (domain.md §3.1)."""
    reasons = []
    minimum = minimum_jp(params)
    if attended_jp < minimum:
        reasons.append(
            msg("plpg.attendance", attended=attended_jp, total=params.jp_total, minimum=minimum)
        )
    if appearances < params.peer_min_appearances:
        reasons.append(
            msg("plpg.appearances", count=appearances, minimum=params.peer_min_appearances)
        )
    return tuple(reasons)


def part_value(part: Part, scores: Mapping[str, Decimal]) -> Decimal | None:
    """A part's score: entered, or the weighted sum of its inputs; None while one is missing."""
    if part.is_input:
        return scores.get(part.key)
    values = [scores.get(key) for key, _ in part.sources]
    if any(value is None for value in values):
        return None
    return sum(
        (weight * (scores[key]) for key, weight in part.sources),
        ZERO,
    )


def final_score(params: PlpgParams, scores: Mapping[str, Decimal]) -> Decimal | None:
    """The year's formula: the weighted parts over the divisor (domain.md §3.2); None while a
    part is missing."""
    total = ZERO
    for part in params.parts:
        if not part.weight:
            continue
        value = part_value(part, scores)
        if value is None:
            return None
        total += part.weight * value
    return total / params.divisor


def _part_result(part: Part, value: Decimal | None) -> PartResult:
    if value is None or part.pass_mark is None or value >= part.pass_mark:
        return PartResult(part.key, value, part.pass_mark, passed=value is not None)
    return PartResult(part.key, value, part.pass_mark, False, part.pass_mark - value)


def competencies(params: PlpgParams, scores: Mapping[str, Decimal]) -> tuple[CompetencyResult, ...]:
    """Each competency as the mean of the entered parts that examine it, for diagnosis (seed
    003, FAQ questions 10-13); None where a part is missing or no part examines it."""
    results = []
    for key in COMPETENCIES:
        values = [scores.get(p.key) for p in params.inputs if key in p.competencies]
        if not values or any(value is None for value in values):
            results.append(CompetencyResult(key, None, low=False))
            continue
        mean = sum((v for v in values if v is not None), ZERO) / len(values)
        results.append(CompetencyResult(key, mean, low=mean < params.final_pass_mark))
    return tuple(results)


def _check_scores(params: PlpgParams, scores: Mapping[str, Decimal]) -> None:
    keys = {part.key for part in params.inputs}
    for key, value in scores.items():
        if key not in keys:
            raise ValueError(f"{key!r} is no entered part of the {params.year} formula")
        if not ZERO <= value <= HUNDRED:
            raise ValueError(f"{key}: a score is from 0 to 100, not {value}")


def evaluate(params: PlpgParams, standing: Standing) -> Outcome:
    """The participant's result under the year's rules, with every reason (docs/plpg.md)."""
    _check_scores(params, standing.scores)
    scores = standing.scores
    comps = competencies(params, scores)
    parts = tuple(_part_result(part, part_value(part, scores)) for part in params.parts)
    blocked = admission(params, standing.attended_jp, standing.appearances)
    if blocked:
        return Outcome(
            Status.NOT_ADMITTED, None, parts, comps, (), (*blocked, msg("plpg.not_admitted"))
        )
    missing = [msg("plpg.missing", part=p.header) for p in params.inputs if p.key not in scores]
    final = final_score(params, scores)
    if missing or final is None:
        return Outcome(Status.INCOMPLETE, None, parts, comps, (), tuple(missing))
    reasons = [
        msg("plpg.part_failed", part=r.key, score=r.score, mark=r.pass_mark, short=r.shortfall)
        for r in parts
        if not r.passed
    ]
    final_passed = final >= params.final_pass_mark
    if not final_passed:
        short = params.final_pass_mark - final
        reasons.append(
            msg("plpg.final_failed", score=final, mark=params.final_pass_mark, short=short)
        )
    if not reasons:
        passed = msg("plpg.passed", score=final, mark=params.final_pass_mark)
        return Outcome(Status.PASSED, final, parts, comps, (), (passed,))
    reasons.extend(
        msg(
            "plpg.competency_low",
            competency=msg(f"plpg.competency.{c.key}"),
            score=c.score,
            mark=params.final_pass_mark,
        )
        for c in comps
        if c.low
    )
    return _retake(params, standing, final, parts, comps, reasons)


def _retake(
    params: PlpgParams,
    standing: Standing,
    final: Decimal,
    parts: tuple[PartResult, ...],
    comps: tuple[CompetencyResult, ...],
    reasons: list[Message],
) -> Outcome:
    """Only the failed exam parts are retaken (all exam parts when only the final failed), at
    most `max_retakes` times; otherwise back to the district (domain.md §3.2, retakes 2012)."""
    failed = [r.key for r in parts if not r.passed]
    fixed = [key for key in failed if not params.part(key).exam]
    if fixed:
        reasons.extend(msg("plpg.not_retakeable", part=key) for key in fixed)
        return Outcome(Status.RETURNED, final, parts, comps, (), tuple(reasons))
    if standing.retakes_taken >= params.max_retakes:
        reasons.append(msg("plpg.retakes_used", maximum=params.max_retakes))
        return Outcome(Status.RETURNED, final, parts, comps, (), tuple(reasons))
    retake = tuple(failed) or tuple(part.key for part in params.exam_parts)
    number = standing.retakes_taken + 1
    reasons.append(
        msg("plpg.retake", parts=", ".join(retake), number=number, maximum=params.max_retakes)
    )
    return Outcome(Status.RETAKE, final, parts, comps, retake, tuple(reasons))
