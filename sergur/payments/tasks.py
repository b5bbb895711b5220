"""Background tasks of the payments (Celery; inline in the embedded default)."""

from __future__ import annotations

from celery import shared_task
from django.utils import timezone

from sergur.payments.models import Job, PaymentRun, Sktp
from sergur.payments.services import run_execute, sktp_run


@shared_task(name="payments.issue_sktp", ignore_result=True)
def issue_sktp(sktp_id: int) -> None:
    """Issue a queued SKTP (docs/allowance.md, "SKTP and payments")."""
    sktp = (
        Sktp.objects.select_related("district", "started_by")
        .filter(pk=sktp_id, state=Job.QUEUED)
        .first()
    )
    if sktp is not None:  # a redelivered message does not run a job twice
        sktp_run(sktp=sktp, now=timezone.now())


@shared_task(name="payments.run_quarter", ignore_result=True)
def run_quarter(run_id: int) -> None:
    """Run a queued payment run (docs/allowance.md, "SKTP and payments")."""
    run = PaymentRun.objects.filter(pk=run_id, state=Job.QUEUED).first()
    if run is not None:
        run_execute(run=run, now=timezone.now())
