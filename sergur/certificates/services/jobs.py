"""The bulk issuance job (issue 12 item 8): a programme year's certificates and NRGs, chunk by
chunk as the re-scoring job does (sergur/assessments/services/batch/jobs.py), its progress
and sign of life written after every chunk; memory stays bounded by the chunk.

A job whose worker stopped (no sign of life for SERGUR_BATCH_STALE_MINUTES) is released when
the next job of its scope is started (`sergur/common/jobs.py`): marked failed with the reason,
its certificates kept; the new job issues only the cases still without one. If the stopped
worker comes back, it finds its job no longer running after its chunk and stops."""

from __future__ import annotations

import datetime as dt
import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from sergur.accounts.models import User
from sergur.assessments.selectors.batch import id_chunks
from sergur.cases.models import Case
from sergur.certificates.models import IssueJob
from sergur.certificates.selectors import (
    certificate_candidates,
    running_issue_job,
    unfinished_issue_jobs,
)
from sergur.certificates.services.bulk import chunk_issue
from sergur.certificates.services.issue import certificate_issue
from sergur.common.errors import log_without_data
from sergur.common.jobs import job_beat, jobs_release_stale, stale_minutes
from sergur.registry.models import ProgrammeYear, Rayon

logger = logging.getLogger(__name__)

JOB_RUNNING = _(
    "An issuance job for this programme year is already queued or running; wait for it to finish."
)
JOB_STALE = ngettext_lazy(
    "Stopped: no progress for %(minutes)d minute (its worker was stopped). The certificates "
    "it issued stay; start the job again to issue the rest.",
    "Stopped: no progress for %(minutes)d minutes (its worker was stopped). The certificates "
    "it issued stay; start the job again to issue the rest.",
    "minutes",
)
JOB_FAILED = _(
    "The job stopped: %(error)s. Certificates issued before the error stay; starting the job "
    "again continues safely."
)
NOT_ISSUED = ngettext_lazy(
    "%(count)d case was not issued a certificate: %(cases)s",
    "%(count)d cases were not issued a certificate: %(cases)s",
    "count",
)
MAX_LISTED = 20
CHUNK = 500


@transaction.atomic
def issue_job_start(*, actor: User, programme_year: ProgrammeYear, rayon: Rayon | None) -> IssueJob:
    """Queue the issuance of a programme year's certificates (one rayon, or every rayon for a
    superuser), after releasing the scope's stale jobs. The caller dispatches the task once
    the transaction commits."""
    jobs_release_stale(
        unfinished_issue_jobs(programme_year=programme_year, rayon=rayon),
        now=timezone.now(),
        failed=IssueJob.State.FAILED,
        error=str(JOB_STALE % {"minutes": stale_minutes()}),
    )
    if running_issue_job(programme_year=programme_year, rayon=rayon) is not None:
        raise ValidationError(JOB_RUNNING, code="running")
    job = IssueJob(
        programme_year=programme_year,
        rayon=rayon,
        started_by=actor,
        total=certificate_candidates(programme_year=programme_year, rayon=rayon).count(),
    )
    job.full_clean()
    job.save()
    return job


def _chunk_issue(
    job: IssueJob, case_ids: list[int], now: dt.datetime, *, fast: bool
) -> tuple[int, list[int]]:
    """Issue one chunk in one transaction; the cases refused are returned, not fatal."""
    if fast:
        with transaction.atomic():
            return chunk_issue(
                actor=job.started_by,
                programme_year=job.programme_year,
                rayon=job.rayon,
                case_ids=case_ids,
                now=now,
            )
    issued, refused = 0, []
    with transaction.atomic():
        for case in Case.objects.filter(pk__in=case_ids).select_related("programme_year"):
            try:
                with transaction.atomic():
                    certificate_issue(actor=job.started_by, case=case, now=now)
            except ValidationError:
                refused.append(case.pk)
            else:
                issued += 1
    return issued, refused


def issue_job_run(
    *, job: IssueJob, now: dt.datetime, chunk: int = CHUNK, fast: bool = True
) -> IssueJob:
    """Run a queued job to the end, chunk by chunk (ascending case ids); a failure stops it
    (state FAILED, the error kept) and what was issued stays. `fast=False` issues case by
    case through `certificate_issue` (the web's path); both issue the same. A job released as
    stale while it ran stops after its chunk and keeps the state it was given."""
    running = IssueJob.State.RUNNING
    IssueJob.objects.filter(pk=job.pk, state=IssueJob.State.QUEUED).update(state=running)
    cases = certificate_candidates(programme_year=job.programme_year, rayon=job.rayon)
    refused: list[int] = []
    try:
        if not job_beat(IssueJob, job.pk, running=running, total=cases.count(), done=0, issued=0):
            job.refresh_from_db()
            return job
        for case_ids in id_chunks(cases, size=chunk):
            issued, not_issued = _chunk_issue(job, case_ids, now, fast=fast)
            refused.extend(not_issued)
            progress = {"done": F("done") + len(case_ids), "issued": F("issued") + issued}
            if not job_beat(IssueJob, job.pk, running=running, **progress):
                job.refresh_from_db()
                return job
    except Exception as error:
        log_without_data(logger, f"certificate issuance job {job.pk}", error)
        IssueJob.objects.filter(pk=job.pk, state=running).update(
            state=IssueJob.State.FAILED,
            error=str(JOB_FAILED % {"error": type(error).__name__ + ": " + str(error)[:500]}),
            finished_at=timezone.now(),
        )
    else:
        note = ""
        if refused:
            listed = ", ".join(str(pk) for pk in refused[:MAX_LISTED])
            note = str(NOT_ISSUED % {"count": len(refused), "cases": listed})
        IssueJob.objects.filter(pk=job.pk, state=running).update(
            state=IssueJob.State.DONE, error=note, finished_at=timezone.now()
        )
    job.refresh_from_db()
    return job
