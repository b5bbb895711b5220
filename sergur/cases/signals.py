"""A signal for what follows a case's log without being part of it (notifications): sent once
the events are saved, by every writer of the log (one event or many in bulk)."""

from __future__ import annotations

from django.dispatch import Signal

events_logged = Signal()
"""Sent with `events`, the CaseEvent rows just saved (inside the writer's transaction: a
receiver that reaches outside the database waits for the commit)."""
