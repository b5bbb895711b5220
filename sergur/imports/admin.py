"""Admin of imports: read-only; batches are made and applied through the import pages."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from sergur.imports.models import ImportBatch, ImportProblem


class ReadOnlyAdmin[M: Any](admin.ModelAdmin[M]):
    """Shows rows; never adds, changes or deletes them."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(ImportBatch)
class ImportBatchAdmin(ReadOnlyAdmin[ImportBatch]):
    """Uploaded files of teacher master data and their outcome."""

    list_display = (
        "pk",
        "original_name",
        "created_by",
        "district",
        "created_at",
        "status",
        "mode",
        "rows_total",
        "rows_invalid",
        "rows_created",
        "rows_updated",
    )
    list_filter = ("status", "mode", "kind")
    list_select_related = ("created_by", "district")


@admin.register(ImportProblem)
class ImportProblemAdmin(ReadOnlyAdmin[ImportProblem]):
    """Problems found in import files (line, column, code)."""

    list_display = ("batch", "line", "column", "code", "warning")
    list_filter = ("warning", "code")
    list_select_related = ("batch",)
