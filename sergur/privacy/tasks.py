"""Background tasks of the privacy app (Celery; inline in the embedded default)."""

from __future__ import annotations

from celery import shared_task
from django.utils import timezone

from sergur.privacy.services import retention_apply


@shared_task(name="privacy.retention_apply", ignore_result=True)
def retention_apply_task() -> None:
    """Apply the retention rules as of today (docs/privacy.md; run it daily, e.g. from cron
    with `manage.py retention_apply` or from Celery beat)."""
    retention_apply(as_of=timezone.localdate())
