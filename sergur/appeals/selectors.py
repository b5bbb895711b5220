"""Reads of appeals: who may see which appeal (the one place roles are checked), who may review
one, an appeal's page, the case-page panel and the statistics per rayon."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import (
    Count,
    DurationField,
    ExpressionWrapper,
    F,
    Q,
    QuerySet,
    Window,
)
from django.db.models.functions import RowNumber
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from sergur.accounts.models import User
from sergur.appeals.models import Appeal
from sergur.assessments.models import Allocation, Assessor, Result, Sheet
from sergur.cases.models import Case
from sergur.registry.models import Rayon, TeachingAssignment
from sergur.rules.assessment.allocation import AssessorSlot, PortfolioSlot, conflicts
from sergur.rules.messages import Message

Role = User.Role

CASE_ASSESSOR = _(
    "Assessed this portfolio: the reviewer must be independent of the case's assessors."
)
OTHER_RAYON = _("Belongs to another rayon's register.")
NOT_ASSESSOR = _("Is not an active assessor account.")

APPEAL_RELATED = (
    "case",
    "case__teacher",
    "case__teacher__subject",
    "case__programme_year",
    "result",
    "new_result",
    "rayon",
    "reviewer",
    "reviewer__user",
)


# -- access --------------------------------------------------------------------------------------


def appeal_scope(user: User | AnonymousUser) -> Q | None:
    """The appeals a user may see, as a filter; None when the user may see none. The teacher
    sees their own, the rayon admin those of their rayon, an assessor those they review."""
    if not user.is_authenticated or not user.is_active:
        return None
    if user.is_superuser:
        return Q()
    if user.role == Role.TEACHER:
        return Q(case__teacher__user=user)
    if user.role == Role.RAYON_ADMIN and user.rayon_id is not None:
        return Q(rayon_id=user.rayon_id)
    if user.role == Role.ASSESSOR:
        return Q(reviewer__user=user, reviewer__active=True)
    return None


def appeal_get_for_user(*, user: User | AnonymousUser, pk: int) -> Appeal:
    """The appeal if the user may see it; 404 otherwise (existence is not revealed)."""
    scope = appeal_scope(user)
    if scope is None:
        raise Http404
    appeal = Appeal.objects.filter(scope, pk=pk).select_related(*APPEAL_RELATED).first()
    if appeal is None:
        raise Http404
    return appeal


@dataclass(frozen=True)
class AppealRights:
    """What one user may do on one appeal they can already see."""

    is_owner: bool
    manage: bool  # the rayon's admin (or the operator): assigns the reviewer
    review: bool  # the assigned reviewer
    decide: bool  # the assigned reviewer, while the appeal is open


def appeal_rights(*, user: User, appeal: Appeal) -> AppealRights:
    """The rights of `user` on an appeal from appeal_get_for_user."""
    owner = appeal.case.teacher.user_id == user.pk
    manage = user.is_superuser or (
        user.role == Role.RAYON_ADMIN and user.rayon_id == appeal.rayon_id
    )
    review = appeal.reviewer is not None and appeal.reviewer.user_id == user.pk
    return AppealRights(
        is_owner=owner,
        manage=manage,
        review=review,
        decide=review and appeal.decided_at is None,
    )


def appeal_list_for_user(*, user: User) -> QuerySet[Appeal]:
    """The appeals a rayon admin manages or an assessor reviews (the operator: all), open ones
    first, with what the list shows in the same query; PermissionDenied for other roles."""
    if not (user.is_superuser or user.role in (Role.RAYON_ADMIN, Role.ASSESSOR)):
        raise PermissionDenied
    scope = appeal_scope(user)
    if scope is None:
        return Appeal.objects.none()
    return (
        Appeal.objects.filter(scope)
        .select_related(*APPEAL_RELATED)
        .order_by(F("decided_at").desc(nulls_first=True), "filed_at", "pk")
    )


# -- the case's rayon and the reviewer's independence --------------------------------------------


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


# -- what the reviewer reads -----------------------------------------------------------------


@dataclass(frozen=True)
class SheetParts:
    """One submitted sheet of the case, as the reviewer reads it: its place and its parts."""

    round: int
    slot: int
    slot_label: str
    parts: dict[str, str]
    total: Decimal | None
    code: str


def case_sheets(case: Case) -> list[SheetParts]:
    """The case's submitted sheets of the active allocations, by round and slot (one query).
    The reviewer sees their parts, never who scored them."""
    sheets = (
        Sheet.objects.filter(
            allocation__case=case, allocation__active=True, submitted_at__isnull=False
        )
        .select_related("allocation")
        .order_by("allocation__round", "allocation__slot")
    )
    labels = dict(Allocation.Slot.choices)
    return [
        SheetParts(
            round=sheet.allocation.round,
            slot=sheet.allocation.slot,
            slot_label=str(labels.get(sheet.allocation.slot, sheet.allocation.slot)),
            parts={str(k): str(v) for k, v in (sheet.parts or {}).items()},
            total=sheet.total,
            code=sheet.code,
        )
        for sheet in sheets
    ]


# -- the case-page panel ---------------------------------------------------------------------


@dataclass(frozen=True)
class CaseAppeals:
    """The case's current published decision (if any) and its appeals, newest first."""

    result: Result | None
    appeals: list[Appeal] = field(default_factory=list)


def published_result(case: Case) -> Result | None:
    """The case's current decision if it is published: what the teacher may read and appeal
    against (an unpublished one stays with the rayon)."""
    return case.results.filter(current=True, published_at__isnull=False).first()


def case_appeals(case: Case) -> CaseAppeals:
    """What the case page's appeal panel shows, in two queries."""
    result = published_result(case)
    appeals = list(
        Appeal.objects.filter(case=case)
        .select_related("result", "new_result")
        .order_by("-filed_at", "-pk")
    )
    return CaseAppeals(result=result, appeals=appeals)


def appeal_of(result: Result | None, appeals: list[Appeal]) -> Appeal | None:
    """The appeal against `result` among the case's appeals."""
    if result is None:
        return None
    return next((appeal for appeal in appeals if appeal.result_id == result.pk), None)


# -- statistics ------------------------------------------------------------------------------


@dataclass
class RayonStats:
    """The appeal figures of one rayon."""

    rayon: Rayon
    filed: int = 0
    decided: int = 0
    upheld: int = 0
    changed: int = 0
    by_code: dict[str, int] = field(default_factory=dict)  # filed, by the code appealed
    changed_to: dict[str, int] = field(default_factory=dict)  # changed, by the new code
    median_days: Decimal | None = None

    @property
    def pending(self) -> int:
        """Filed and not decided yet."""
        return self.filed - self.decided


def stats_rayons(user: User) -> QuerySet[Rayon]:
    """The rayons whose statistics a user may read: the operator all, a rayon admin theirs;
    PermissionDenied for anyone else."""
    if user.is_superuser:
        return Rayon.objects.order_by("code")
    if user.role == Role.RAYON_ADMIN and user.rayon_id is not None:
        return Rayon.objects.filter(pk=user.rayon_id)
    raise PermissionDenied


SECONDS_A_DAY = Decimal(86400)


def _median_days(appeals: QuerySet[Appeal]) -> dict[int, Decimal]:
    """The median time from filing to decision per rayon, in days, in one query: the decided
    appeals are numbered by duration within their rayon and only the middle one or two rows
    (2 x number between count and count + 2) are read."""
    duration = ExpressionWrapper(F("decided_at") - F("filed_at"), output_field=DurationField())
    middle = (
        appeals.filter(decided_at__isnull=False)
        .annotate(
            duration=duration,
            position=Window(RowNumber(), partition_by=[F("rayon_id")], order_by=duration.asc()),
            size=Window(Count("pk"), partition_by=[F("rayon_id")]),
        )
        .annotate(twice=F("position") * 2)
        .filter(twice__gte=F("size"), twice__lte=F("size") + 2)
        .values_list("rayon_id", "duration")
    )
    found: dict[int, list[Decimal]] = {}
    for rayon_id, spent in middle:
        seconds = Decimal(spent.days * 86400 + spent.seconds) + Decimal(spent.microseconds) / 10**6
        found.setdefault(rayon_id, []).append(seconds / SECONDS_A_DAY)
    return {
        rayon_id: (sum(values, Decimal(0)) / len(values)).quantize(Decimal("0.1"))
        for rayon_id, values in found.items()
    }


def appeal_stats(*, user: User, year: int | None = None) -> list[RayonStats]:
    """The appeal figures per rayon the user may read, aggregated in the database (five
    queries however many appeals): filed, decided, pending, upheld and changed, filed by the
    code appealed, changed by the new code, and the median days to decide."""
    rayons = {rayon.pk: RayonStats(rayon=rayon) for rayon in stats_rayons(user)}
    appeals = Appeal.objects.filter(rayon_id__in=list(rayons))
    if year is not None:
        appeals = appeals.filter(case__programme_year__year=year)
    totals = appeals.values("rayon_id").annotate(
        filed=Count("pk"),
        decided=Count("pk", filter=Q(decided_at__isnull=False)),
        upheld=Count("pk", filter=Q(outcome=Appeal.Outcome.UPHELD)),
        changed=Count("pk", filter=Q(outcome=Appeal.Outcome.CHANGED)),
    )
    for row in totals.order_by():
        stats = rayons[row["rayon_id"]]
        stats.filed, stats.decided = row["filed"], row["decided"]
        stats.upheld, stats.changed = row["upheld"], row["changed"]
    by_code = appeals.values("rayon_id", "result__code").annotate(n=Count("pk")).order_by()
    for code_row in by_code:
        rayons[code_row["rayon_id"]].by_code[code_row["result__code"]] = code_row["n"]
    changed_to = (
        appeals.filter(outcome=Appeal.Outcome.CHANGED)
        .values("rayon_id", "new_code")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for new_row in changed_to:
        rayons[new_row["rayon_id"]].changed_to[new_row["new_code"]] = new_row["n"]
    for rayon_id, days in _median_days(appeals).items():
        rayons[rayon_id].median_days = days
    return list(rayons.values())
