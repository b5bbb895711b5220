"""Signals for what follows PKB's steps without being part of them (notifications, above this
app in the layers): sent by the PKB services once a step is saved."""

from __future__ import annotations

from django.dispatch import Signal

plan_opened = Signal()
"""Sent with `plan` (saved) and `actor` (who opened it) when a development plan is opened,
inside the writer's transaction: a receiver that reaches outside the database waits for the
commit."""

activity_stepped = Signal()
"""Sent with `activity` (saved, in its new state), `step` (the state it reached: submitted,
verified, rejected) and `actor` (who took the step), inside the writer's transaction."""
