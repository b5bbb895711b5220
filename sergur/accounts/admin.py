"""Operator screens for users."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from sergur.accounts.models import User


@admin.register(User)
class UserAdmin(DjangoUserAdmin[User]):
    """Users with their role."""

    list_display = ("username", "first_name", "last_name", "role", "is_staff")
    list_filter = ("role", "is_staff", "is_active")
    fieldsets = (*(DjangoUserAdmin.fieldsets or ()), ("sergur", {"fields": ("role",)}))
