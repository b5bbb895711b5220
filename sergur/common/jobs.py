"""What the background jobs over a programme year share: the re-scoring job
(`sergur/assessments/services/batch/`) and the certificate issuance job
(`sergur/certificates/services/jobs.py`).

A job row has a `state` (queued, running, done, failed), a `created_at` and a `beat_at`, its
last sign of life: set when it starts and after every chunk. A queued or running job with no
sign of life for SERGUR_BATCH_STALE_MINUTES was stopped (its worker killed, its message lost):
`jobs_release_stale` marks it failed, so it no longer blocks a new job of its scope, and what
its chunks wrote stays. Each chunk is its own transaction and each job picks only the work not
yet done, so the new job resumes where the stopped one ended. A released job's worker that
comes back finds its row no longer running at its next beat (`job_beat`) and stops.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db.models import Model, Q, QuerySet
from django.db.models.functions import Now


def stale_minutes() -> int:
    """How long a job may stay silent before it counts as stopped."""
    return int(settings.SERGUR_BATCH_STALE_MINUTES)


def silent_since(since: dt.datetime) -> Q:
    """Jobs with no sign of life since `since`: by their last beat, or when they have none,
    by when they were queued."""
    return Q(beat_at__lt=since) | Q(beat_at__isnull=True, created_at__lt=since)


def jobs_release_stale[M: Model](
    unfinished: QuerySet[M], *, now: dt.datetime, failed: str, error: str
) -> int:
    """Mark failed (state `failed`, with `error`) the jobs of `unfinished` silent for the
    stale time; returns how many."""
    since = now - dt.timedelta(minutes=stale_minutes())
    return unfinished.filter(silent_since(since)).update(state=failed, error=error, finished_at=now)


def job_beat(model: type[Model], pk: int, *, running: str, **progress: Any) -> bool:
    """Write a running job's progress (`progress`: field updates) and its sign of life;
    False when the job is no longer running (released as stale, or ended), and nothing is
    written then."""
    rows: int = model._default_manager.filter(pk=pk, state=running).update(  # noqa: SLF001
        beat_at=Now(), **progress
    )
    return rows == 1
