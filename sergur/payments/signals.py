"""Signals for what follows the SKTP and the payment runs without being part of them (the
notifications, above this app in the layers): sent by the jobs once a chunk is saved, inside
its transaction (a receiver that reaches outside the database waits for the commit)."""

from __future__ import annotations

from django.dispatch import Signal

sktp_listed = Signal()
"""Sent with `sktp` and `teacher_ids`: the teachers the SKTP has just listed (a chunk of its
lines; issuing again sends only the newly listed)."""

payments_recorded = Signal()
"""Sent with `run` and `paid`: for each teacher the run has just recorded entries for, their
count and net sum ({teacher id: (entries, net)}; a correction may make the sum negative)."""
