"""Operator screens for verification, read-only: the verdicts and the completed stages are
history, written by the verification services only."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import models
from django.http import HttpRequest

from sergur.verification.models import DocumentVerdict, StageReview

CASE_RELATED = ("case", "case__teacher", "case__programme_year")


class ReadOnlyAdmin[M: models.Model](admin.ModelAdmin[M]):
    """An admin that shows and never writes."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        """Rows are added by the services only."""
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        """History is never changed."""
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        """History is never deleted."""
        return False


@admin.register(DocumentVerdict)
class DocumentVerdictAdmin(ReadOnlyAdmin[DocumentVerdict]):
    """Every verdict recorded on a document, by stage."""

    list_display = ("case", "code", "stage", "verdict", "decided_by", "decided_at")
    list_filter = ("stage", "verdict")
    list_select_related = (*CASE_RELATED, "decided_by")
    search_fields = ("case__teacher__name", "code")
    date_hierarchy = "decided_at"


@admin.register(StageReview)
class StageReviewAdmin(ReadOnlyAdmin[StageReview]):
    """Every completed stage: passed on or returned, with its findings."""

    list_display = ("case", "stage", "outcome", "documents", "completed_by", "completed_at")
    list_filter = ("stage", "outcome")
    list_select_related = (*CASE_RELATED, "completed_by")
    search_fields = ("case__teacher__name",)
    date_hierarchy = "completed_at"
