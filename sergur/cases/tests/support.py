"""Test set-up for cases: a case put in a state without the steps before it."""

from __future__ import annotations

from typing import Any

from sergur.accounts.models import User
from sergur.cases.models import Case
from sergur.cases.services import case_event_record


def state_set(
    *,
    case: Case,
    to_state: str,
    kind: str,
    actor: User | None = None,
    reason: str = "",
    data: dict[str, Any] | None = None,
) -> Case:
    """Put the case in `to_state` and log it as `case_transition` does, skipping the workflow's
    check: for tests whose subject comes after steps that their own tests cover."""
    from_state = case.state
    case.state = to_state
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
