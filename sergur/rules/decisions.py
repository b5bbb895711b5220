"""Groups, the pass rule and the six decision codes (docs/sources/decisions.md,
docs/sources/rubric-2007.md).

The order of the decision rules is data (`DECISION_ORDER`); the first rule that applies wins,
and the reasons always list every rule that did not hold, so the teacher sees all at once.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from msgspec import Struct

from sergur.rules.messages import Message, component_msg, msg
from sergur.rules.programme import PortfolioThresholds

CODES = ("L", "MA", "MS", "MPLPG", "K", "D")
GROUP_A_PARTS = ("qualification", "teaching_experience", "lesson_plans", "teaching_observation")
RULED_ELSEWHERE = frozenset({*GROUP_A_PARTS, "superior_assessment"})
"""Main components another rule already speaks for: an empty part of group A fails group A,
and a missing component 5 sends the teacher to PLPG (docs/sources/rubric-2007.md, "Main
components"); the main-component rule names only the others, so no reason is said twice."""


class Standing(Struct, frozen=True, gc=False):
    """Everything the decision looks at: group totals, the parts the group and main-component
    rules look at (`parts`, by part name), and the review."""

    group_a: Decimal | int
    group_b: Decimal | int
    group_c: Decimal | int
    total: Decimal | int
    parts: dict[str, Decimal | int]
    special_area: bool
    superior_assessment_present: bool
    fraud_found: bool
    doubtful_evidence: tuple[str, ...]
    administrative_defects: tuple[str, ...]
    role: str = "subject_teacher"
    """The teacher's kind: a counsellor's reasons name the parts in the counsellor's words."""


class GroupCheck(Struct, frozen=True, gc=False):
    """One group rule and whether it holds."""

    group: str
    value: Decimal | int
    minimum: Decimal | int
    holds: bool
    empty_parts: tuple[str, ...] = ()


class Decision(Struct, frozen=True, gc=False):
    """The decision code with every reason in plain words (as messages)."""

    code: str
    reasons: tuple[Message, ...]
    groups: tuple[GroupCheck, ...]
    passes: bool
    rule: str


def _empty_parts(s: Standing) -> tuple[str, ...]:
    """The sub-elements of group A with no points."""
    return tuple(part for part in GROUP_A_PARTS if s.parts[part] <= 0)


def empty_main_components(s: Standing, t: PortfolioThresholds) -> tuple[str, ...]:
    """The year's main components with no points that no other rule names (seed 003, FAQ
    question 7: "Jadi semua komponen harus dipenuhi"; docs/sources/rubric-2007.md)."""
    return tuple(
        part for part in t.main_components if part not in RULED_ELSEWHERE and s.parts[part] <= 0
    )


def _group_b_min(s: Standing, t: PortfolioThresholds) -> Decimal:
    """Group B's minimum: lower in a special area."""
    return t.group_b_min_special_area if s.special_area else t.group_b_min


def group_checks(s: Standing, t: PortfolioThresholds) -> tuple[GroupCheck, ...]:
    """Group A (minimum and no empty sub-element), B (special-area minimum), C (not empty)."""
    empty = _empty_parts(s)
    b_min = _group_b_min(s, t)
    return (
        GroupCheck("A", s.group_a, t.group_a_min, s.group_a >= t.group_a_min and not empty, empty),
        GroupCheck("B", s.group_b, b_min, s.group_b >= b_min),
        GroupCheck("C", s.group_c, 0, s.group_c > 0),
    )


def groups_hold(s: Standing, t: PortfolioThresholds) -> bool:
    """Whether every group check holds (`all(g.holds for g in group_checks(s, t))`), without
    building the checks."""
    return (
        s.group_a >= t.group_a_min
        and not _empty_parts(s)
        and s.group_b >= _group_b_min(s, t)
        and s.group_c > 0
    )


def reasons_for(
    s: Standing, t: PortfolioThresholds, groups: tuple[GroupCheck, ...]
) -> tuple[Message, ...]:
    """Every rule that does not hold, in the order of the decision rules."""
    reasons: list[Message] = []
    if s.fraud_found:
        reasons.append(msg("reason.fraud"))
    reasons.extend(msg("reason.doubtful", code=code) for code in s.doubtful_evidence)
    if not s.superior_assessment_present:
        reasons.append(msg("reason.no_superior_assessment"))
    if s.total < t.pass_mark:
        reasons.append(
            msg(
                "reason.below_pass_mark",
                total=s.total,
                gap=t.pass_mark - s.total,
                pass_mark=t.pass_mark,
            )
        )
    a, b, c = groups
    if a.value < a.minimum:
        reasons.append(msg("reason.group_a_min", value=a.value, minimum=a.minimum))
    reasons.extend(
        msg("reason.group_a_empty", part=component_msg(part, s.role)) for part in a.empty_parts
    )
    if not b.holds:
        code = "reason.group_b_min_special" if s.special_area else "reason.group_b_min"
        reasons.append(msg(code, value=b.value, minimum=b.minimum))
    if not c.holds:
        reasons.append(msg("reason.group_c_empty"))
    reasons.extend(
        msg("reason.main_component_empty", part=component_msg(part, s.role))
        for part in empty_main_components(s, t)
    )
    reasons.extend(msg("reason.defect", text=text) for text in s.administrative_defects)
    return tuple(reasons)


Rule = Callable[[Standing, PortfolioThresholds, bool], str | None]


def _fraud(s: Standing, t: PortfolioThresholds, passes: bool) -> str | None:
    return "D" if s.fraud_found else None


def _doubtful(s: Standing, t: PortfolioThresholds, passes: bool) -> str | None:
    return "K" if s.doubtful_evidence else None


def _no_superior(s: Standing, t: PortfolioThresholds, passes: bool) -> str | None:
    return "MPLPG" if not s.superior_assessment_present else None


def _pass(s: Standing, t: PortfolioThresholds, passes: bool) -> str | None:
    if not passes:
        return None
    return "MA" if s.administrative_defects else "L"


def _near_miss(s: Standing, t: PortfolioThresholds, passes: bool) -> str | None:
    return "MS" if s.total >= t.near_miss_floor else None


def _otherwise(s: Standing, t: PortfolioThresholds, passes: bool) -> str | None:
    return "MPLPG"


DECISION_ORDER: tuple[Rule, ...] = (_fraud, _doubtful, _no_superior, _pass, _near_miss, _otherwise)
"""docs/sources/decisions.md "Order of the rules": the first rule that returns a code decides."""


def decision_code(s: Standing, t: PortfolioThresholds) -> str:
    """The code `decide` gives, without its reasons or group checks: what a re-score needs
    to compare two sheets and to notice a changed decision (reasons are built only for a
    decision that is stored)."""
    passes = s.total >= t.pass_mark and groups_hold(s, t) and not empty_main_components(s, t)
    for rule in DECISION_ORDER:
        code = rule(s, t, passes)
        if code is not None:
            return code
    raise AssertionError("the last decision rule always applies")  # pragma: no cover


def decide(s: Standing, t: PortfolioThresholds) -> Decision:
    """The decision code and its complete reason list (docs/sources/decisions.md)."""
    groups = group_checks(s, t)
    passes = (
        s.total >= t.pass_mark and all(g.holds for g in groups) and not empty_main_components(s, t)
    )
    for rule in DECISION_ORDER:
        code = rule(s, t, passes)
        if code is not None:
            return Decision(code, reasons_for(s, t, groups), groups, passes, rule.__name__[1:])
    raise AssertionError("the last decision rule always applies")  # pragma: no cover
