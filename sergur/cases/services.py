"""Writes on cases: opening one, moving it between states (only as the workflow's table in
`sergur.rules.workflow` allows), and logging every change, in the case's log and in the audit
trail (`case_events_record`, the one place both are written)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from sergur.accounts.models import User
from sergur.cases.models import Case, CaseEvent
from sergur.cases.signals import events_logged
from sergur.common.audit import Action, AuditEntry, Detail, actor_fields, audit_record_many
from sergur.common.i18n import rules_lang
from sergur.registry.models import ProgrammeYear, Teacher
from sergur.registry.selectors import teacher_district_ids
from sergur.rules.workflow import Actor, transition_check


def case_transition_check(*, from_state: str, to_state: str, actor: User | None) -> None:
    """Refuse, with the workflow's reasons, a move its table does not hold for the actor's
    role (no actor: the system) (docs/sources/domain.md §4.6)."""
    role = Actor.SYSTEM if actor is None else actor.role
    check = transition_check(from_state, to_state, role)
    if not check.allowed:
        lang = rules_lang()
        raise ValidationError(
            " ".join(reason.text(lang) for reason in check.reasons), code="transition"
        )


def case_event_record(
    *,
    case: Case,
    actor: User | None,
    kind: str,
    reason: str = "",
    data: dict[str, Any] | None = None,
    from_state: str = "",
    to_state: str = "",
) -> CaseEvent:
    """Append one event to the case's log (who, when, what, why)."""
    event = CaseEvent(
        case=case,
        actor=actor,
        kind=kind,
        reason=reason,
        data=data or {},
        from_state=from_state,
        to_state=to_state,
    )
    event.full_clean()
    return case_events_record(events=[event])[0]


def _case_audit_entry(
    *, case_id: int, actor: User | None, district_id: int | None, detail: Detail
) -> AuditEntry:
    fields = actor_fields(actor)
    if actor is None:
        fields["actor_role"] = "system"
    fields["district_id"] = district_id
    return AuditEntry(
        action=Action.CASE_EVENT,
        object_kind="case",
        object_id=str(case_id),
        detail=detail,
        **fields,
    )


def case_event_rows_audit(*, rows: Sequence[Mapping[str, Any]], actor: User | None) -> None:
    """The audit records of events another path wrote in bulk without ids (the re-scoring
    batch's COPY: rows of case_id, kind, from_state, to_state), in its transaction."""
    teachers = dict(
        Case.objects.filter(pk__in={row["case_id"] for row in rows}).values_list("pk", "teacher_id")
    )
    districts = teacher_district_ids(teacher_ids=teachers.values())
    entries = []
    for row in rows:
        detail: Detail = {
            "kind": row["kind"],
            "from": row.get("from_state", ""),
            "to": row.get("to_state", ""),
        }
        district = districts.get(teachers.get(row["case_id"], 0))
        entries.append(
            _case_audit_entry(
                case_id=row["case_id"], actor=actor, district_id=district, detail=detail
            )
        )
    audit_record_many(entries=entries)


@transaction.atomic(savepoint=False)
def case_events_record(*, events: Sequence[CaseEvent]) -> list[CaseEvent]:
    """Append built events to their cases' logs in bulk, each with its record in the audit
    trail (who, the case, its district, the kind and states; never the reason's free text)."""
    saved = CaseEvent.objects.bulk_create(events, batch_size=1000)
    districts = teacher_district_ids(teacher_ids={event.case.teacher_id for event in saved})
    entries = []
    for event in saved:
        detail: Detail = {
            "event": event.pk,
            "kind": event.kind,
            "from": event.from_state,
            "to": event.to_state,
        }
        district = districts.get(event.case.teacher_id)
        entries.append(
            _case_audit_entry(
                case_id=event.case_id, actor=event.actor, district_id=district, detail=detail
            )
        )
    audit_record_many(entries=entries)
    events_logged.send(sender=CaseEvent, events=saved)
    return saved


@transaction.atomic
def case_open(
    *,
    teacher: Teacher,
    programme_year: ProgrammeYear,
    actor: User | None,
    participant_number: str = "",
) -> Case:
    """Open the teacher's case for the programme year (once; a second call returns it)."""
    case, created = Case.objects.get_or_create(
        teacher=teacher,
        programme_year=programme_year,
        defaults={"participant_number": participant_number},
    )
    if created:
        case_event_record(
            case=case,
            actor=actor,
            kind=CaseEvent.Kind.CREATED,
            to_state=case.state,
        )
    return case


@transaction.atomic
def case_transition(
    *,
    case: Case,
    to_state: str,
    actor: User | None,
    kind: str,
    reason: str = "",
    data: dict[str, Any] | None = None,
) -> Case:
    """Move the case to another state, as the workflow allows, and log it."""
    from_state = case.state
    case_transition_check(from_state=from_state, to_state=to_state, actor=actor)
    case.state = to_state
    case.full_clean()
    case.save(update_fields=["state", "updated_at"])
    case_event_record(
        case=case,
        actor=actor,
        kind=kind,
        reason=reason,
        data=data,
        from_state=from_state,
        to_state=to_state,
    )
    return case


def case_transition_many(
    *, states: Mapping[int, str], to_state: str, actor: User | None, now: dt.datetime
) -> list[int]:
    """Move many cases (id: current state) to `to_state` in one UPDATE, each checked against
    the workflow first (all or none); a case already there is checked, not rewritten. The
    caller logs the events in bulk. Returns the ids moved."""
    for from_state in set(states.values()):
        case_transition_check(from_state=from_state, to_state=to_state, actor=actor)
    moved = [pk for pk, from_state in states.items() if from_state != to_state]
    if moved:
        Case.objects.filter(pk__in=moved).update(state=to_state, updated_at=now)
    return moved
