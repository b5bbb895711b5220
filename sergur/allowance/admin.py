"""The allowance's records in the admin, read-mostly (writes go through the pages' services)."""

from __future__ import annotations

from django.contrib import admin

from sergur.allowance.models import Linearity, MinisterApproval, SemesterEligibility


@admin.register(SemesterEligibility)
class SemesterEligibilityAdmin(admin.ModelAdmin[SemesterEligibility]):
    list_display = ["teacher", "semester", "eligible", "hours", "computed_at"]
    list_filter = ["semester", "eligible", "district"]
    raw_id_fields = ["teacher", "school"]


@admin.register(MinisterApproval)
class MinisterApprovalAdmin(admin.ModelAdmin[MinisterApproval]):
    list_display = ["letter_number", "teacher", "first_semester", "last_semester"]
    raw_id_fields = ["teacher"]


@admin.register(Linearity)
class LinearityAdmin(admin.ModelAdmin[Linearity]):
    list_display = ["certified", "taught", "note"]
