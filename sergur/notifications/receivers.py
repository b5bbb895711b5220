"""The case log's new events reach the notifications through a signal: the message is made by
the background worker after the writer's transaction commits, never inside the request."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from sergur.cases.models import CaseEvent
from sergur.notifications.selectors import WHO


def on_events_logged(sender: Any, events: list[CaseEvent], **kwargs: Any) -> None:
    """Queue the events that concern someone, once the transaction commits."""
    from sergur.notifications.tasks import notices_make_task

    ids = [event.pk for event in events if event.kind in WHO and event.pk is not None]
    if ids:
        transaction.on_commit(lambda: notices_make_task.delay(ids))
