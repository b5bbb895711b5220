"""Operator screens for users: their role and the organisation the role works for."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from sergur.accounts.models import User

ORGANISATION_FIELDS = ("role", "school", "supervised_schools", "district", "province", "rayon")


@admin.register(User)
class UserAdmin(DjangoUserAdmin[User]):
    """Users with their role and organisation (school, supervised schools, district or
    province)."""

    list_display = (
        "username",
        "first_name",
        "last_name",
        "role",
        "organisation",
        "supervised_count",
        "is_staff",
        "is_active",
    )
    list_filter = ("role", "is_staff", "is_active", "district", "province")
    list_select_related = ("school", "district", "province", "rayon")
    search_fields = ("username", "first_name", "last_name", "email")
    autocomplete_fields = ("school", "district", "province", "rayon")
    filter_horizontal = ("supervised_schools", "groups", "user_permissions")
    fieldsets = (
        *(DjangoUserAdmin.fieldsets or ()),
        (_("Role and organisation"), {"fields": ORGANISATION_FIELDS}),
    )
    add_fieldsets = (
        *(DjangoUserAdmin.add_fieldsets or ()),
        (_("Role and organisation"), {"fields": ORGANISATION_FIELDS}),
    )

    def get_queryset(self, request: HttpRequest) -> QuerySet[User]:
        """The number of supervised schools comes with each row."""
        return (
            super()
            .get_queryset(request)
            .annotate(supervised_total=Count("supervised_schools", distinct=True))
        )

    @admin.display(description=_("organisation"))
    def organisation(self, obj: User) -> str:
        """The school, district or province the role works for."""
        org = obj.school or obj.district or obj.province
        return str(org) if org is not None else "—"

    @admin.display(description=_("supervised schools"), ordering="supervised_total")
    def supervised_count(self, obj: User) -> int:
        """How many schools a supervisor covers."""
        return int(getattr(obj, "supervised_total", 0))
