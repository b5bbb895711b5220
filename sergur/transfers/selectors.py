"""Reads of transfers, and who may see and do what on one: the one place roles are checked.
Only the officers of the two districts see a transfer; the quality office (LPMP) of the
province of origin sees it once it is disputed (docs/transfers.md)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet
from django.http import Http404

from sergur.accounts.access import acting_user
from sergur.accounts.models import User
from sergur.registry.models import School, TeachingAssignment
from sergur.transfers.models import Transfer

Role = User.Role
State = Transfer.State

ANSWER_WITHIN = dt.timedelta(days=14)
"""How long the district of origin has to answer before the request may be disputed."""


def transfer_scope(user: User | AnonymousUser) -> Q | None:
    """The transfers a user may see, as a filter; None when the user may see none."""
    person = acting_user(user)
    if person is None:
        return None
    if person.is_superuser:
        return Q()
    if person.role == Role.DISTRICT_COMMITTEE and person.district_id is not None:
        return Q(origin=person.district_id) | Q(destination=person.district_id)
    if person.role == Role.QUALITY_OFFICE and person.province_id is not None:
        disputed = Q(steps__kind="escalated")
        return Q(pk__in=Transfer.objects.filter(disputed, origin__province=person.province_id))
    return None


def transfer_list_for_user(*, user: User | AnonymousUser) -> QuerySet[Transfer]:
    """The transfers the user may see, newest first, with the districts and school loaded."""
    scope = transfer_scope(user)
    if scope is None:
        return Transfer.objects.none()
    return Transfer.objects.filter(scope).select_related(
        "teacher", "origin", "destination", "school"
    )


def transfer_get_for_user(*, user: User | AnonymousUser, pk: int) -> Transfer:
    """The transfer if the user may see it; 404 otherwise (existence is not revealed)."""
    transfer = transfer_list_for_user(user=user).filter(pk=pk).first()
    if transfer is None:
        raise Http404
    return transfer


@dataclass(frozen=True)
class TransferRights:
    """What one user may do on one transfer they can see."""

    answer: bool
    escalate: bool
    decide: bool
    see_teacher: bool


def transfer_is_stale(transfer: Transfer, now: dt.datetime) -> bool:
    """The district of origin left the request unanswered longer than ANSWER_WITHIN."""
    return transfer.state == State.REQUESTED and now - transfer.requested_at > ANSWER_WITHIN


def transfer_rights(*, user: User, transfer: Transfer, now: dt.datetime) -> TransferRights:
    """The rights of `user` on a transfer they can already see (transfer_get_for_user)."""
    district = user.district_id if user.role == Role.DISTRICT_COMMITTEE else None
    origin = district is not None and district == transfer.origin_id
    destination = district is not None and district == transfer.destination_id
    province = user.role == Role.QUALITY_OFFICE and (
        user.province_id == transfer.origin.province_id
    )
    disputable = transfer.state == State.REFUSED or transfer_is_stale(transfer, now)
    return TransferRights(
        answer=origin and transfer.state == State.REQUESTED,
        escalate=destination and disputable,
        decide=province and transfer.state == State.ESCALATED,
        # The teacher's name only to who holds them, or held them: the requester typed a NUPTK.
        see_teacher=origin or province or transfer.state == State.APPROVED or user.is_superuser,
    )


def main_assignment(teacher_id: int) -> TeachingAssignment | None:
    """The teacher's main school (sekolah induk), with its district, locked for a move."""
    return (
        TeachingAssignment.objects.select_for_update()
        .select_related("school__subdistrict__district")
        .filter(teacher_id=teacher_id, is_main=True)
        .first()
    )


def destination_schools(*, user: User) -> QuerySet[School]:
    """The schools a district officer may name as a transferred teacher's new main school."""
    if user.role != Role.DISTRICT_COMMITTEE or user.district_id is None:
        return School.objects.none()
    return School.objects.filter(subdistrict__district=user.district_id).order_by("name")
