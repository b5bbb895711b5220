"""A signal for what follows an appraisal's steps without being part of them (notifications,
above this app in the layers): sent by the appraisal services once a step is saved."""

from __future__ import annotations

from django.dispatch import Signal

appraisal_stepped = Signal()
"""Sent with `appraisal` (saved, in its new state), `step` (the state it reached: submitted,
objected, signed, principal_signed, final) and `actor` (who took the step), inside the
writer's transaction: a receiver that reaches outside the database waits for the commit."""
