"""The re-scoring batch (docs/batch.md): after a change of a programme year's parameters,
re-score both blind sheets of every decided case from the stored entries, compare them with
the current tolerance, and decide again. A case gets a new result (source "rescore") only when
its decision or total changed; the old result is kept, no longer current. Cases whose sheets
now disagree go to reconciliation. Progress is written to the BatchJob after every chunk.
The job (`jobs`) runs the chunks; `write` stores what changed in a chunk, in bulk."""

from __future__ import annotations

from sergur.assessments.services.batch.jobs import (
    JOB_FAILED,
    JOB_RUNNING,
    JOB_STALE,
    MAX_LISTED,
    NOT_SCORED,
    batch_start,
    rescore_run,
)

__all__ = [
    "JOB_FAILED",
    "JOB_RUNNING",
    "JOB_STALE",
    "MAX_LISTED",
    "NOT_SCORED",
    "batch_start",
    "rescore_run",
]
