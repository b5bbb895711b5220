"""Background tasks of the notifications (Celery; inline in the embedded default)."""

from __future__ import annotations

from celery import shared_task
from django.utils import timezone

from sergur.notifications.services import notices_make


@shared_task(name="notifications.make", ignore_result=True)
def notices_make_task(event_ids: list[int]) -> None:
    """Make and send the messages of these case events (docs/notifications.md)."""
    notices_make(event_ids=event_ids, now=timezone.now())
