"""Allocation of assessors to the portfolios a rayon received (rules.assessment.allocation):
two per portfolio, load balanced, subject matched, no conflict of interest; manual
reassignment with a reason; a third assessor for a reconciliation in "third" mode; the
register and the declared relationships.

The case's log is read by the teacher, so its events say that assessors were allocated or
reassigned, in which round and slot, and never who they are.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from sergur.accounts.models import User
from sergur.assessments.models import Allocation, Assessor, DeclaredRelation, Sheet
from sergur.assessments.selectors.allocation import (
    next_rounds,
    previous_assessors,
    rayon_cases,
    third_wanted,
)
from sergur.assessments.selectors.allocation_slots import (
    assessor_slots,
    case_rayon,
    pool,
    portfolio_slots,
    year_params,
)
from sergur.cases.models import Case, CaseEvent
from sergur.cases.services import case_event_record, case_transition
from sergur.common.i18n import rules_lang
from sergur.registry.models import ProgrammeYear, Subject, Teacher
from sergur.rules.assessment.allocation import allocate, obstacles
from sergur.rules.messages import Message

REASON_REQUIRED = _("Give the reason for the reassignment.")
SHEET_SUBMITTED = _(
    "This assessor has already submitted the scoring sheet; a submitted assessment is not "
    "reassigned."
)
NOT_ASSESSING = _("Only a portfolio being assessed or reconciled can have an assessor reassigned.")
SAME_ASSESSOR = _("The chosen assessor is already assessing this portfolio in this round.")
OTHER_RAYON = _("The chosen assessor is not in this rayon's register.")
ASSESSOR_REFUSED = _("The chosen assessor cannot take this portfolio: %(reasons)s")
NO_THIRD_WANTED = _(
    "This portfolio is not waiting for a third assessor (no open reconciliation in "
    "third-assessor mode, or a third assessor is already allocated)."
)
RELATION_EXISTS = _("A relationship with this teacher is already declared.")
RELATION_REQUIRED = _("Say what the relationship is.")


@dataclass(frozen=True)
class Unplaced:
    """A case the allocation could not place, with the reasons in the reader's language."""

    case: Case
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class AllocationSummary:
    """What one allocation run did."""

    placed: int
    unplaced: list[Unplaced]


def _create(
    *, case: Case, assessor_ids: Iterable[int], round: int, first_slot: int, actor: User | None
) -> list[Allocation]:
    allocations = [
        Allocation(
            case=case, assessor_id=assessor, round=round, slot=first_slot + index, assigned_by=actor
        )
        for index, assessor in enumerate(assessor_ids)
    ]
    for allocation in allocations:
        allocation.full_clean(validate_constraints=False)
    created = Allocation.objects.bulk_create(allocations)
    Sheet.objects.bulk_create([Sheet(allocation=allocation) for allocation in created])
    return created


def _why(messages: tuple[Message, ...]) -> tuple[str, ...]:
    lang = rules_lang()
    return tuple(message.text(lang) for message in messages)


@transaction.atomic
def allocation_run(*, programme_year: ProgrammeYear, actor: User) -> AllocationSummary:
    """Allocate two assessors of the rayon's register to every portfolio of the programme year
    the rayon received (docs/sources/domain.md §2: two blind assessors; load balanced; subject
    matched; no conflict of interest). A re-assessed portfolio keeps its previous assessors when
    they are still eligible. Each placed case moves to assessment with one ALLOCATED event."""
    cases = list(
        rayon_cases(user=actor, programme_year=programme_year)
        .filter(state=Case.State.RECEIVED)
        .select_for_update(of=("self",))
        .select_related("teacher", "teacher__subject")
        .order_by("pk")
    )
    if not cases:
        return AllocationSummary(placed=0, unplaced=[])
    params = year_params(programme_year)
    rayon = actor.rayon_id or 0
    assessors = assessor_slots(pool(rayon=rayon, params=params), programme_year, rayon=rayon)
    rounds = next_rounds(case.pk for case in cases)
    round_of = {case.pk: rounds.get(case.pk, 1) for case in cases}
    portfolios = portfolio_slots(cases, params.outside_rayon_subjects)
    plan = allocate(portfolios, assessors.values(), keep=previous_assessors(round_of))
    by_pk = {case.pk: case for case in cases}
    for case_pk, chosen in plan.placed.items():
        case = by_pk[case_pk]
        _create(case=case, assessor_ids=chosen, round=round_of[case_pk], first_slot=1, actor=actor)
        case_transition(
            case=case,
            to_state=Case.State.IN_ASSESSMENT,
            actor=actor,
            kind=CaseEvent.Kind.ALLOCATED,
            data={"round": round_of[case_pk]},
        )
    unplaced = [Unplaced(by_pk[pk], _why(reasons)) for pk, reasons in plan.unplaced.items()]
    return AllocationSummary(placed=len(plan.placed), unplaced=unplaced)


def third_assessor_allocate(*, case: Case, round: int, actor: User | None) -> Allocation | None:
    """A third assessor for the round, from the case's rayon: never one of the first two, of
    the subject, without conflict, within load, the least loaded (rules.assessment.allocate).
    None when nobody is eligible (the rayon admin then assigns one by hand)."""
    current = list(
        Allocation.objects.filter(case=case, round=round, active=True).select_related("assessor")
    )
    if not current or any(a.slot == Allocation.Slot.THIRD for a in current):
        return None
    rayon = case_rayon(case)
    programme_year = case.programme_year
    params = year_params(programme_year)
    assessors = assessor_slots(pool(rayon=rayon, params=params), programme_year, rayon=rayon)
    loaded = Case.objects.select_related("teacher__subject").get(pk=case.pk)
    plan = allocate(
        portfolio_slots([loaded], params.outside_rayon_subjects),
        assessors.values(),
        per_portfolio=1,
        exclude={case.pk: frozenset(a.assessor_id for a in current)},
    )
    chosen = plan.placed.get(case.pk)
    if chosen is None:
        return None
    (allocation,) = _create(
        case=case, assessor_ids=chosen, round=round, first_slot=Allocation.Slot.THIRD, actor=actor
    )
    case_event_record(
        case=case,
        actor=actor,
        kind=CaseEvent.Kind.ALLOCATED,
        data={"round": round, "slot": Allocation.Slot.THIRD},
    )
    return allocation


def assign_obstacles(*, case: Case, round: int, rayon: int, assessor: Assessor) -> list[str]:
    """Every reason `assessor` may not take a slot of the case's round, in words: another
    rayon's assessor for a subject that may not cross the rayon, one already in the round, or
    the rules core's obstacles (subject, FAQ criteria, conflicts, load)."""
    params = year_params(case.programme_year)
    crossing = params.outside_rayon_subjects
    if assessor.rayon_id != rayon and case.teacher.subject.code not in crossing:
        return [str(OTHER_RAYON)]
    busy = Allocation.objects.filter(
        case=case, round=round, active=True, assessor=assessor
    ).exists()
    if busy:
        return [str(SAME_ASSESSOR)]
    slots = assessor_slots(
        Assessor.objects.filter(pk=assessor.pk), case.programme_year, rayon=rayon
    )
    (portfolio,) = portfolio_slots([case], crossing)
    return list(_why(obstacles(portfolio, slots[assessor.pk])))


@transaction.atomic
def allocation_reassign(
    *, allocation: Allocation, assessor: Assessor, reason: str, actor: User
) -> Allocation:
    """Put another assessor in one slot of the round: the old allocation is kept, inactive,
    and its sheet with it; the new one starts an empty sheet. Refused once the old sheet is
    submitted, or for an assessor with a conflict, another subject, a full load or an FAQ
    criterion missing from the register (docs/sources/seeds/003_358fe984fbae11df.txt, the FAQ
    on assessors, question 5)."""
    reason = reason.strip()
    if not reason:
        raise ValidationError(REASON_REQUIRED, code="reason")
    allocation = (
        Allocation.objects.select_for_update(of=("self",))
        .select_related(
            "assessor", "case", "case__teacher", "case__teacher__subject", "case__programme_year"
        )
        .get(pk=allocation.pk)
    )
    case = allocation.case
    if not allocation.active or case.state not in (
        Case.State.IN_ASSESSMENT,
        Case.State.RECONCILIATION,
    ):
        raise ValidationError(NOT_ASSESSING, code="state")
    sheet = Sheet.objects.filter(allocation=allocation).first()
    if sheet is not None and sheet.submitted:
        raise ValidationError(SHEET_SUBMITTED, code="submitted")
    refused = assign_obstacles(
        case=case, round=allocation.round, rayon=actor.rayon_id or 0, assessor=assessor
    )
    if refused:
        raise ValidationError(
            ASSESSOR_REFUSED, code="refused", params={"reasons": " ".join(refused)}
        )
    allocation.active = False
    allocation.save(update_fields=["active"])
    replacement = Allocation(
        case=case,
        assessor=assessor,
        round=allocation.round,
        slot=allocation.slot,
        assigned_by=actor,
        reason=reason,
    )
    replacement.full_clean()
    replacement.save()
    Sheet.objects.create(allocation=replacement)
    # The reason names people more often than not; it stays on the allocation, which only
    # the rayon sees, and out of the log the teacher reads.
    case_event_record(
        case=case,
        actor=actor,
        kind=CaseEvent.Kind.REASSIGNED,
        data={"round": allocation.round, "slot": allocation.slot},
    )
    return replacement


@transaction.atomic
def third_assessor_assign(
    *, case: Case, assessor: Assessor, reason: str, actor: User
) -> Allocation:
    """Put a third assessor by hand on a reconciliation in "third" mode that the automatic
    allocation could not serve (nobody was eligible then): same checks as a reassignment."""
    reason = reason.strip()
    if not reason:
        raise ValidationError(REASON_REQUIRED, code="reason")
    case = (
        Case.objects.select_for_update(of=("self",))
        .select_related("teacher", "teacher__subject", "programme_year")
        .get(pk=case.pk)
    )
    round = third_wanted(case)
    if round is None:
        raise ValidationError(NO_THIRD_WANTED, code="state")
    refused = assign_obstacles(case=case, round=round, rayon=actor.rayon_id or 0, assessor=assessor)
    if refused:
        raise ValidationError(
            ASSESSOR_REFUSED, code="refused", params={"reasons": " ".join(refused)}
        )
    replacement = Allocation(
        case=case,
        assessor=assessor,
        round=round,
        slot=Allocation.Slot.THIRD,
        assigned_by=actor,
        reason=reason,
    )
    replacement.full_clean()
    replacement.save()
    Sheet.objects.create(allocation=replacement)
    case_event_record(
        case=case,
        actor=actor,
        kind=CaseEvent.Kind.ALLOCATED,
        data={"round": round, "slot": Allocation.Slot.THIRD},
    )
    return replacement


# -- the register -----------------------------------------------------------------------------


@transaction.atomic
def assessor_save(*, assessor: Assessor, subjects: Iterable[Subject]) -> Assessor:
    """Add or change an entry of the assessor register (docs/sources/domain.md §2: degree, assessor
    number, subjects, home institution; and the FAQ's criteria, docs/sources/seeds/
    003_358fe984fbae11df.txt, the FAQ on assessors, question 5: status, educator certificate,
    S2 with an education element, recent experience with teachers)."""
    assessor.full_clean()
    assessor.save()
    assessor.subjects.set(list(subjects))
    return assessor


@transaction.atomic
def relation_declare(*, assessor: Assessor, teacher: Teacher, relation: str) -> DeclaredRelation:
    """Record that the assessor has a relationship with the teacher: from now on the
    allocation never gives the assessor that teacher's portfolio."""
    relation = relation.strip()
    if not relation:
        raise ValidationError(RELATION_REQUIRED, code="relation")
    if DeclaredRelation.objects.filter(assessor=assessor, teacher=teacher).exists():
        raise ValidationError(RELATION_EXISTS, code="exists")
    declared = DeclaredRelation(assessor=assessor, teacher=teacher, relation=relation)
    declared.full_clean()
    declared.save()
    return declared
