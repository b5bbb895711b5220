"""Admin: certificates, NRGs and status changes are read here; every write goes through the
services (a status change has a reason, an NRG is never changed)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from sergur.certificates.models import Certificate, IssueJob, Nrg, StatusChange


class ReadOnlyAdmin(admin.ModelAdmin[Any]):
    """Shown, never written in the admin."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Certificate)
class CertificateAdmin(ReadOnlyAdmin):
    list_display = ("number", "subject_code", "status", "issued_on")
    list_filter = ("status", "year", "rayon")
    search_fields = ("number",)


@admin.register(Nrg)
class NrgAdmin(ReadOnlyAdmin):
    list_display = ("number", "year", "issued_at")
    search_fields = ("number",)


@admin.register(StatusChange)
class StatusChangeAdmin(ReadOnlyAdmin):
    list_display = ("certificate", "from_status", "to_status", "at")


@admin.register(IssueJob)
class IssueJobAdmin(ReadOnlyAdmin):
    list_display = ("programme_year", "rayon", "state", "done", "total", "created_at")
