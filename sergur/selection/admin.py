"""Operator screens for selection: read-only. Runs, allocations and moves change only through
the services, which keep the numbers unique and log every move."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from sergur.selection.models import (
    QuotaAllocation,
    QuotaMove,
    SelectionEntry,
    SelectionRun,
    SkLetter,
)


class ReadOnlyAdmin[M: Any](admin.ModelAdmin[M]):
    """Look up, never edit: the services are the only writers."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        """Written by the services only."""
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        """Never changed by hand."""
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        """Never deleted by hand."""
        return False


@admin.register(SelectionRun)
class SelectionRunAdmin(ReadOnlyAdmin[SelectionRun]):
    """The districts' selection runs."""

    list_display = ("district", "programme_year", "quota", "eligible", "selected", "created_at")
    list_filter = ("programme_year",)
    list_select_related = ("district", "programme_year")


@admin.register(SelectionEntry)
class SelectionEntryAdmin(ReadOnlyAdmin[SelectionEntry]):
    """Every teacher of every run, with rank and participant number."""

    list_display = ("participant_number", "teacher", "programme_year", "position", "selected")
    list_filter = ("programme_year", "selected", "eligible")
    list_select_related = ("teacher", "programme_year")
    search_fields = ("participant_number", "teacher__name")
    raw_id_fields = ("run", "teacher", "school")


@admin.register(QuotaAllocation)
class QuotaAllocationAdmin(ReadOnlyAdmin[QuotaAllocation]):
    """The quota per district and school level."""

    list_display = ("district", "school_level", "programme_year", "eligible", "quota", "filled")
    list_filter = ("programme_year", "school_level", "province")
    list_select_related = ("district", "programme_year")


@admin.register(QuotaMove)
class QuotaMoveAdmin(ReadOnlyAdmin[QuotaMove]):
    """The append-only log of moved quota."""

    list_display = ("created_at", "from_district", "to_district", "school_level", "places")
    list_filter = ("programme_year",)
    list_select_related = ("from_district", "to_district")


@admin.register(SkLetter)
class SkLetterAdmin(ReadOnlyAdmin[SkLetter]):
    """The SKs' numbers and signatories, as the district committees recorded them."""

    list_display = ("number", "district", "programme_year", "signed_on", "signatory_name")
    list_filter = ("programme_year",)
    list_select_related = ("district", "programme_year")
