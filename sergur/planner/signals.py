"""A signal for what follows an accepted proposal without being part of it (notifications,
above this app in the layers): sent by `proposal_accept` once the load is written."""

from __future__ import annotations

from django.dispatch import Signal

proposal_accepted = Signal()
"""Sent with `decision` (the saved PlanDecision, its run loaded), `schools` (the pks of the
schools where the teacher was given hours), `givers` (each teacher above the cap whose lines
moved to the teacher, by pk, to the pks of the schools of those lines) and `actor` (the
committee member), inside the writer's transaction: a receiver that reaches outside the
database waits for the commit."""
