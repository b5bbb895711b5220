"""Components 4-5 of the 2007 rubric: learning plans (4a) and practice (4b), and the
assessment by superior and supervisor (docs/sources/rubric-2007.md; Buku III 2007)."""

from __future__ import annotations

from decimal import Decimal

from msgspec import UnsetType

from sergur.rules import model as m
from sergur.rules.messages import msg
from sergur.rules.rubric.trace import Trace, TraceLine

# -- 4. Learning plans (4a) and practice (4b) ------------------------------------------------
REQUIRED_PLANS = {"subject_teacher": 5, "counselor": 4}
PROGRAMME_WEIGHTS = (4, 8, 8, 8, 4, 4, 2, 2)
PROGRAMME_DIVISOR = 5


def score_plans(items: list[m.LessonPlan], role: str, trace: Trace) -> Decimal:
    """4a: mean over the required plans (a missing plan counts 0, P1); counsellors weight (P2)."""
    required = REQUIRED_PLANS[role]
    counsellor = role == "counselor"
    total = 0
    weighted_sum = 0
    for index, plan in enumerate(items):
        if counsellor:
            weighted = sum(i * w for i, w in zip(plan.items, PROGRAMME_WEIGHTS, strict=True))
            weighted_sum += weighted
            if trace is not None:
                score = Decimal(weighted) / PROGRAMME_DIVISOR
                rule = msg(
                    "trace.programme",
                    weighted=weighted,
                    score=score,
                    required=required,
                    points=score / required,
                )
                trace.append(
                    TraceLine(
                        "lesson_plans",
                        f"lesson_plans[{index}]",
                        index,
                        score / required,
                        rule,
                        ("P2",),
                    )
                )
        else:
            plan_sum = sum(plan.items)
            total += plan_sum
            if trace is not None:
                points = Decimal(plan_sum) / required
                rule = msg("trace.plan", sum=plan_sum, required=required, points=points)
                trace.append(
                    TraceLine("lesson_plans", f"lesson_plans[{index}]", index, points, rule)
                )
    if trace is not None and len(items) < required:
        missing = required - len(items)
        rule = msg("trace.plans_missing", missing=missing, required=required)
        trace.append(TraceLine("lesson_plans", "lesson_plans", None, 0, rule, ("P1",)))
    if counsellor:
        return Decimal(weighted_sum) / (PROGRAMME_DIVISOR * required)
    return Decimal(total) / required


def score_observation(
    item: m.TeachingObservation | UnsetType, trace: Trace, role: str = "subject_teacher"
) -> int:
    """4b: the sum of the 24 items (0 when the instrument is absent): the principal's and
    supervisor's observation, or for a counsellor the assessor's BK practice form (Buku II
    pp. 33–35)."""
    kind = "counselor_practice" if role == "counselor" else "observation"
    if isinstance(item, UnsetType):
        if trace is not None:
            rule = msg(f"trace.{kind}_missing")
            trace.append(TraceLine("teaching_observation", "teaching_observation", None, 0, rule))
        return 0
    points = sum(item.items)
    if trace is not None:
        rule = msg(f"trace.{kind}", points=points)
        trace.append(TraceLine("teaching_observation", "teaching_observation", None, points, rule))
    return points


# -- 5. Assessment by superior and supervisor ------------------------------------------------
def score_superior(item: m.SuperiorAssessment | UnsetType, trace: Trace) -> int:
    """Component 5: the sum of the 10 items (0 when absent; docs/sources/decisions.md sends it to
    PLPG)."""
    if isinstance(item, UnsetType):
        if trace is not None:
            rule = msg("trace.superior_missing")
            trace.append(TraceLine("superior_assessment", "superior_assessment", None, 0, rule))
        return 0
    points = sum(item.items)
    if trace is not None:
        rule = msg("trace.superior", points=points)
        trace.append(TraceLine("superior_assessment", "superior_assessment", None, points, rule))
    return points
