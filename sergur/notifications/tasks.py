"""Background tasks of the notifications (Celery; inline in the embedded default)."""

from __future__ import annotations

from celery import shared_task
from django.utils import timezone

from sergur.notifications.models import Kind
from sergur.notifications.services import notices_about, notices_about_each, notices_make


@shared_task(name="notifications.make", ignore_result=True)
def notices_make_task(event_ids: list[int]) -> None:
    """Make and send the messages of these case events (docs/notifications.md)."""
    notices_make(event_ids=event_ids, now=timezone.now())


@shared_task(name="notifications.about", ignore_result=True)
def notices_about_task(kind: str, user_ids: list[int], subject: str, link: str, key: str) -> None:
    """Make and send the messages about a subject that is not a case (docs/notifications.md,
    "How an app adds a kind")."""
    notices_about(
        kind=Kind(kind), user_ids=user_ids, subject=subject, link=link, key=key, now=timezone.now()
    )


@shared_task(name="notifications.about_each", ignore_result=True)
def notices_about_each_task(kind: str, pairs: list[list[object]], link: str, key: str) -> None:
    """Make and send messages about a subject that is not a case, each person's with its own
    subject (`pairs`: [user id, subject]; docs/notifications.md)."""
    notices_about_each(
        kind=Kind(kind),
        subjects={int(str(user)): str(subject) for user, subject in pairs},
        link=link,
        key=key,
        now=timezone.now(),
    )
