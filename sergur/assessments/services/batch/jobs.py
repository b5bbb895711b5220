"""The re-scoring job: queued once per scope, run chunk by chunk (in this process or in
forked workers), its progress and its end written to the BatchJob (docs/batch.md)."""

from __future__ import annotations

import datetime as dt
import gc
import logging
import multiprocessing
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.db import connection, connections, transaction
from django.db.models import F
from django.db.models.functions import Now
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from sergur.accounts.models import User
from sergur.assessments.models import BatchJob, Result
from sergur.assessments.selectors.batch import (
    Current,
    batch_cases,
    batch_params,
    case_rescore_read,
    chunk_lock,
    chunk_rescore_read,
    id_chunks,
    running_job,
    still_in_scope,
    unfinished_jobs,
)
from sergur.assessments.services.batch.write import chunk_write
from sergur.cases.models import Case
from sergur.common.errors import log_without_data
from sergur.common.jobs import jobs_release_stale, stale_minutes
from sergur.registry.models import ProgrammeYear, Rayon
from sergur.rules import ProgrammeYearError

logger = logging.getLogger(__name__)

JOB_RUNNING = _(
    "A re-scoring job for this programme year is already queued or running; wait for it to finish."
)
JOB_STALE = ngettext_lazy(
    "Stopped: no progress for %(minutes)d minute (its worker was stopped). What it wrote "
    "stays; start the job again to re-score the rest.",
    "Stopped: no progress for %(minutes)d minutes (its worker was stopped). What it wrote "
    "stays; start the job again to re-score the rest.",
    "minutes",
)
JOB_FAILED = _(
    "The job stopped: %(error)s. Portfolios decided before the error keep their new "
    "decision; starting the job again continues safely."
)
NOT_SCORED = ngettext_lazy(
    "%(count)d portfolio could not be re-scored and keeps its decision: %(cases)s",
    "%(count)d portfolios could not be re-scored and keep their decision: %(cases)s",
    "count",
)
MAX_LISTED = 20


@transaction.atomic
def batch_start(*, actor: User, programme_year: ProgrammeYear, rayon: Rayon | None) -> BatchJob:
    """Queue a re-score of the programme year (one rayon, or every rayon for a superuser).
    The caller dispatches the task once the transaction commits (see views/batch.py)."""
    _abandon_stale(programme_year=programme_year, rayon=rayon)
    if running_job(programme_year=programme_year, rayon=rayon) is not None:
        raise ValidationError(JOB_RUNNING, code="running")
    try:
        batch_params(programme_year)
    except ProgrammeYearError as error:
        raise ValidationError(str(error), code="params") from error
    return BatchJob.objects.create(
        kind=BatchJob.Kind.RESCORE,
        programme_year=programme_year,
        rayon=rayon,
        started_by=actor,
        total=batch_cases(programme_year=programme_year, rayon=rayon).count(),
    )


def _abandon_stale(*, programme_year: ProgrammeYear, rayon: Rayon | None) -> None:
    """Mark FAILED the jobs of the scope that gave no sign of life for the stale time: their
    worker was stopped or their message lost (a late message then finds them not queued and
    runs nothing). The chunks they wrote stay; a new job re-scores the rest
    (sergur/common/jobs.py, shared with the certificate issuance job)."""
    jobs_release_stale(
        unfinished_jobs(programme_year=programme_year, rayon=rayon),
        now=timezone.now(),
        failed=BatchJob.State.FAILED,
        error=str(JOB_STALE % {"minutes": stale_minutes()}),
    )


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while a chunk is read, scored and written. A chunk
    makes hundreds of thousands of short-lived dicts and lists (freed as they go, by
    reference counting); the collector would otherwise walk them again and again, and with
    them every long-lived object of the process, for about a fifth of the job's CPU. Memory
    stays bounded by the chunk; the collector runs again between chunks."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _chunk_run(
    job: BatchJob, case_ids: list[int], *, fast: bool, now: dt.datetime
) -> tuple[int, list[int]]:
    """Re-score and write one chunk in one transaction, its cases locked."""
    params, year = batch_params(job.programme_year)
    actor = job.started_by
    with _collector_paused(), transaction.atomic():
        locked = still_in_scope(chunk_lock(case_ids), programme_year=job.programme_year)
        if fast:
            decided, currents = chunk_rescore_read(
                case_ids=locked, programme_year=job.programme_year, params=params, year=year
            )
        else:
            decided, currents = [], {}
            cases = Case.objects.filter(pk__in=locked).select_related(
                "teacher", "teacher__subject", "programme_year"
            )
            results = {
                r.case_id: r for r in Result.objects.filter(case_id__in=locked, current=True)
            }
            for case in cases.order_by("pk"):
                result = results[case.pk]
                currents[case.pk] = Current(
                    case_id=case.pk,
                    result_id=result.pk,
                    round=result.round,
                    code=result.code,
                    total=result.total,
                    state=case.state,
                    published=result.published_at is not None,
                )
                decided.append(
                    case_rescore_read(case=case, params=params, year=year, result=result)
                )
        return chunk_write(decided, currents, mode=params.reconciliation, actor=actor, now=now)


def _pool_chunk(task: tuple[int, list[int], bool, dt.datetime]) -> tuple[int, int, list[int]]:
    """One chunk in a worker process (its own database connection); progress written."""
    job_id, case_ids, fast, now = task
    job = BatchJob.objects.select_related("programme_year", "started_by").get(pk=job_id)
    changed, failed = _chunk_run(job, case_ids, fast=fast, now=now)
    BatchJob.objects.filter(pk=job_id).update(
        done=F("done") + len(case_ids), changed=F("changed") + changed, beat_at=Now()
    )
    return len(case_ids), changed, failed


def _chunks_in_processes(
    job: BatchJob, chunks: Iterable[list[int]], *, fast: bool, now: dt.datetime, workers: int
) -> list[int]:
    """Spread the chunks over `workers` forked processes; returns the cases not re-scored."""
    ids = list(chunks)
    connections.close_all()  # each process opens its own connection
    failed: list[int] = []
    context = multiprocessing.get_context("fork")
    with context.Pool(workers) as pool:
        for _, _, not_scored in pool.imap_unordered(
            _pool_chunk, [(job.pk, chunk, fast, now) for chunk in ids]
        ):
            failed.extend(not_scored)
    return failed


def rescore_run(
    *, job: BatchJob, now: dt.datetime, fast: bool = True, workers: int = 1
) -> BatchJob:
    """Run a queued job to the end: chunk by chunk (ascending case ids), progress and the
    count of changed decisions written after each chunk. `fast=False` takes the per-case path
    (the web's code, case by case); both decide the same (tests/test_batch_paths.py).
    `workers` > 1 spreads the chunks over that many forked processes (PostgreSQL only, and
    not inside a daemon process such as a Celery prefork child, which may not fork).
    A failure stops the job (state FAILED, the error kept); chunks already written stay."""
    BatchJob.objects.filter(pk=job.pk).update(state=BatchJob.State.RUNNING, beat_at=Now())
    cases = batch_cases(programme_year=job.programme_year, rayon=job.rayon)
    parallel = (
        workers > 1
        and connection.vendor == "postgresql"
        and not multiprocessing.current_process().daemon
    )
    failed: list[int] = []
    try:
        total = cases.count()
        BatchJob.objects.filter(pk=job.pk).update(total=total, done=0, changed=0)
        if parallel:
            failed = _chunks_in_processes(
                job, id_chunks(cases), fast=fast, now=now, workers=workers
            )
        else:
            for case_ids in id_chunks(cases):
                changed, not_scored = _chunk_run(job, case_ids, fast=fast, now=now)
                failed.extend(not_scored)
                BatchJob.objects.filter(pk=job.pk).update(
                    done=F("done") + len(case_ids), changed=F("changed") + changed, beat_at=Now()
                )
    except Exception as error:
        log_without_data(logger, f"re-scoring job {job.pk}", error)
        BatchJob.objects.filter(pk=job.pk).update(
            state=BatchJob.State.FAILED,
            error=str(JOB_FAILED % {"error": type(error).__name__ + ": " + str(error)[:500]}),
            finished_at=timezone.now(),
        )
    else:
        note = ""
        if failed:
            listed = ", ".join(str(pk) for pk in failed[:MAX_LISTED])
            note = NOT_SCORED % {"count": len(failed), "cases": listed}
        BatchJob.objects.filter(pk=job.pk).update(
            state=BatchJob.State.DONE, error=note, finished_at=timezone.now()
        )
    job.refresh_from_db()
    return job
