"""The assessor's scoring sheet as arithmetic: the rules core suggests points for every entry
(the trace of `score`), the assessor confirms or overrides each one with a reason, and the
sheet's components, groups, total and decision follow from the same decision rules.

A sheet works on eleven *parts*: the ten components with component 4 split into its lesson
plans (4a) and teaching practice (4b), because the group-A rule looks at both halves.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal

from msgspec import Struct

from sergur.rules.decisions import Decision, Standing, decide, decision_code
from sergur.rules.messages import Message, msg
from sergur.rules.programme import RulesYear
from sergur.rules.rubric import EXPERIENCE_BANDS, TraceLine
from sergur.rules.scoring import COMPONENT_KEYS, ScoreResult

Points = Decimal | int

PARTS: tuple[str, ...] = (
    "qualification",
    "training",
    "teaching_experience",
    "lesson_plans",
    "teaching_observation",
    "superior_assessment",
    "academic_achievement",
    "professional_works",
    "scientific_forums",
    "organization_experience",
    "awards",
)
"""The parts of a sheet, in the instrument's order (the trace's component names)."""

ASSESSED_PARTS = frozenset({"lesson_plans", "teaching_observation", "superior_assessment"})
"""Parts that come from a scored instrument (the RPP/PPBK form, the closed envelope, the
counsellor's 4b form on the sheet), not from declared entries: their lines are not overridden
one by one."""

PART_MAXIMUM: dict[str, Points] = {
    "teaching_experience": max(points for *_, points in EXPERIENCE_BANDS),
}
"""Parts with a fixed maximum in the rubric: teaching experience, the top of its table
(docs/sources/rubric-2007.md §3). The other parts have none (docs/rules.md, "Estimated maxima are
not caps")."""

GROUPS: dict[str, tuple[str, ...]] = {
    "A": ("qualification", "teaching_experience", "lesson_plans", "teaching_observation"),
    "B": ("training", "superior_assessment", "academic_achievement", "professional_works"),
    "C": ("scientific_forums", "organization_experience", "awards"),
}


MAIN_PARTS: tuple[str, ...] = (*GROUPS["A"], "training", "superior_assessment")
"""The parts the decision's group A and main-component rules look at
(docs/sources/rubric-2007.md, "Main components")."""


class SheetError(ValueError):
    """An override the sheet cannot take; `message` says what and where."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.text("en"))
        self.message = message


class SheetLine(Struct, frozen=True, gc=False):
    """One suggested line: its stable key, part, entry, the suggested points and the rule."""

    key: str
    part: str
    entry: int | None
    suggested: Points
    rule: Message

    @property
    def overridable(self) -> bool:
        """Whether the assessor may change this line's points (declared entries only)."""
        return self.part not in ASSESSED_PARTS


class Override(Struct, frozen=True, gc=False):
    """The assessor's points for one line instead of the suggestion, and why."""

    points: Points
    reason: str


class SheetReview(Struct, frozen=True, gc=False):
    """What the assessor recorded that is not a score (docs/sources/decisions.md, `review`)."""

    administrative_defects: tuple[str, ...] = ()
    doubtful_evidence: tuple[str, ...] = ()
    fraud_found: bool = False

    def union(self, other: SheetReview) -> SheetReview:
        """Both assessors' findings, each listed once, in the order first recorded."""
        if not (
            self.administrative_defects
            or other.administrative_defects
            or self.doubtful_evidence
            or other.doubtful_evidence
        ):  # the usual case, nothing listed: taken without building the lists
            return SheetReview(fraud_found=self.fraud_found or other.fraud_found)
        return SheetReview(
            administrative_defects=_unique(
                (*self.administrative_defects, *other.administrative_defects)
            ),
            doubtful_evidence=_unique((*self.doubtful_evidence, *other.doubtful_evidence)),
            fraud_found=self.fraud_found or other.fraud_found,
        )


class Facts(Struct, frozen=True, gc=False):
    """What the decision needs beyond the points: the special-area flag and whether the
    superior's assessment (component 5) is present."""

    special_area: bool
    superior_present: bool
    role: str = "subject_teacher"
    """The teacher's kind, for the words of the reasons (`decisions.Standing.role`)."""


class Outcome(Struct, frozen=True, gc=False):
    """A scored sheet (or a final score): parts, components, groups, total and decision."""

    parts: dict[str, Points]
    components: dict[str, Points]
    group_a: Points
    group_b: Points
    group_c: Points
    group_c_counted: Points
    total: Points
    decision: Decision


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if v))


def sheet_lines(result: ScoreResult) -> tuple[SheetLine, ...]:
    """The suggested lines of a scored portfolio (scored with `explain=True`), each with a
    key that stays the same as long as the portfolio does (the trace path; a second line on
    the same path gets `#2`, `#3`...)."""
    return trace_lines(result.trace)


def trace_lines(trace: Iterable[TraceLine]) -> tuple[SheetLine, ...]:
    """`sheet_lines` of a trace (as `score_parts` collects it, without scoring the
    decision)."""
    seen: dict[str, int] = {}
    lines: list[SheetLine] = []
    for line in trace:
        count = seen.get(line.path, 0) + 1
        seen[line.path] = count
        key = line.path if count == 1 else f"{line.path}#{count}"
        lines.append(SheetLine(key, line.component, line.entry, line.points, line.rule))
    return tuple(lines)


def with_uploaded_plans(lines: Iterable[SheetLine], uploaded: int) -> tuple[SheetLine, ...]:
    """The sheet's lines, with plans the teacher uploaded but the assessor has not scored yet
    told apart from plans that are missing: both count 0 now (P1), but only a missing plan
    stays 0 (docs/sources/rubric-2007.md §4a)."""
    out: list[SheetLine] = []
    for line in lines:
        if line.rule.code == "trace.plans_missing":
            params = dict(line.rule.params)
            missing, required = int(str(params["missing"])), int(str(params["required"]))
            waiting = max(0, min(uploaded, required) - (required - missing))
            if waiting:
                absent = missing - waiting
                rule = (
                    msg("trace.plans_unscored", waiting=waiting, required=required)
                    if not absent
                    else msg(
                        "trace.plans_unscored_missing",
                        waiting=waiting,
                        missing=absent,
                        required=required,
                    )
                )
                line = SheetLine(line.key, line.part, line.entry, line.suggested, rule)
        out.append(line)
    return tuple(out)


def parts_of(result: ScoreResult) -> dict[str, Points]:
    """The eleven parts of a scored portfolio."""
    parts: dict[str, Points] = {
        key: value
        for key, value in result.components.items()
        if key != "learning_plans_and_practice"
    }
    parts["lesson_plans"] = result.lesson_plans
    parts["teaching_observation"] = result.teaching_observation
    return {part: parts[part] for part in PARTS}


def apply_overrides(
    lines: Iterable[SheetLine], parts: Mapping[str, Points], overrides: Mapping[str, Override]
) -> dict[str, Points]:
    """The parts after the assessor's overrides: each part moves by the difference between
    the assessor's points and the suggestion of its overridden lines (never below 0).

    Raises SheetError for an unknown line, an instrument line, negative points, a part past
    its maximum (PART_MAXIMUM), or a change without a reason."""
    by_key = {line.key: line for line in lines}
    adjusted: dict[str, Points] = dict(parts)
    for key, override in overrides.items():
        line = by_key.get(key)
        if line is None:
            raise SheetError(msg("sheet.unknown_line", key=key))
        if not line.overridable:
            raise SheetError(msg("sheet.not_overridable", key=key))
        if override.points < 0:
            raise SheetError(msg("sheet.negative", key=key))
        if override.points != line.suggested and not override.reason.strip():
            raise SheetError(msg("sheet.reason_missing", key=key))
        moved = adjusted[line.part] + override.points - line.suggested
        adjusted[line.part] = moved if moved > 0 else 0
        maximum = PART_MAXIMUM.get(line.part)
        if maximum is not None and moved > maximum:
            raise SheetError(msg("sheet.above_maximum", key=key, maximum=maximum))
    return adjusted


class Tally(Struct, frozen=True, gc=False):
    """A sheet or a final reduced to what a re-score compares and stores: the parts, the
    total and the decision code (`outcome` without the components, groups and reasons)."""

    parts: dict[str, Points]
    total: Points
    code: str


def _standing(
    parts: Mapping[str, Points], facts: Facts, review: SheetReview, year: RulesYear
) -> tuple[Standing, Points]:
    """What the decision looks at in a set of parts, and group C as counted in the total."""
    thresholds = year.portfolio
    value = parts.__getitem__
    group_a = sum(map(value, GROUPS["A"]), 0)
    group_b = sum(map(value, GROUPS["B"]), 0)
    group_c = sum(map(value, GROUPS["C"]), 0)
    counted_c: Points = group_c if group_c < thresholds.group_c_cap else thresholds.group_c_cap
    standing = Standing(
        group_a=group_a,
        group_b=group_b,
        group_c=group_c,
        total=group_a + group_b + counted_c,
        parts={p: parts[p] for p in MAIN_PARTS},
        special_area=facts.special_area,
        superior_assessment_present=facts.superior_present,
        fraud_found=review.fraud_found,
        doubtful_evidence=review.doubtful_evidence,
        administrative_defects=review.administrative_defects,
        role=facts.role,
    )
    return standing, counted_c


def tally(parts: Mapping[str, Points], facts: Facts, review: SheetReview, year: RulesYear) -> Tally:
    """The parts, total and decision code of a set of parts: `tally_of(outcome(...))`
    without building the reasons (docs/sources/decisions.md `decision_code`)."""
    standing, _ = _standing(parts, facts, review, year)
    return Tally(
        parts={p: parts[p] for p in PARTS},
        total=standing.total,
        code=decision_code(standing, year.portfolio),
    )


def tally_of(result: Outcome) -> Tally:
    """An outcome reduced to its parts, total and decision code."""
    return Tally(parts=result.parts, total=result.total, code=result.decision.code)


def outcome(
    parts: Mapping[str, Points], facts: Facts, review: SheetReview, year: RulesYear
) -> Outcome:
    """Components, groups, total and decision (docs/sources/decisions.md) of a set of parts."""
    standing, counted_c = _standing(parts, facts, review, year)
    components = {
        key: (
            parts["lesson_plans"] + parts["teaching_observation"]
            if key == "learning_plans_and_practice"
            else parts[key]
        )
        for key in COMPONENT_KEYS
    }
    return Outcome(
        parts={p: parts[p] for p in PARTS},
        components=components,
        group_a=standing.group_a,
        group_b=standing.group_b,
        group_c=standing.group_c,
        group_c_counted=counted_c,
        total=standing.total,
        decision=decide(standing, year.portfolio),
    )


def mean_parts(*sets: Mapping[str, Points]) -> dict[str, Points]:
    """The exact mean of several sets of parts, part by part (whole numbers stay whole)."""
    result: dict[str, Points] = {}
    for part in PARTS:
        total = sum((s[part] for s in sets), start=0)
        mean = Decimal(total) / len(sets)
        result[part] = int(mean) if mean == mean.to_integral_value() else mean
    return result


def mean_of_two(a: Mapping[str, Points], b: Mapping[str, Points]) -> dict[str, Points]:
    """`mean_parts(a, b)`, the same values written the same way, in a fifth of the time (the
    mean of every re-scored case): an even whole sum is halved as a whole number."""
    result: dict[str, Points] = {}
    for part in PARTS:
        total = a[part] + b[part]
        if type(total) is int and total % 2 == 0:
            result[part] = total // 2
            continue
        mean = Decimal(total) / 2
        result[part] = int(mean) if mean == mean.to_integral_value() else mean
    return result
