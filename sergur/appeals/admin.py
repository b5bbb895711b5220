"""Operator screen for appeals, read-only, for support: every write goes through the appeal
services, which check the window, the reviewer's independence and who decides."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from sergur.appeals.models import Appeal


@admin.register(Appeal)
class AppealAdmin(admin.ModelAdmin[Appeal]):
    """Appeals with their status and outcome; nothing is written here."""

    list_display = ("case", "rayon", "filed_at", "reviewer", "outcome", "new_code", "decided_at")
    list_filter = ("rayon", "outcome")
    search_fields = ("case__teacher__name",)
    readonly_fields = [field.name for field in Appeal._meta.fields]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Appeal]:
        """With what the list shows (case, teacher, year, rayon, reviewer) in one query."""
        return (
            super()
            .get_queryset(request)
            .select_related(
                "case", "case__teacher", "case__programme_year", "rayon", "reviewer__user"
            )
        )

    def has_add_permission(self, request: HttpRequest) -> bool:
        """Appeals are filed by the teacher through `appeal_file` only."""
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        """Appeals change through the services only."""
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        """Appeals are part of the case's record."""
        return False
