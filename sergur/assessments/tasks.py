"""Background tasks of the assessment (Celery; inline in the embedded default)."""

from __future__ import annotations

from celery import shared_task
from django.conf import settings
from django.utils import timezone

from sergur.assessments.models import BatchJob
from sergur.assessments.services.batch import rescore_run


@shared_task(name="assessments.rescore_year", ignore_result=True)
def rescore_year(job_id: int) -> None:
    """Re-score and re-decide the programme year of a queued BatchJob (docs/batch.md)."""
    job = (
        BatchJob.objects.select_related("programme_year", "rayon", "started_by")
        .filter(pk=job_id, state=BatchJob.State.QUEUED)
        .first()
    )
    if job is not None:  # a job already run (a redelivered message) is not run twice
        rescore_run(job=job, now=timezone.now(), workers=settings.SERGUR_BATCH_WORKERS)
