"""Reads of the audit trail: who may read which records (the one place that decides), and a
page of them, newest first, read by number rather than counted (a table of millions)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet

from sergur.accounts.models import User
from sergur.common.audit import action_label
from sergur.common.models import AuditRecord

PAGE_SIZE = 50
DISTRICT_ROLES = frozenset({User.Role.DISTRICT_COMMITTEE, User.Role.DISTRICT_HEAD})


def audit_scope(user: User | AnonymousUser) -> Q | None:
    """The records `user` may read: all of them for the ministry (the operator, a superuser),
    their district's for a district officer; None for everyone else."""
    if not user.is_authenticated:
        return None
    assert isinstance(user, User)  # nosec B101 # a signed-in user is a User, for mypy
    if user.is_superuser or user.role == User.Role.OPERATOR:
        return Q()
    if user.role in DISTRICT_ROLES and user.district_id is not None:
        return Q(district_id=user.district_id)
    return None


def audit_record_list_for_user(*, user: User | AnonymousUser) -> QuerySet[AuditRecord]:
    """The records `user` may read, newest first; PermissionDenied without the right."""
    scope = audit_scope(user)
    if scope is None:
        raise PermissionDenied
    return AuditRecord.objects.filter(scope).order_by("-seq")


@dataclass(frozen=True)
class AuditFilter:
    """What the audit page narrows the records to (each empty: no narrowing)."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    action: str = ""
    actor_id: int | None = None
    object_kind: str = ""
    object_id: str = ""


def audit_record_filter(
    records: QuerySet[AuditRecord], *, where: AuditFilter, tz: dt.tzinfo
) -> QuerySet[AuditRecord]:
    """The records of the filter's days (in `tz`), action, actor and object."""
    if where.date_from is not None:
        records = records.filter(at__gte=dt.datetime.combine(where.date_from, dt.time(), tz))
    if where.date_to is not None:
        end = where.date_to + dt.timedelta(days=1)
        records = records.filter(at__lt=dt.datetime.combine(end, dt.time(), tz))
    if where.action:
        records = records.filter(action=where.action)
    if where.actor_id is not None:
        records = records.filter(actor_id=where.actor_id)
    if where.object_kind:
        records = records.filter(object_kind=where.object_kind)
    if where.object_id:
        records = records.filter(object_id=where.object_id)
    return records


@dataclass(frozen=True)
class AuditRow:
    """A record as the page shows it, with its actor's user name (if the user still exists)."""

    record: AuditRecord
    username: str

    @property
    def action_label(self) -> str:
        """The action in words (the code itself for an unknown one)."""
        return action_label(self.record.action)


@dataclass(frozen=True)
class AuditPage:
    """One page of records and the number to read the next (older) page before."""

    rows: list[AuditRow]
    older_than: int | None


def audit_record_page(
    records: QuerySet[AuditRecord], *, before: int | None, size: int = PAGE_SIZE
) -> AuditPage:
    """`size` records older than number `before` (the newest without it), with the user
    names of their actors, in two bounded queries."""
    if before is not None:
        records = records.filter(seq__lt=before)
    found = list(records[: size + 1])
    page = found[:size]
    actors = {record.actor_id for record in page if record.actor_id is not None}
    names = dict(User.objects.filter(pk__in=actors).values_list("pk", "username"))
    rows = [
        AuditRow(record=r, username=names.get(r.actor_id, "") if r.actor_id else "") for r in page
    ]
    older_than = page[-1].seq if len(found) > size else None
    return AuditPage(rows=rows, older_than=older_than)
