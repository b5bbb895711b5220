from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from sergur.notifications.models import Notification


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin[Notification]):
    """The messages, read-only: the operator sees what was sent, never changes it."""

    list_display = (
        "pk",
        "recipient",
        "kind",
        "case",
        "subject",
        "created_at",
        "read_at",
        "emailed_at",
    )
    list_filter = ("kind",)
    readonly_fields = (
        "recipient",
        "kind",
        "case",
        "event",
        "subject",
        "link",
        "key",
        "created_at",
        "read_at",
        "emailed_at",
    )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
