"""The bulk issuance job (issue 12 item 8): a programme year's certificates and NRGs, chunk by
chunk as the re-scoring job does (sergur/assessments/services/batch/jobs.py), its progress
written after every chunk; memory stays bounded by the chunk."""

from __future__ import annotations

import datetime as dt
import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sergur.accounts.models import User
from sergur.assessments.selectors.batch import id_chunks
from sergur.cases.models import Case
from sergur.certificates.models import IssueJob
from sergur.certificates.selectors import certificate_candidates, running_issue_job
from sergur.certificates.services.bulk import chunk_issue
from sergur.certificates.services.issue import certificate_issue
from sergur.common.errors import log_without_data
from sergur.registry.models import ProgrammeYear, Rayon

logger = logging.getLogger(__name__)

JOB_RUNNING = _(
    "An issuance job for this programme year is already queued or running; wait for it to finish."
)
JOB_FAILED = _(
    "The job stopped: %(error)s. Certificates issued before the error stay; starting the job "
    "again continues safely."
)
NOT_ISSUED = "%(count)d case(s) were not issued a certificate: %(cases)s"
MAX_LISTED = 20
CHUNK = 500


@transaction.atomic
def issue_job_start(*, actor: User, programme_year: ProgrammeYear, rayon: Rayon | None) -> IssueJob:
    """Queue the issuance of a programme year's certificates (one rayon, or every rayon for a
    superuser). The caller dispatches the task once the transaction commits."""
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
    case through `certificate_issue` (the web's path); both issue the same."""
    IssueJob.objects.filter(pk=job.pk).update(state=IssueJob.State.RUNNING)
    cases = certificate_candidates(programme_year=job.programme_year, rayon=job.rayon)
    refused: list[int] = []
    try:
        IssueJob.objects.filter(pk=job.pk).update(total=cases.count(), done=0, issued=0)
        for case_ids in id_chunks(cases, size=chunk):
            issued, not_issued = _chunk_issue(job, case_ids, now, fast=fast)
            refused.extend(not_issued)
            IssueJob.objects.filter(pk=job.pk).update(
                done=F("done") + len(case_ids), issued=F("issued") + issued
            )
    except Exception as error:
        log_without_data(logger, f"certificate issuance job {job.pk}", error)
        IssueJob.objects.filter(pk=job.pk).update(
            state=IssueJob.State.FAILED,
            error=str(JOB_FAILED % {"error": type(error).__name__ + ": " + str(error)[:500]}),
            finished_at=timezone.now(),
        )
    else:
        note = ""
        if refused:
            listed = ", ".join(str(pk) for pk in refused[:MAX_LISTED])
            note = NOT_ISSUED % {"count": len(refused), "cases": listed}
        IssueJob.objects.filter(pk=job.pk).update(
            state=IssueJob.State.DONE, error=note, finished_at=timezone.now()
        )
    job.refresh_from_db()
    return job
