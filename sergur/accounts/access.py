"""Who is acting, for every app's access helpers (`*_scope`, `*_get_for_user`): one answer
to "is this a signed-in, active account of ours?", so that no app's check forgets a part of
it (docs/security.md, "The access matrix", tests every page against it)."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser

from sergur.accounts.models import User


def acting_user(user: User | AnonymousUser) -> User | None:
    """The account when it is signed in and active; None for a visitor or a deactivated
    account (who then sees nothing)."""
    if not isinstance(user, User) or not user.is_authenticated or not user.is_active:
        return None
    return user
