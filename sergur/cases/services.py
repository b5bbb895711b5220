"""Writes on cases: opening one, moving it between states, and logging every change."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from sergur.accounts.models import User
from sergur.cases.models import Case, CaseEvent
from sergur.registry.models import ProgrammeYear, Teacher


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
    event.save()
    return event


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
    """Move the case to another state and log it."""
    from_state = case.state
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
