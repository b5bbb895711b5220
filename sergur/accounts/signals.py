"""What accounts tells the apps above it (accounts imports none of them): a change to a
user's second factor, which the audit trail records (`sergur.common.receivers`)."""

from __future__ import annotations

from django.dispatch import Signal

two_factor_changed = Signal()
"""Sent inside the change's transaction with `user` and `change`, one of `CHANGES`."""

ENROLLED, REMOVED, CODES_REGENERATED, RECOVERY_USED = (
    "enrolled",
    "removed",
    "codes_regenerated",
    "recovery_used",
)
CHANGES = (ENROLLED, REMOVED, CODES_REGENERATED, RECOVERY_USED)
