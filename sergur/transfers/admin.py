"""Transfers in the admin: read-only (every step goes through the services and the pages)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from sergur.transfers.models import Transfer, TransferStep


class TransferStepInline(admin.TabularInline[TransferStep, Transfer]):
    model = TransferStep
    extra = 0
    fields = ("at", "kind", "actor", "by_province", "reason")
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Transfer)
class TransferAdmin(admin.ModelAdmin[Transfer]):
    list_display = ("pk", "origin", "destination", "state", "requested_at")
    list_filter = ("state",)
    list_select_related = ("origin", "destination")
    inlines = [TransferStepInline]
    readonly_fields = (
        "teacher",
        "origin",
        "destination",
        "school",
        "state",
        "reason",
        "requested_by",
        "requested_at",
        "updated_at",
    )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
