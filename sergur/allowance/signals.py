"""A signal for what follows an eligibility computation without being part of it (the
notifications, above this app in the layers): sent by `eligibility_compute` once the rows are
saved."""

from __future__ import annotations

from django.dispatch import Signal

eligibility_changed = Signal()
"""Sent with `semester` (its code), `eligible` (the ids of the teachers who became eligible)
and `ineligible` (those who no longer are), against each teacher's verdict before: the same
semester's, else their latest earlier semester's (a first verdict ever is no change). Sent
inside the computation's transaction: a receiver that reaches outside the database waits for
the commit."""
