"""Writes of a transfer (mutasi): the destination district requests a teacher by NUPTK, the
district of origin approves or refuses, a refused or stale request is disputed before the
province, whose decision is final. Every step goes to the teacher's transfer history and to
the log of each of the teacher's cases (docs/transfers.md)."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from sergur.accounts.models import User
from sergur.cases.models import Case, CaseEvent
from sergur.cases.services import case_event_record
from sergur.common.audit import Action, audit_record
from sergur.registry.models import School, Teacher
from sergur.transfers.models import Transfer, TransferStep
from sergur.transfers.selectors import main_assignment, transfer_rights

NOT_FOUND = _("No teacher with this NUPTK is registered: import them with your district's file.")
ALREADY_YOURS = _("This teacher's main school is already in your district.")
NO_MAIN_SCHOOL = _(
    "This teacher has no main school in any district: import them with your district's file."
)
ALREADY_OPEN = _("A transfer of this teacher is already open.")
NOT_YOUR_SCHOOL = _("Choose a school of your own district.")
NOT_ALLOWED = _("You may not take this step on this transfer now.")
CASE_IN_PROGRESS = _(
    "The teacher's case is past the district's verification (with the LPMP or the rayon): "
    "it cannot change district until its decision is published."
)
REASON_REQUIRED = _("Give the reason.")

# A case moves with the teacher while it is the district's to verify (or finished): once the
# district has verified it, the LPMP and the rayon of the old province hold it.
MOVABLE_CASE_STATES = frozenset(
    {
        Case.State.DRAFT,
        Case.State.SUBMITTED,
        Case.State.RETURNED,
        Case.State.PUBLISHED,
        Case.State.DISQUALIFIED,
    }
)
CASE_EVENT: dict[str, str] = {
    TransferStep.Kind.REQUESTED: CaseEvent.Kind.TRANSFER_REQUESTED,
    TransferStep.Kind.APPROVED: CaseEvent.Kind.TRANSFER_APPROVED,
    TransferStep.Kind.REFUSED: CaseEvent.Kind.TRANSFER_REFUSED,
    TransferStep.Kind.ESCALATED: CaseEvent.Kind.TRANSFER_ESCALATED,
}


def _reason(reason: str) -> str:
    text = reason.strip()
    if not text:
        raise ValidationError(REASON_REQUIRED, code="reason_required")
    return text


def _step(
    transfer: Transfer, *, actor: User, kind: str, reason: str, now: dt.datetime, province: bool
) -> None:
    """One step on the teacher's history and on the log of each of their cases."""
    step = TransferStep(
        transfer=transfer,
        teacher=transfer.teacher,
        at=now,
        actor=actor,
        kind=kind,
        by_province=province,
        reason=reason,
    )
    step.full_clean()
    step.save()
    data = {
        "transfer": transfer.pk,
        "from": str(transfer.origin),
        "to": str(transfer.destination),
        "by_province": province,
    }
    for case in Case.objects.filter(teacher=transfer.teacher).order_by("pk"):
        case_event_record(case=case, actor=actor, kind=CASE_EVENT[kind], reason=reason, data=data)


@transaction.atomic
def transfer_request(
    *, actor: User, nuptk: str, school: School, reason: str, now: dt.datetime
) -> Transfer:
    """The destination district asks for a teacher of another district, naming the school
    of its own that becomes their main school (Buku 1: the district keeps its teachers' data,
    docs/sources/domain.md §4.3)."""
    text = _reason(reason)
    if actor.role != User.Role.DISTRICT_COMMITTEE or actor.district_id is None:
        raise ValidationError(NOT_ALLOWED, code="not_allowed")
    if school.subdistrict.district_id != actor.district_id:
        raise ValidationError({"school": NOT_YOUR_SCHOOL}, code="not_your_school")
    teacher = Teacher.objects.select_for_update().filter(nuptk=nuptk.strip()).first()
    if teacher is None:
        raise ValidationError({"nuptk": NOT_FOUND}, code="not_found")
    main = main_assignment(teacher.pk)
    if main is None:
        raise ValidationError({"nuptk": NO_MAIN_SCHOOL}, code="no_main_school")
    origin = main.school.subdistrict.district
    if origin.pk == actor.district_id:
        raise ValidationError({"nuptk": ALREADY_YOURS}, code="already_yours")
    if Transfer.objects.filter(teacher=teacher, state__in=_open()).exists():
        raise ValidationError({"nuptk": ALREADY_OPEN}, code="already_open")
    transfer = Transfer(
        teacher=teacher,
        origin=origin,
        destination_id=actor.district_id,
        school=school,
        reason=text,
        requested_by=actor,
        requested_at=now,
        updated_at=now,
    )
    transfer.full_clean()
    transfer.save()
    _step(
        transfer,
        actor=actor,
        kind=TransferStep.Kind.REQUESTED,
        reason=text,
        now=now,
        province=False,
    )
    return transfer


def _open() -> list[str]:
    return [Transfer.State.REQUESTED, Transfer.State.REFUSED, Transfer.State.ESCALATED]


def _locked(transfer: Transfer) -> Transfer:
    return (
        Transfer.objects.select_for_update()
        .select_related("teacher", "origin", "destination", "school__subdistrict")
        .get(pk=transfer.pk)
    )


@transaction.atomic
def transfer_answer(
    *, transfer: Transfer, actor: User, approve: bool, reason: str, now: dt.datetime
) -> Transfer:
    """The district of origin approves (the teacher moves) or refuses, with its reason."""
    text = _reason(reason)
    transfer = _locked(transfer)
    if not transfer_rights(user=actor, transfer=transfer, now=now).answer:
        raise ValidationError(NOT_ALLOWED, code="not_allowed")
    return _close(transfer, actor=actor, approve=approve, reason=text, now=now, province=False)


@transaction.atomic
def transfer_escalate(
    *, transfer: Transfer, actor: User, reason: str, now: dt.datetime
) -> Transfer:
    """The destination district disputes a refusal, or a request left unanswered, before the
    quality office (LPMP) of the province of origin."""
    text = _reason(reason)
    transfer = _locked(transfer)
    if not transfer_rights(user=actor, transfer=transfer, now=now).escalate:
        raise ValidationError(NOT_ALLOWED, code="not_allowed")
    transfer.state = Transfer.State.ESCALATED
    transfer.updated_at = now
    transfer.full_clean()
    transfer.save()
    _step(
        transfer,
        actor=actor,
        kind=TransferStep.Kind.ESCALATED,
        reason=text,
        now=now,
        province=False,
    )
    return transfer


@transaction.atomic
def transfer_decide(
    *, transfer: Transfer, actor: User, approve: bool, reason: str, now: dt.datetime
) -> Transfer:
    """The province decides a disputed transfer; its decision is final."""
    text = _reason(reason)
    transfer = _locked(transfer)
    if not transfer_rights(user=actor, transfer=transfer, now=now).decide:
        raise ValidationError(NOT_ALLOWED, code="not_allowed")
    return _close(transfer, actor=actor, approve=approve, reason=text, now=now, province=True)


def _close(
    transfer: Transfer,
    *,
    actor: User,
    approve: bool,
    reason: str,
    now: dt.datetime,
    province: bool,
) -> Transfer:
    if approve:
        _move(transfer)
        _audit_move(transfer, actor=actor)
        transfer.state = Transfer.State.APPROVED
        kind = TransferStep.Kind.APPROVED
    else:
        transfer.state = Transfer.State.REJECTED if province else Transfer.State.REFUSED
        kind = TransferStep.Kind.REFUSED
    transfer.updated_at = now
    transfer.full_clean()
    transfer.save()
    _step(transfer, actor=actor, kind=kind, reason=reason, now=now, province=province)
    return transfer


def _audit_move(transfer: Transfer, *, actor: User) -> None:
    """The move changes the teacher's master data (their main school): one audit record, in
    the destination's district (the teacher's now)."""
    audit_record(
        action=Action.TEACHER_CHANGED,
        user=actor,
        object_kind="teacher",
        object_id=transfer.teacher_id,
        district_id=transfer.destination_id,
        detail={"transfer": transfer.pk, "from_district": transfer.origin_id},
    )


def _move(transfer: Transfer) -> None:
    """The teacher's main school becomes the requested one; their other schools, in the old
    district, are left as they are (the new district corrects them by import)."""
    blocked = Case.objects.filter(teacher=transfer.teacher).exclude(state__in=MOVABLE_CASE_STATES)
    if blocked.exists():
        raise ValidationError(CASE_IN_PROGRESS, code="case_in_progress")
    main = main_assignment(transfer.teacher_id)
    if main is None or main.school.subdistrict.district_id != transfer.origin_id:
        # The teacher left the district of origin meanwhile: the request no longer holds.
        raise ValidationError(NOT_ALLOWED, code="moved_meanwhile")
    held = transfer.teacher.assignments.filter(school=transfer.school).first()
    if held is not None:
        main.is_main = False
        main.save(update_fields=["is_main"])
        held.is_main = True
        held.full_clean()
        held.save(update_fields=["is_main"])
        return
    main.school = transfer.school
    main.full_clean()
    main.save(update_fields=["school"])
