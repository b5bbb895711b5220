"""Operator screens for the assessment. The register (assessors and their declared
relationships) may be edited here; everything else is written by the services, which log
every change on the case, and is shown read-only."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from sergur.assessments.models import (
    Allocation,
    Assessor,
    BatchJob,
    Correction,
    DeclaredRelation,
    Reconciliation,
    Result,
    Sheet,
)


class ReadOnlyAdmin[M: Any](admin.ModelAdmin[M]):
    """Look up, never edit: the services are the only writers."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        """Written by the services only."""
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        """Never changed by hand."""
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        """Never deleted by hand."""
        return False


class RelationInline(admin.TabularInline[DeclaredRelation, Assessor]):
    """The assessor's declared relationships."""

    model = DeclaredRelation
    extra = 0
    raw_id_fields = ("teacher",)


@admin.register(Assessor)
class AssessorAdmin(admin.ModelAdmin[Assessor]):
    """The assessor register of every rayon."""

    list_display = ("number", "user", "rayon", "degree", "institution", "max_load", "active")
    list_filter = ("rayon", "degree", "active")
    list_select_related = ("user", "rayon")
    search_fields = ("number", "user__username", "user__first_name", "user__last_name")
    raw_id_fields = ("user", "home_school")
    filter_horizontal = ("subjects",)
    inlines = (RelationInline,)


@admin.register(DeclaredRelation)
class DeclaredRelationAdmin(admin.ModelAdmin[DeclaredRelation]):
    """Relationships assessors declared with teachers."""

    list_display = ("assessor", "teacher", "relation", "declared_at")
    list_select_related = ("assessor", "assessor__user", "teacher")
    search_fields = ("assessor__number", "teacher__name")
    raw_id_fields = ("assessor", "teacher")


@admin.register(Allocation)
class AllocationAdmin(ReadOnlyAdmin[Allocation]):
    """Assessors allocated to cases (reassign on the rayon's page, which logs it)."""

    list_display = ("case", "round", "slot", "assessor", "active", "assigned_at")
    list_filter = ("active", "slot", "round")
    list_select_related = ("case", "case__teacher", "case__programme_year", "assessor__user")
    search_fields = ("case__participant_number", "assessor__number")


@admin.register(Sheet)
class SheetAdmin(ReadOnlyAdmin[Sheet]):
    """Scoring sheets."""

    list_display = ("allocation", "total", "code", "submitted_at")
    list_filter = ("code",)
    list_select_related = (
        "allocation",
        "allocation__case",
        "allocation__case__teacher",
        "allocation__case__programme_year",
        "allocation__assessor__user",
    )
    search_fields = ("allocation__case__participant_number",)


class CorrectionInline(admin.TabularInline[Correction, Reconciliation]):
    """The corrections of a reconciliation."""

    model = Correction
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        """Corrections are appended by the service only."""
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        """Corrections are append-only."""
        return False


@admin.register(Reconciliation)
class ReconciliationAdmin(ReadOnlyAdmin[Reconciliation]):
    """Reconciliations of two assessments."""

    list_display = ("case", "round", "mode", "opened_at", "resolved_at")
    list_filter = ("mode",)
    list_select_related = ("case", "case__teacher", "case__programme_year")
    search_fields = ("case__participant_number",)
    inlines = (CorrectionInline,)


@admin.register(Correction)
class CorrectionAdmin(ReadOnlyAdmin[Correction]):
    """Every corrected value, append-only."""

    list_display = ("reconciliation", "part", "line", "before", "after", "by", "at")
    list_select_related = (
        "reconciliation",
        "reconciliation__case",
        "reconciliation__case__teacher",
        "reconciliation__case__programme_year",
        "by",
    )


@admin.register(Result)
class ResultAdmin(ReadOnlyAdmin[Result]):
    """Decisions, current and superseded."""

    list_display = ("case", "round", "source", "code", "total", "current", "published_at")
    list_filter = ("code", "source", "current")
    list_select_related = ("case", "case__teacher", "case__programme_year")
    search_fields = ("case__participant_number",)


@admin.register(BatchJob)
class BatchJobAdmin(ReadOnlyAdmin[BatchJob]):
    """Background re-scoring jobs and their progress."""

    list_display = ("kind", "programme_year", "rayon", "state", "done", "total", "created_at")
    list_filter = ("state", "kind")
    list_select_related = ("programme_year", "rayon")
