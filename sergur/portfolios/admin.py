"""Operator screens for portfolios, read-only, for support: entries, evidence, the
closed-envelope instruments (without their item scores) and submissions. Every write goes
through the portfolio services, which check the case's state and deadlines."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from sergur.portfolios.models import Entry, EnvelopeInstrument, Evidence, Submission

# Case.__str__ names the teacher and the programme year.
CASE_RELATED = ("case", "case__teacher", "case__programme_year")


class ReadOnlyAdmin[M: models.Model](admin.ModelAdmin[M]):
    """An admin that shows and never writes."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        """Rows are added by the services only."""
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        """Rows change through the services only."""
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        """Rows are removed through the services only."""
        return False


class EvidenceInline(admin.TabularInline[Evidence, Entry]):
    """The files of one entry (the file itself is downloaded from the case page, which
    checks who may see it)."""

    model = Evidence
    extra = 0
    can_delete = False
    fields = ("original_name", "content_type", "size", "sha256", "is_original", "uploaded_at")
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        """Files are added by `evidence_add` only."""
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        """Files are never edited."""
        return False


@admin.register(Entry)
class EntryAdmin(ReadOnlyAdmin[Entry]):
    """Portfolio rows as the teacher typed them."""

    list_display = ("__str__", "case", "section", "complete", "updated_at")
    list_filter = ("section", "complete")
    list_select_related = CASE_RELATED
    search_fields = ("case__participant_number", "case__teacher__name", "case__teacher__nuptk")
    fields = ("case", "section", "position", "values", "complete", "created_at", "updated_at")
    readonly_fields = fields
    inlines = (EvidenceInline,)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Entry]:
        """The case's title comes with each row."""
        return super().get_queryset(request).select_related(*CASE_RELATED)


@admin.register(Evidence)
class EvidenceAdmin(ReadOnlyAdmin[Evidence]):
    """Evidence files by case: name, type, size, hash and the original/copy flag."""

    list_display = ("original_name", "case", "entry", "content_type", "size", "is_original")
    list_filter = ("content_type", "is_original")
    list_select_related = (*CASE_RELATED, "entry")
    search_fields = ("original_name", "sha256", "case__participant_number", "case__teacher__name")
    fields = (
        "case",
        "entry",
        "original_name",
        "content_type",
        "size",
        "sha256",
        "is_original",
        "uploaded_at",
        "uploaded_by",
    )
    readonly_fields = fields

    def get_queryset(self, request: HttpRequest) -> QuerySet[Evidence]:
        """The case, entry and uploader come with each row."""
        return super().get_queryset(request).select_related(*CASE_RELATED, "entry", "uploaded_by")


@admin.register(EnvelopeInstrument)
class EnvelopeInstrumentAdmin(ReadOnlyAdmin[EnvelopeInstrument]):
    """Who filled and confirmed the closed-envelope instruments, and when. The item scores
    are closed-envelope data (their authors and later the assessors only): never shown."""

    list_display = (
        "case",
        "variant",
        "principal",
        "principal_confirmed_at",
        "supervisor",
        "supervisor_confirmed_at",
        "is_filled",
        "is_complete",
    )
    list_filter = ("variant",)
    list_select_related = (*CASE_RELATED, "principal", "supervisor")
    search_fields = ("case__participant_number", "case__teacher__name")
    exclude = ("observation_items", "superior_items")
    fields = (
        "case",
        "variant",
        "principal",
        "principal_confirmed_at",
        "supervisor",
        "supervisor_confirmed_at",
        "is_filled",
        "is_complete",
        "updated_at",
        "updated_by",
    )
    readonly_fields = fields

    def get_queryset(self, request: HttpRequest) -> QuerySet[EnvelopeInstrument]:
        """The case and both authors come with each row."""
        return (
            super()
            .get_queryset(request)
            .select_related(*CASE_RELATED, "principal", "supervisor", "updated_by")
        )

    @admin.display(description=_("every item scored"), boolean=True)
    def is_filled(self, obj: EnvelopeInstrument) -> bool:
        """Whether both instruments have a score for every item (not which scores)."""
        return obj.filled

    @admin.display(description=_("complete"), boolean=True)
    def is_complete(self, obj: EnvelopeInstrument) -> bool:
        """Filled and confirmed by both authors."""
        return obj.complete


@admin.register(Submission)
class SubmissionAdmin(ReadOnlyAdmin[Submission]):
    """Submissions and their signed receipt codes."""

    list_display = ("case", "submitted_at", "submitted_by", "content_hash")
    list_select_related = (*CASE_RELATED, "submitted_by")
    search_fields = ("case__participant_number", "case__teacher__name", "content_hash")
    date_hierarchy = "submitted_at"
    fields = ("case", "submitted_at", "submitted_by", "content_hash", "signature", "declaration")
    readonly_fields = fields

    def get_queryset(self, request: HttpRequest) -> QuerySet[Submission]:
        """The case and the submitter come with each row."""
        return super().get_queryset(request).select_related(*CASE_RELATED, "submitted_by")
