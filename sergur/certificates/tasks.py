"""Background tasks of the certificates (Celery; inline in the embedded default)."""

from __future__ import annotations

from celery import shared_task
from django.utils import timezone

from sergur.certificates.models import IssueJob
from sergur.certificates.services import issue_job_run


@shared_task(name="certificates.issue_year", ignore_result=True)
def issue_year(job_id: int) -> None:
    """Issue the certificates of a queued IssueJob's programme year (docs/certificates.md)."""
    job = (
        IssueJob.objects.select_related("programme_year", "rayon", "started_by")
        .filter(pk=job_id, state=IssueJob.State.QUEUED)
        .first()
    )
    if job is not None:  # a redelivered message does not run a job twice
        issue_job_run(job=job, now=timezone.now())
