"""A signal for what follows a case's log without being part of it (notifications): sent by
`case_events_record`, the one writer of the log, once the events (one or many) are saved."""

from __future__ import annotations

from django.dispatch import Signal

events_logged = Signal()
"""Sent with `events`, the CaseEvent rows just saved (inside the writer's transaction: a
receiver that reaches outside the database waits for the commit)."""
