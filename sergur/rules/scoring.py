"""Score one portfolio: the ten components, the groups, the total and the decision."""

from __future__ import annotations

from decimal import Decimal

from msgspec import Struct, UnsetType

from sergur.rules import rubric
from sergur.rules.decisions import Decision, Standing, decide
from sergur.rules.messages import Message
from sergur.rules.model import PortfolioFile, Review, Role
from sergur.rules.plans import plan_variety_warnings
from sergur.rules.programme import RulesYear

COMPONENT_KEYS = (
    "qualification",
    "training",
    "teaching_experience",
    "learning_plans_and_practice",
    "superior_assessment",
    "academic_achievement",
    "professional_works",
    "scientific_forums",
    "organization_experience",
    "awards",
)
"""The ten components in the instrument's order (component n is COMPONENT_KEYS[n - 1])."""

NO_REVIEW = Review()

GROUP_MEMBERS = {
    "A": ("qualification", "teaching_experience", "learning_plans_and_practice"),
    "B": ("training", "superior_assessment", "academic_achievement", "professional_works"),
    "C": ("scientific_forums", "organization_experience", "awards"),
}


Points = Decimal | int
"""Exact points: whole numbers stay int; shares and means are exact Decimals."""


class ScoreResult(Struct, frozen=True, gc=False):
    """The scored portfolio: exact values, the decision and, if asked, the trace."""

    teacher: str
    year: RulesYear
    components: dict[str, Points]
    lesson_plans: Points
    teaching_observation: Points
    group_a: Points
    group_b: Points
    group_c: Points
    group_c_counted: Points
    total: Points
    decision: Decision
    trace: tuple[rubric.TraceLine, ...]
    warnings: tuple[Message, ...] = ()
    """What the instrument asks that is not a refusal (`plans.plan_variety_warnings`)."""
    role: Role = "subject_teacher"
    """The teacher's kind: a counsellor's components carry the counsellor's names."""

    @property
    def interpretations(self) -> tuple[str, ...]:
        """The interpretations (docs/rules.md) that this portfolio's score depends on."""
        used = {key for line in self.trace for key in line.interpretations}
        if self.decision.rule in ("near_miss", "otherwise"):
            used.add("D1")  # the near-miss floor told MS from MPLPG
        return tuple(sorted(used))


def score_parts(
    portfolio: PortfolioFile, trace: list[rubric.TraceLine] | None = None
) -> dict[str, Points]:
    """The points of a validated portfolio's eleven parts — the ten components, with
    component 4 as its lesson plans (4a) and its teaching practice (4b) — in the instrument's
    order, without the groups or the decision: what `score` sums and decides. A `trace` list
    collects one line per scored entry, as `score(..., explain=True)` does."""
    p = portfolio
    return {
        "qualification": rubric.score_qualifications(p.qualifications, trace),
        "training": rubric.score_trainings(p.trainings, trace),
        "teaching_experience": rubric.score_experience(p.teaching_experience, trace),
        "lesson_plans": rubric.score_plans(p.lesson_plans, p.teacher.role, trace),
        "teaching_observation": rubric.score_observation(
            p.teaching_observation, trace, p.teacher.role
        ),
        "superior_assessment": rubric.score_superior(p.superior_assessment, trace),
        "academic_achievement": rubric.score_achievement(p, trace),
        "professional_works": rubric.score_works(p.works, trace),
        "scientific_forums": rubric.score_forums(p.forums, trace),
        "organization_experience": rubric.score_organizations(p, trace),
        "awards": rubric.score_awards(p, trace),
    }


def score(portfolio: PortfolioFile, year: RulesYear, *, explain: bool = False) -> ScoreResult:
    """Score a validated portfolio under the rubric and thresholds of `year`."""
    trace: list[rubric.TraceLine] | None = [] if explain else None
    p = portfolio
    parts = score_parts(p, trace)
    qualification = parts["qualification"]
    training = parts["training"]
    experience = parts["teaching_experience"]
    plans = parts["lesson_plans"]
    observation = parts["teaching_observation"]
    superior = parts["superior_assessment"]
    achievement = parts["academic_achievement"]
    works = parts["professional_works"]
    forums = parts["scientific_forums"]
    organizations = parts["organization_experience"]
    awards = parts["awards"]

    practice = plans + observation
    group_a = qualification + experience + practice
    group_b = training + superior + achievement + works
    group_c = forums + organizations + awards
    thresholds = year.portfolio
    counted_c: Points = group_c if group_c < thresholds.group_c_cap else thresholds.group_c_cap
    total = group_a + group_b + counted_c

    review = p.review if isinstance(p.review, Review) else NO_REVIEW
    standing = Standing(
        group_a=group_a,
        group_b=group_b,
        group_c=group_c,
        total=total,
        parts={
            "qualification": qualification,
            "training": training,
            "teaching_experience": experience,
            "lesson_plans": plans,
            "teaching_observation": observation,
            "superior_assessment": superior,
        },
        special_area=p.teacher.special_area,
        superior_assessment_present=not isinstance(p.superior_assessment, UnsetType),
        fraud_found=review.fraud_found,
        doubtful_evidence=tuple(review.doubtful_evidence),
        administrative_defects=tuple(review.administrative_defects),
        role=p.teacher.role,
    )
    name = p.teacher.participant_number
    return ScoreResult(
        teacher=p.teacher.name if isinstance(name, UnsetType) else name,
        year=year,
        components=dict(
            zip(
                COMPONENT_KEYS,
                (
                    qualification,
                    training,
                    experience,
                    practice,
                    superior,
                    achievement,
                    works,
                    forums,
                    organizations,
                    awards,
                ),
                strict=True,
            )
        ),
        lesson_plans=plans,
        teaching_observation=observation,
        group_a=group_a,
        group_b=group_b,
        group_c=group_c,
        group_c_counted=counted_c,
        total=total,
        decision=decide(standing, thresholds),
        trace=tuple(trace) if trace is not None else (),
        warnings=plan_variety_warnings(p.lesson_plans, p.teacher.role),
        role=p.teacher.role,
    )
