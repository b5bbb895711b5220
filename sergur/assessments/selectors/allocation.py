"""Reads of the assessor register and the allocation: who may manage a rayon's register, the
rayon's cases by state, and the register and the portfolios as the rules core's allocation
slots (`sergur.rules.assessment.allocation`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Max, Prefetch, Q, QuerySet
from django.http import Http404

from sergur.accounts.models import User
from sergur.assessments.models import Allocation, Assessor, DeclaredRelation, Reconciliation
from sergur.assessments.selectors.allocation_slots import (
    pool,
    year_params,
)
from sergur.cases.models import Case
from sergur.cases.selectors import case_scope
from sergur.registry.models import ProgrammeYear, Teacher

ASSESSING_STATES = (Case.State.IN_ASSESSMENT, Case.State.RECONCILIATION)


# -- access -----------------------------------------------------------------------------------


def rayon_get_for_user(*, user: User) -> int:
    """The rayon whose register and allocation the user manages; 403 for anyone but a rayon
    admin with a rayon."""
    if user.role != User.Role.RAYON_ADMIN or user.rayon_id is None or not user.is_active:
        raise PermissionDenied
    return user.rayon_id


def assessor_get_for_user(*, user: User, pk: int) -> Assessor:
    """A register entry of the user's rayon; 403 for other roles, 404 for other rayons."""
    rayon = rayon_get_for_user(user=user)
    assessor = (
        Assessor.objects.filter(pk=pk, rayon=rayon)
        .select_related("user", "home_district", "home_school")
        .first()
    )
    if assessor is None:
        raise Http404
    return assessor


def own_assessor_get(*, user: User) -> Assessor:
    """The signed-in assessor's own register entry; 403 for anyone else."""
    if user.role != User.Role.ASSESSOR or not user.is_active:
        raise PermissionDenied
    assessor = Assessor.objects.filter(user=user).select_related("user").first()
    if assessor is None:
        raise PermissionDenied
    return assessor


def allocation_get_for_reassign(*, user: User, pk: int) -> Allocation:
    """An active allocation the rayon admin may reassign: of a case they see (its assessor may
    come from another rayon for a subject that crosses rayons); 403 for other roles, 404
    otherwise. (Opening a sheet is decided by
    `selectors.sheets.allocation_get_for_user`.)"""
    rayon_get_for_user(user=user)
    scope = case_scope(user)
    allocation = (
        Allocation.objects.filter(pk=pk, active=True)
        .filter(case__in=Case.objects.filter(scope or Q(pk__in=[])))
        .select_related(
            "assessor",
            "assessor__user",
            "case",
            "case__teacher",
            "case__teacher__subject",
            "case__programme_year",
        )
        .first()
    )
    if allocation is None:
        raise Http404
    return allocation


def programme_year_pick(year: int | None) -> ProgrammeYear:
    """The programme year asked for, else the current one, else the latest; 404 if none."""
    years = ProgrammeYear.objects.all()
    if year is not None:
        picked = years.filter(year=year).first()
    else:
        picked = years.filter(is_current=True).first() or years.order_by("-year").first()
    if picked is None:
        raise Http404
    return picked


# -- the rayon's cases ------------------------------------------------------------------------


def rayon_cases(*, user: User, programme_year: ProgrammeYear) -> QuerySet[Case]:
    """The cases of a programme year the rayon admin sees."""
    scope = case_scope(user)
    if scope is None:
        return Case.objects.none()
    return Case.objects.filter(scope, programme_year=programme_year)


def state_counts(*, user: User, programme_year: ProgrammeYear) -> dict[str, int]:
    """How many of the rayon's cases are in each state (one query)."""
    rows = (
        rayon_cases(user=user, programme_year=programme_year)
        .order_by()
        .values_list("state")
        .annotate(n=Count("pk"))
    )
    return dict(rows)


def received_cases(*, user: User, programme_year: ProgrammeYear) -> QuerySet[Case]:
    """The rayon's cases waiting for assessors."""
    return (
        rayon_cases(user=user, programme_year=programme_year)
        .filter(state=Case.State.RECEIVED)
        .select_related("teacher", "teacher__subject")
        .order_by("participant_number", "pk")
    )


def assessed_cases(*, user: User, programme_year: ProgrammeYear) -> QuerySet[Case]:
    """The rayon's cases being assessed, with their active allocations (assessors and sheets)
    and open third-assessor reconciliations loaded: three queries for a page whatever its
    length."""
    active = (
        Allocation.objects.filter(active=True)
        .select_related("assessor", "assessor__user", "sheet")
        .order_by("round", "slot")
    )
    open_thirds = Reconciliation.objects.filter(
        mode=Reconciliation.Mode.THIRD, resolved_at__isnull=True
    )
    return (
        rayon_cases(user=user, programme_year=programme_year)
        .filter(state__in=ASSESSING_STATES)
        .select_related("teacher", "teacher__subject")
        .prefetch_related(
            Prefetch("allocations", queryset=active, to_attr="active_allocations"),
            Prefetch("reconciliations", queryset=open_thirds, to_attr="open_thirds"),
        )
        .order_by("participant_number", "pk")
    )


@dataclass(frozen=True)
class AssessedRow:
    """One case being assessed: the active allocations of its latest round, and the round
    whose reconciliation still waits for a third assessor (None if none)."""

    case: Case
    allocations: list[Allocation]
    third_round: int | None


def assessed_row(case: Case) -> AssessedRow:
    """A row of the rayon's page from `assessed_cases`' prefetches (no query)."""
    allocations: list[Allocation] = getattr(case, "active_allocations", [])
    last = max((a.round for a in allocations), default=0)
    current = [a for a in allocations if a.round == last]
    third_round = None
    if case.state == Case.State.RECONCILIATION:
        waiting: list[Reconciliation] = getattr(case, "open_thirds", [])
        served = {a.round for a in allocations if a.slot == Allocation.Slot.THIRD}
        rounds = [r.round for r in waiting if r.round not in served]
        third_round = max(rounds) if rounds else None
    return AssessedRow(case, current, third_round)


def next_rounds(cases: Iterable[int]) -> dict[int, int]:
    """The round each case's next allocation starts (1 for a first assessment)."""
    rows = (
        Allocation.objects.filter(case__in=list(cases))
        .values("case")
        .annotate(last=Max("round"))
        .values_list("case", "last")
    )
    return {case: last + 1 for case, last in rows}


def previous_assessors(cases: dict[int, int]) -> dict[int, tuple[int, ...]]:
    """The blind assessors (slots 1 and 2, still active) of each case's previous round, by
    slot: `cases` maps a case to its next round."""
    wanted = Q(pk__in=[])
    for case, round in cases.items():
        if round > 1:
            wanted |= Q(case=case, round=round - 1)
    kept: dict[int, list[int]] = {}
    rows = (
        Allocation.objects.filter(wanted, active=True, slot__in=(1, 2))
        .order_by("case", "slot")
        .values_list("case", "assessor")
    )
    for case, assessor in rows:
        kept.setdefault(case, []).append(assessor)
    return {case: tuple(ids) for case, ids in kept.items()}


def candidates(*, case: Case, round: int, rayon: int) -> QuerySet[Assessor]:
    """The active assessors of the rayon (and, for a subject that may cross the rayon, of
    other rayons) and the case's subject not yet in the round (the service still checks the
    criteria, conflicts and load, and says why it refuses)."""
    busy = Allocation.objects.filter(case=case, round=round, active=True).values("assessor")
    params = year_params(case.programme_year)
    return (
        pool(rayon=rayon, params=params)
        .filter(active=True, subjects=case.teacher.subject_id)
        .exclude(pk__in=busy)
        .select_related("user")
        .order_by("number")
    )


def third_wanted(case: Case) -> int | None:
    """The round whose open reconciliation waits for a third assessor nobody was given yet;
    None when there is none."""
    if case.state != Case.State.RECONCILIATION:
        return None
    open_round = (
        Reconciliation.objects.filter(
            case=case, mode=Reconciliation.Mode.THIRD, resolved_at__isnull=True
        )
        .order_by("-round")
        .values_list("round", flat=True)
        .first()
    )
    if open_round is None:
        return None
    has_third = Allocation.objects.filter(
        case=case, round=open_round, slot=Allocation.Slot.THIRD, active=True
    ).exists()
    return None if has_third else open_round


def case_get_for_rayon(*, user: User, pk: int) -> Case:
    """A case the rayon admin sees; 403 for other roles, 404 otherwise."""
    rayon_get_for_user(user=user)
    scope = case_scope(user)
    case = (
        Case.objects.filter(scope or Q(pk__in=[]), pk=pk)
        .select_related("teacher", "teacher__subject", "programme_year")
        .first()
    )
    if case is None:
        raise Http404
    return case


# -- declared relationships -------------------------------------------------------------------


def relations_of(assessor: Assessor) -> QuerySet[DeclaredRelation]:
    """The assessor's declared relationships, with the teacher (one query)."""
    return (
        DeclaredRelation.objects.filter(assessor=assessor)
        .select_related("teacher")
        .order_by("teacher__name", "pk")
    )


def teacher_by_participant(*, rayon: int, number: str) -> Teacher | None:
    """The teacher with that participant number among the provinces the rayon serves."""
    case = (
        Case.objects.filter(
            participant_number=number.strip(),
            teacher__assignments__is_main=True,
            teacher__assignments__school__subdistrict__district__province__rayons=rayon,
        )
        .select_related("teacher")
        .first()
    )
    return case.teacher if case is not None else None
