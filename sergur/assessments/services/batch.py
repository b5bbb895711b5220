"""The re-scoring batch (docs/batch.md): after a change of a programme year's parameters,
re-score both blind sheets of every decided case from the stored entries, compare them with
the current tolerance, and decide again. A case gets a new result (source "rescore") only when
its decision or total changed; the old result is kept, no longer current. Cases whose sheets
now disagree go to reconciliation. Progress is written to the BatchJob after every chunk."""

from __future__ import annotations

import datetime as dt
import gc
import logging
import multiprocessing
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import msgspec
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, connections, transaction
from django.db.models import F, JSONField, Model
from django.db.models.functions import Now
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sergur.accounts.models import User
from sergur.assessments.models import BatchJob, Reconciliation, Result
from sergur.assessments.selectors import parts_to_json, reasons_json, review_to_json
from sergur.assessments.selectors.batch import (
    CHUNK,
    Current,
    Decided,
    batch_cases,
    batch_params,
    case_rescore_read,
    chunk_lock,
    chunk_rescore_read,
    id_chunks,
    running_job,
    stale_jobs,
    still_in_scope,
)
from sergur.assessments.selectors.batch.read import id_in
from sergur.assessments.services.allocation import third_assessor_allocate
from sergur.cases.models import Case, CaseEvent
from sergur.cases.services import case_transition_many
from sergur.common.errors import log_without_data
from sergur.registry.models import ProgrammeYear, Rayon
from sergur.rules import ProgrammeYearError
from sergur.rules.assessment import mean_parts

logger = logging.getLogger(__name__)

JOB_RUNNING = _(
    "A re-scoring job for this programme year is already queued or running; wait for it to finish."
)
JOB_STALE = _(
    "Stopped: no progress for %(minutes)d minutes (its worker was stopped). What it wrote "
    "stays; start the job again to re-score the rest."
)
JOB_FAILED = _(
    "The job stopped: %(error)s. Portfolios decided before the error keep their new "
    "decision; starting the job again continues safely."
)
NOT_SCORED = "%(count)d portfolio(s) could not be re-scored and keep their decision: %(cases)s"
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
    runs nothing). The chunks they wrote stay; a new job re-scores the rest."""
    minutes = settings.SERGUR_BATCH_STALE_MINUTES
    since = timezone.now() - dt.timedelta(minutes=minutes)
    stale = stale_jobs(programme_year=programme_year, rayon=rayon, since=since)
    stale.update(
        state=BatchJob.State.FAILED,
        error=str(JOB_STALE % {"minutes": minutes}),
        finished_at=timezone.now(),
    )


def _insert(model: type[Model], rows: list[dict[str, Any]]) -> None:
    """Insert rows ({attname: value}, every column but the id) in bulk: COPY on PostgreSQL,
    bulk_create elsewhere."""
    if not rows:
        return
    if connection.vendor != "postgresql":
        model._default_manager.bulk_create([model(**row) for row in rows], batch_size=CHUNK)
        return
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    columns = [(f.attname, isinstance(f, JSONField), _DEFAULTS.get(f.attname)) for f in fields]
    names = ", ".join(connection.ops.quote_name(str(f.column)) for f in fields)
    table = connection.ops.quote_name(model._meta.db_table)
    encode = _ENCODER.encode
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy,
    ):
        for row in rows:
            copy.write_row(
                [
                    encode(row[name]).decode() if is_json else row.get(name, default)
                    for name, is_json, default in columns
                ]
            )


_ENCODER = msgspec.json.Encoder()
# Columns the writes below leave to their model default.
_DEFAULTS: dict[str, Any] = {
    "published_at": None,
    "published_by_id": None,
    "respond_until": None,
    "appeal_until": None,
    "resolved_at": None,
    "resolved_by_id": None,
    "from_state": "",
    "to_state": "",
    "reason": "",
}


def _result_row(decided: Decided, actor: User | None, now: dt.datetime) -> dict[str, Any]:
    final = decided.final
    assert final is not None
    return {
        "case_id": decided.case_id,
        "round": decided.round,
        "source": Result.Source.RESCORE,
        "parts": parts_to_json(final.parts),
        "review": review_to_json(decided.review),
        "total": final.total,
        "code": final.decision.code,
        "reasons": reasons_json(final.decision),
        "decided_at": now,
        "decided_by_id": actor.pk if actor else None,
        "current": True,
    }


def _event_row(case_id: int, actor: User | None, now: dt.datetime, **values: Any) -> dict[str, Any]:
    return {
        "case_id": case_id,
        "actor_id": actor.pk if actor else None,
        "at": now,
        "kind": CaseEvent.Kind.RESCORED,
        **values,
    }


def _write(
    decided: Iterable[Decided],
    currents: dict[int, Current],
    *,
    mode: str,
    actor: User | None,
    now: dt.datetime,
) -> tuple[int, list[int]]:
    """Store what changed in a chunk, in bulk; returns how many changed and the cases that
    could not be re-scored. A changed decision: a new current result, the case decided
    (again), one RESCORED event. Sheets that now disagree: the result stops being current and
    a reconciliation opens, as `round_conclude` opens it (a third assessor is allocated in
    "third" mode), with one RESCORED event."""
    changed: list[Decided] = []
    failed: list[int] = []
    reconcile: list[Decided] = []
    for item in decided:
        if item.error:
            failed.append(item.case_id)
        elif item.reconcile:
            reconcile.append(item)
        elif item.changed:
            changed.append(item)
    if reconcile:
        taken = set(
            Reconciliation.objects.filter(case_id__in=[d.case_id for d in reconcile]).values_list(
                "case_id", "round"
            )
        )
        failed += [d.case_id for d in reconcile if (d.case_id, d.round) in taken]
        reconcile = [d for d in reconcile if (d.case_id, d.round) not in taken]
    superseded = [currents[d.case_id].result_id for d in (*changed, *reconcile)]
    if not superseded:
        return 0, failed
    if connection.vendor == "postgresql":
        # One array parameter (the ORM's `pk__in` sends 2,000 literals to parse and plan).
        where, params = id_in("id", superseded)
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {connection.ops.quote_name(Result._meta.db_table)} "
                f"SET {connection.ops.quote_name('current')} = false WHERE {where}",
                params,
            )
    else:
        Result.objects.filter(pk__in=superseded).update(current=False)
    _insert(Result, [_result_row(d, actor, now) for d in changed])
    case_transition_many(
        states={d.case_id: currents[d.case_id].state for d in changed},
        to_state=Case.State.DECIDED,
        actor=None,
        now=now,
    )
    events = []
    for item in changed:
        current, final = currents[item.case_id], item.final
        assert final is not None
        events.append(
            _event_row(
                item.case_id,
                actor,
                now,
                from_state=current.state,
                to_state=Case.State.DECIDED,
                data={
                    "round": item.round,
                    "previous": current.code,
                    "code": final.decision.code,
                    "source": Result.Source.RESCORE,
                },
            )
        )
    reconciliations = []
    for item in reconcile:
        comparison, sheets = item.comparison, item.sheets
        assert comparison is not None and sheets is not None
        reasons = {lang: [r.text(lang) for r in comparison.reasons] for lang in ("id", "en")}
        parts = mean_parts(sheets[0].parts, sheets[1].parts)
        reconciliations.append(
            {
                "case_id": item.case_id,
                "round": item.round,
                "mode": mode,
                "reasons": reasons,
                "parts": parts_to_json(parts),
                "opened_at": now,
            }
        )
        events.append(
            _event_row(
                item.case_id,
                actor,
                now,
                from_state=currents[item.case_id].state,
                to_state=Case.State.RECONCILIATION,
                reason=" ".join(reasons["en"]),
                data={"round": item.round, "previous": currents[item.case_id].code, "mode": mode},
            )
        )
    if reconcile:
        _insert(Reconciliation, reconciliations)
        case_transition_many(
            states={d.case_id: currents[d.case_id].state for d in reconcile},
            to_state=Case.State.RECONCILIATION,
            actor=None,
            now=now,
        )
    _insert(CaseEvent, events)
    if mode == Reconciliation.Mode.THIRD:
        for case in Case.objects.filter(pk__in=[d.case_id for d in reconcile]):
            round_ = next(d.round for d in reconcile if d.case_id == case.pk)
            third_assessor_allocate(case=case, round=round_, actor=actor)
    return len(changed) + len(reconcile), failed


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
        return _write(decided, currents, mode=params.reconciliation, actor=actor, now=now)


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
