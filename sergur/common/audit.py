"""The audit trail's one writer and its check (docs/audit.md).

Every record carries the hash of the record before it and its own hash over a canonical
serialisation of its fields, so a changed, removed or reordered record breaks the chain
that `audit_verify` walks. Writers lock the chain's head row in the transaction of the action
they record: two writers never chain onto the same record (on PostgreSQL the second waits for
the first's commit and reads the head it left; SQLite runs one writer at a time anyway), and an
action rolled back takes its record with it. Each committed record is also logged as one JSON
line (logger `sergur.audit`, no personal data) with its number and hash: shipped off the host,
those lines anchor the chain where a database writer cannot reach.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from sergur.accounts.client import client_address
from sergur.common.models import AuditHead, AuditRecord
from sergur.common.signing import canonical

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpRequest

    from sergur.accounts.models import User

logger = logging.getLogger("sergur.audit")

GENESIS = "0" * 64
"""The `prev_hash` of the first record."""
HEAD_PK = 1
BATCH = 2000  # records an INSERT

_address: ContextVar[str] = ContextVar("sergur_audit_address", default="")


@contextmanager
def request_address(request: HttpRequest) -> Iterator[None]:
    """While serving `request`, every record carries its client address (the real one behind
    the trusted proxies, as django-axes takes it; `AuditAddressMiddleware`)."""
    token = _address.set(client_address(request))
    try:
        yield
    finally:
        _address.reset(token)


class Action:
    """The action codes of the trail (what happened), grouped by the first word."""

    SIGNIN = "signin"
    SIGNIN_FAILED = "signin.failed"
    SIGNIN_LOCKED = "signin.locked"
    SIGNOUT = "signout"
    TWO_FACTOR_ENROLLED = "2fa.enrolled"
    TWO_FACTOR_REMOVED = "2fa.removed"
    TWO_FACTOR_CODES = "2fa.codes_regenerated"
    TWO_FACTOR_RECOVERY_USED = "2fa.recovery_used"
    DOWNLOAD = "download"
    TEACHER_CREATED = "teacher.created"
    TEACHER_CHANGED = "teacher.changed"
    CASE_EVENT = "case.event"
    KKG_CHANGED = "kkg.changed"
    PKB_CHANGED = "pkb.changed"
    # A PKG appraisal changed state, or its appraiser was assigned (docs/pkg.md).
    APPRAISAL_EVENT = "appraisal.event"

    ALL = (
        SIGNIN,
        SIGNIN_FAILED,
        SIGNIN_LOCKED,
        SIGNOUT,
        TWO_FACTOR_ENROLLED,
        TWO_FACTOR_REMOVED,
        TWO_FACTOR_CODES,
        TWO_FACTOR_RECOVERY_USED,
        DOWNLOAD,
        TEACHER_CREATED,
        TEACHER_CHANGED,
        CASE_EVENT,
        KKG_CHANGED,
        PKB_CHANGED,
        APPRAISAL_EVENT,
    )


ACTION_LABELS: Mapping[str, StrOrPromise] = {
    Action.SIGNIN: _("Signed in"),
    Action.SIGNIN_FAILED: _("Sign-in failed"),
    Action.SIGNIN_LOCKED: _("Sign-in locked after failed attempts"),
    Action.SIGNOUT: _("Signed out"),
    Action.TWO_FACTOR_ENROLLED: _("Two-factor sign-in set up"),
    Action.TWO_FACTOR_REMOVED: _("Two-factor sign-in removed"),
    Action.TWO_FACTOR_CODES: _("Recovery codes renewed"),
    Action.TWO_FACTOR_RECOVERY_USED: _("Recovery code used"),
    Action.DOWNLOAD: _("Personal data downloaded"),
    Action.TEACHER_CREATED: _("Teacher added"),
    Action.TEACHER_CHANGED: _("Teacher's data changed"),
    Action.CASE_EVENT: _("Action on a certification case"),
    Action.KKG_CHANGED: _("Working group changed"),
    Action.PKB_CHANGED: _("Professional development (PKB) changed"),
    Action.APPRAISAL_EVENT: _("Performance appraisal (PKG) step"),
    "allowance.linearity_changed": _("Linearity table changed"),
    "allowance.approval_recorded": _("Minister's approval recorded"),
    "allowance.computed": _("Allowance eligibility computed"),
    "allowance.load_changed": _("Teaching load changed"),
    "allowance.confirmed": _("Teaching load confirmed"),
    "planner.started": _("Planner run started"),
    "planner.accepted": _("Planner proposal accepted"),
    "planner.rejected": _("Planner proposal rejected"),
    "payments.sktp_started": _("SKTP issue started"),
    "payments.sktp_issued": _("SKTP issued"),
    "payments.table_loaded": _("Salary table loaded"),
    "payments.run_started": _("Quarter's payment run started"),
    "payments.run_done": _("Quarter's payment run done"),
    "payments.profile_changed": _("Pay profile changed"),
}
"""Every action of the trail in words, kept once: the `Action` codes and the actions the apps
name themselves (`allowance.*`, `planner.*`, `payments.*`); a test holds every `audit_record`
call of the code to this map."""


def action_label(code: str) -> str:
    """The action in words in the reader's language; the code itself for one not labelled."""
    label = ACTION_LABELS.get(code)
    return code if label is None else str(label)


type Detail = Mapping[str, str | int | bool | None]


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """What one record says, before it is numbered and chained. `detail` holds ids, counts,
    codes and kinds only: never a NIK, NUPTK, NIP, birth date or name."""

    action: str
    actor_id: int | None = None
    actor_role: str = ""
    address: str = ""
    object_kind: str = ""
    object_id: str = ""
    district_id: int | None = None
    detail: Detail = field(default_factory=dict)


def actor_fields(user: User | AnonymousUser | None) -> dict[str, Any]:
    """The actor's id, role and district of a record (nobody signed in: none of them)."""
    if user is None or not user.is_authenticated:
        return {"actor_id": None, "actor_role": "anonymous", "district_id": None}
    role = user.role or ("superuser" if user.is_superuser else "")
    return {"actor_id": user.pk, "actor_role": role, "district_id": user.district_id}


def entry_for(
    *,
    action: str,
    user: User | AnonymousUser | None,
    request: HttpRequest | None = None,
    object_kind: str = "",
    object_id: object = "",
    district_id: int | None = None,
    detail: Detail | None = None,
) -> AuditEntry:
    """An entry for `user`'s action (its address from `request`); the district is the
    object's when given, else the actor's own."""
    fields = actor_fields(user)
    if district_id is not None:
        fields["district_id"] = district_id
    return AuditEntry(
        action=action,
        address=client_address(request) if request is not None else _address.get(),
        object_kind=object_kind,
        object_id="" if object_id is None else str(object_id),
        detail=dict(detail or {}),
        **fields,
    )


def audit_record(
    *,
    action: str,
    user: User | AnonymousUser | None,
    request: HttpRequest | None = None,
    object_kind: str = "",
    object_id: object = "",
    district_id: int | None = None,
    detail: Detail | None = None,
    now: dt.datetime | None = None,
) -> AuditRecord:
    """Append one record to the audit trail, in the caller's transaction if there is one."""
    entry = entry_for(
        action=action,
        user=user,
        request=request,
        object_kind=object_kind,
        object_id=object_id,
        district_id=district_id,
        detail=detail,
    )
    return audit_record_many(entries=[entry], now=now)[0]


def audit_download(
    *,
    request: HttpRequest,
    file: str,
    object_kind: str,
    object_id: object,
    district_id: int | None,
    detail: Detail | None = None,
) -> AuditRecord:
    """Record that the signed-in user took personal data away: `file` says which kind (the
    evidence, the book, an export, an SK, a CSV list), the object whose it is and its
    district."""
    return audit_record(
        action=Action.DOWNLOAD,
        user=request.user,
        request=request,
        object_kind=object_kind,
        object_id=object_id,
        district_id=district_id,
        detail={"file": file, **(detail or {})},
    )


def record_hash(record: AuditRecord) -> str:
    """The SHA-256 of the record's canonical serialisation, its chain link included."""
    return hashlib.sha256(canonical(_content(record))).hexdigest()


def _content(record: AuditRecord) -> dict[str, Any]:
    return {
        "seq": record.seq,
        "at": record.at.astimezone(dt.UTC).isoformat(timespec="microseconds"),
        "actor_id": record.actor_id,
        "actor_role": record.actor_role,
        "address": record.address,
        "action": record.action,
        "object_kind": record.object_kind,
        "object_id": record.object_id,
        "district_id": record.district_id,
        "detail": record.detail,
        "prev_hash": record.prev_hash,
    }


def _head() -> AuditHead:
    """The chain's head row, locked until the transaction ends (made on the first write)."""
    head = AuditHead.objects.select_for_update().filter(pk=HEAD_PK).first()
    if head is None:
        AuditHead.objects.get_or_create(pk=HEAD_PK)
        head = AuditHead.objects.select_for_update().get(pk=HEAD_PK)
    return head


# No savepoint inside the caller's transaction: a record that cannot be written fails the
# action it records, and a savepoint would cost two more statements a record.
@transaction.atomic(savepoint=False)
def audit_record_many(
    *, entries: Sequence[AuditEntry], now: dt.datetime | None = None
) -> list[AuditRecord]:
    """Append the entries in order, chained, in a few statements (an import's thousands of
    teachers); their JSON lines are logged once the transaction commits."""
    if not entries:
        return []
    at = (now or timezone.now()).astimezone(dt.UTC)
    head = _head()
    seq, previous = head.seq, head.hash
    records = []
    for entry in entries:
        seq += 1
        record = AuditRecord(
            seq=seq,
            at=at,
            actor_id=entry.actor_id,
            actor_role=entry.actor_role,
            address=entry.address,
            action=entry.action,
            object_kind=entry.object_kind,
            object_id=entry.object_id,
            district_id=entry.district_id,
            # As the database gives it back (JSON types only), so the hash reads the same.
            detail=json.loads(canonical(dict(entry.detail))),
            prev_hash=previous,
        )
        record.hash = previous = record_hash(record)
        records.append(record)
    _insert(records)
    head.seq, head.hash = seq, previous
    head.save(update_fields=["seq", "hash"])
    if len(records) <= BATCH:
        transaction.on_commit(lambda: _log(records))
    else:  # read back once committed rather than kept in memory until then
        span = (records[0].seq, records[-1].seq)
        transaction.on_commit(lambda: _log(_stored(span)))
    return records


_COLUMNS = (
    "seq",
    "at",
    "actor_id",
    "actor_role",
    "address",
    "action",
    "object_kind",
    "object_id",
    "district_id",
    "detail",
    "prev_hash",
    "hash",
)
COPY_FROM = 100  # records from which PostgreSQL gets them by COPY


def _insert(records: list[AuditRecord]) -> None:
    """Insert the records: by COPY on PostgreSQL when there are many (an import's thousands;
    several times faster than the ORM's INSERT), else with the ORM."""
    if connection.vendor != "postgresql" or len(records) < COPY_FROM:
        AuditRecord.objects.bulk_create(records, batch_size=BATCH)
        return
    table = connection.ops.quote_name(AuditRecord._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(name) for name in _COLUMNS)
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
    ):
        for record in records:
            row = [getattr(record, name) for name in _COLUMNS]
            row[9] = json.dumps(record.detail)
            copy.write_row(row)


def _stored(span: tuple[int, int]) -> Iterator[AuditRecord]:
    query = AuditRecord.objects.filter(seq__range=span).order_by("seq")
    return query.iterator(chunk_size=BATCH)


def _log(records: Iterable[AuditRecord]) -> None:
    for record in records:
        logger.info("audit", extra={"audit": log_fields(record)})


def log_fields(record: AuditRecord) -> dict[str, Any]:
    """The record as its JSON log line carries it: every field (none is personal data), its
    hash anchoring the chain off the host."""
    return {**_content(record), "hash": record.hash}


@dataclass(frozen=True, slots=True)
class Break:
    """Where the chain breaks: the record's number and what is wrong there."""

    seq: int
    problem: str

    def __str__(self) -> str:
        return f"record #{self.seq}: {self.problem}"


def _walk(records: Iterator[AuditRecord], head: AuditHead | None) -> Iterator[Break]:
    expected_seq, previous = 1, GENESIS
    for record in records:
        if record.seq != expected_seq:
            yield Break(expected_seq, f"missing (the next record is #{record.seq}): deleted")
        elif record.prev_hash != previous:
            yield Break(record.seq, "its link does not match the record before: changed")
        if record_hash(record) != record.hash:
            yield Break(record.seq, "its content does not match its hash: changed")
        expected_seq, previous = record.seq + 1, record.hash
    last = expected_seq - 1
    if head is None:
        if last:
            yield Break(last, "the chain's head is missing: deleted")
    elif (head.seq, head.hash) != (last, previous):
        if head.seq > last:
            yield Break(last + 1, f"missing up to #{head.seq} (the chain's head): deleted")
        else:
            yield Break(head.seq, "the chain's head does not match the last record: changed")


def audit_verify(*, limit: int = 10) -> tuple[int, list[Break]]:
    """Walk the whole chain in order: (records read, the first `limit` breaks found)."""
    head = AuditHead.objects.filter(pk=HEAD_PK).first()
    counted = [0]

    def records() -> Iterator[AuditRecord]:
        for record in AuditRecord.objects.order_by("seq").iterator(chunk_size=BATCH):
            counted[0] += 1
            yield record

    breaks: list[Break] = []
    for found in _walk(records(), head):
        breaks.append(found)
        if len(breaks) >= limit:
            break
    return counted[0], breaks


def audit_head() -> tuple[int, str]:
    """The number and hash of the last record (0 and the genesis hash when there is none)."""
    head = AuditHead.objects.filter(pk=HEAD_PK).first()
    return (head.seq, head.hash) if head is not None else (0, GENESIS)
