"""Who may review an appeal: the case's rayon, the assessors of the case and the reviewer's
independence from them."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from sergur.appeals.models import Appeal
from sergur.appeals.selectors.access import Role
from sergur.assessments.models import Allocation, Assessor
from sergur.cases.models import Case
from sergur.registry.models import Rayon, TeachingAssignment
from sergur.rules.assessment.allocation import AssessorSlot, PortfolioSlot, conflicts
from sergur.rules.messages import Message

CASE_ASSESSOR = _(
    "Assessed this portfolio: the reviewer must be independent of the case's assessors."
)
OTHER_RAYON = _("Belongs to another rayon's register.")
NOT_ASSESSOR = _("Is not an active assessor account.")


def case_rayon(case: Case) -> Rayon | None:
    """The rayon that assessed the case (its assessors' rayon), else the rayon serving the
    province of the teacher's main school (the lowest number when several do)."""
    allocation = (
        Allocation.objects.filter(case=case)
        .select_related("assessor__rayon")
        .order_by("-round", "slot", "pk")
        .first()
    )
    if allocation is not None:
        return allocation.assessor.rayon
    return (
        Rayon.objects.filter(
            provinces__districts__subdistricts__schools__assignments__teacher=case.teacher_id,
            provinces__districts__subdistricts__schools__assignments__is_main=True,
        )
        .order_by("code")
        .first()
    )


def portfolio_slot(case: Case) -> PortfolioSlot:
    """The case as the conflict-of-interest rule sees it (one query: the main school)."""
    main = (
        TeachingAssignment.objects.filter(teacher=case.teacher_id, is_main=True)
        .values("school_id", "school__subdistrict__district_id")
        .first()
    )
    return PortfolioSlot(
        case=case.pk,
        teacher=case.teacher_id,
        subject=case.teacher.subject.code,
        school=main["school_id"] if main else None,
        district=main["school__subdistrict__district_id"] if main else None,
    )


def assessor_slot(assessor: Assessor) -> AssessorSlot:
    """An assessor as the conflict-of-interest rule sees it; uses prefetched `subjects` and
    `relations` when there (reviewer_candidates), else two queries."""
    return AssessorSlot(
        id=assessor.pk,
        subjects=frozenset(subject.code for subject in assessor.subjects.all()),
        school=assessor.home_school_id,
        district=assessor.home_district_id,
        related_teachers=frozenset(relation.teacher_id for relation in assessor.relations.all()),
        capacity=assessor.max_load or 0,
        load=0,
        active=assessor.active and assessor.user.is_active,
    )


def case_assessor_ids(case: Case) -> frozenset[int]:
    """Every assessor who was allocated to the case, in any round or slot, even if later
    replaced: none of them may review its appeal."""
    return frozenset(Allocation.objects.filter(case=case).values_list("assessor_id", flat=True))


@dataclass(frozen=True)
class Candidate:
    """An assessor of the rayon and why they may not review this appeal (empty: they may)."""

    assessor: Assessor
    obstacles: tuple[Message | str, ...]
    assesses_subject: bool

    @property
    def eligible(self) -> bool:
        """Whether the rayon admin may assign them."""
        return not self.obstacles


def reviewer_obstacles(
    *,
    assessor: Assessor,
    case_assessors: frozenset[int],
    portfolio: PortfolioSlot,
    rayon_id: int,
) -> tuple[Message | str, ...]:
    """Every reason an assessor may not review the appeal: another rayon, not an assessor,
    one of the case's assessors, or a conflict of interest (rules.assessment.allocation)."""
    reasons: list[Message | str] = []
    if assessor.rayon_id != rayon_id:
        reasons.append(str(OTHER_RAYON))
    if assessor.user.role != Role.ASSESSOR:
        reasons.append(str(NOT_ASSESSOR))
    if assessor.pk in case_assessors:
        reasons.append(str(CASE_ASSESSOR))
    reasons.extend(conflicts(portfolio, assessor_slot(assessor)))
    return tuple(reasons)


def rayon_assessors(rayon_id: int) -> QuerySet[Assessor]:
    """The rayon's register with what the conflict rule needs (three queries when read)."""
    return (
        Assessor.objects.filter(rayon_id=rayon_id)
        .select_related("user")
        .prefetch_related("subjects", "relations")
        .order_by("number")
    )


def reviewer_candidates(*, appeal: Appeal) -> list[Candidate]:
    """The rayon's assessors for the assign form, each with why they may not review (a fixed
    number of queries however many assessors): eligible first, those of the subject first."""
    case = appeal.case
    portfolio = portfolio_slot(case)
    case_assessors = case_assessor_ids(case)
    found = [
        Candidate(
            assessor=assessor,
            obstacles=reviewer_obstacles(
                assessor=assessor,
                case_assessors=case_assessors,
                portfolio=portfolio,
                rayon_id=appeal.rayon_id,
            ),
            assesses_subject=portfolio.subject
            in {subject.code for subject in assessor.subjects.all()},
        )
        for assessor in rayon_assessors(appeal.rayon_id)
    ]
    return sorted(found, key=lambda c: (not c.eligible, not c.assesses_subject, c.assessor.number))
