"""Operator screens for cases: read-only. A case changes state only through the services
(`case_open`, `case_transition`), which write the event log; an admin form would bypass both."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from sergur.cases.models import Case, CaseEvent


class CaseEventInline(admin.TabularInline[CaseEvent, Case]):
    """The case's append-only log, oldest first."""

    model = CaseEvent
    extra = 0
    can_delete = False
    fields = ("at", "actor", "kind", "from_state", "to_state", "reason", "data")
    readonly_fields = fields
    ordering = ("at", "pk")

    def get_queryset(self, request: HttpRequest) -> QuerySet[CaseEvent]:
        """Each row names its actor."""
        return super().get_queryset(request).select_related("actor")

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        """Events are written by the services only."""
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        """Events are never changed."""
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        """Events are never deleted."""
        return False


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin[Case]):
    """Cases with their state and log, to look up, never to edit."""

    list_display = ("participant_number", "teacher", "programme_year", "state", "updated_at")
    list_filter = ("state", "programme_year")
    list_select_related = ("teacher", "programme_year")
    search_fields = ("participant_number", "teacher__name", "teacher__nuptk")
    fields = (
        "teacher",
        "programme_year",
        "participant_number",
        "state",
        "created_at",
        "updated_at",
    )
    readonly_fields = fields
    inlines = (CaseEventInline,)

    def has_add_permission(self, request: HttpRequest) -> bool:
        """Cases are opened by `case_open`, which logs the opening."""
        return False

    def has_change_permission(self, request: HttpRequest, obj: Case | None = None) -> bool:
        """States change only through the services, which log every change."""
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Case | None = None) -> bool:
        """A case and its log are kept."""
        return False
