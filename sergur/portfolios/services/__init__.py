"""Writes on a portfolio: rows (`entries`), evidence files (`evidence`), the closed-envelope
instruments (`envelope`) and the submission (`submission`). Every write checks the case's
state and deadline here, not in the views."""

from __future__ import annotations

from sergur.portfolios.services.base import (
    ALREADY_USED,
    DEADLINE_PASSED,
    DECLARATION_NEEDED,
    DECLARATION_TEXT,
    ENVELOPE_CLOSED,
    ENVELOPE_NOT_AUTHOR,
    ENVELOPE_NOT_FILLED,
    LOCKED,
    NOT_COMPLETE,
    NOT_OWNER,
    TABLE_FULL,
    UNKNOWN_TABLE,
    VALUE_NUL,
    VALUE_TOO_LONG,
    ensure_editable,
    local_time,
)
from sergur.portfolios.services.entries import (
    entry_delete,
    entry_save,
)
from sergur.portfolios.services.envelope import (
    envelope_closed_message,
    envelope_confirm,
    envelope_save,
)
from sergur.portfolios.services.evidence import (
    entry_code,
    evidence_add,
    evidence_remove,
)
from sergur.portfolios.services.submission import (
    portfolio_submit,
    submission_payload,
)

__all__ = [
    "ALREADY_USED",
    "DEADLINE_PASSED",
    "DECLARATION_NEEDED",
    "DECLARATION_TEXT",
    "ENVELOPE_CLOSED",
    "ENVELOPE_NOT_AUTHOR",
    "ENVELOPE_NOT_FILLED",
    "LOCKED",
    "NOT_COMPLETE",
    "NOT_OWNER",
    "TABLE_FULL",
    "UNKNOWN_TABLE",
    "VALUE_NUL",
    "VALUE_TOO_LONG",
    "ensure_editable",
    "entry_code",
    "entry_delete",
    "entry_save",
    "envelope_closed_message",
    "envelope_confirm",
    "envelope_save",
    "evidence_add",
    "evidence_remove",
    "local_time",
    "portfolio_submit",
    "submission_payload",
]
