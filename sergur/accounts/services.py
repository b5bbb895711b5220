"""Writes on users: every change goes through here."""

from __future__ import annotations

from django.db import transaction

from sergur.accounts.models import User


@transaction.atomic
def user_ensure(
    *,
    username: str,
    password: str,
    role: str,
    first_name: str = "",
    last_name: str = "",
    is_staff: bool = False,
    is_superuser: bool = False,
) -> User:
    """Create the user, or bring an existing one to exactly these values (idempotent)."""
    user = User.objects.filter(username=username).first() or User(username=username)
    user.role = role
    user.first_name = first_name
    user.last_name = last_name
    user.is_staff = is_staff
    user.is_superuser = is_superuser
    user.is_active = True
    user.set_password(password)
    user.full_clean()
    user.save()
    return user
