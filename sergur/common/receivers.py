"""The audit trail's listeners: signing in and out, failed and locked-out sign-ins (Django
and django-axes signals) and second-factor changes (`sergur.accounts.signals`), connected in
`CommonConfig.ready`. Neither the user name typed nor anything else personal is recorded:
a failed sign-in names the account's id when the name belongs to one."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed

from sergur.accounts.models import User
from sergur.accounts.signals import two_factor_changed
from sergur.common.audit import Action, audit_record

TWO_FACTOR_ACTIONS = {
    "enrolled": Action.TWO_FACTOR_ENROLLED,
    "removed": Action.TWO_FACTOR_REMOVED,
    "codes_regenerated": Action.TWO_FACTOR_CODES,
    "recovery_used": Action.TWO_FACTOR_RECOVERY_USED,
}


def _account(username: object) -> dict[str, Any]:
    """The account a typed user name belongs to, as the record's object (nothing if none)."""
    if not isinstance(username, str) or not username:
        return {}
    found = User.objects.filter(username=username).values_list("pk", "district_id").first()
    if found is None:
        return {}
    return {"object_kind": "user", "object_id": found[0], "district_id": found[1]}


def signed_in(sender: Any, request: Any, user: User, **kwargs: Any) -> None:
    """A successful sign-in (the password step)."""
    audit_record(
        action=Action.SIGNIN, user=user, request=request, object_kind="user", object_id=user.pk
    )


def signed_out(sender: Any, request: Any, user: User | None, **kwargs: Any) -> None:
    """A sign-out (or a session ended for idleness)."""
    if user is not None:
        audit_record(action=Action.SIGNOUT, user=user, request=request)


def sign_in_failed(sender: Any, credentials: dict[str, Any], request: Any, **kwargs: Any) -> None:
    """A wrong password or a refused sign-in: by nobody, on the account named if it exists."""
    audit_record(
        action=Action.SIGNIN_FAILED,
        user=None,
        request=request,
        **_account(credentials.get("username")),
    )


def locked_out(sender: Any, request: Any, username: Any, **kwargs: Any) -> None:
    """django-axes locked an account or an address out after too many failures."""
    audit_record(action=Action.SIGNIN_LOCKED, user=None, request=request, **_account(username))


def second_factor_changed(sender: Any, user: User, change: str, **kwargs: Any) -> None:
    """An authenticator enrolled or removed, recovery codes made anew or one used."""
    audit_record(
        action=TWO_FACTOR_ACTIONS[change], user=user, object_kind="user", object_id=user.pk
    )


def connect() -> None:
    """Connect the listeners once (from `CommonConfig.ready`)."""
    from axes.signals import user_locked_out

    user_logged_in.connect(signed_in, dispatch_uid="sergur-audit-signin")
    user_logged_out.connect(signed_out, dispatch_uid="sergur-audit-signout")
    user_login_failed.connect(sign_in_failed, dispatch_uid="sergur-audit-signin-failed")
    user_locked_out.connect(locked_out, dispatch_uid="sergur-audit-locked-out")
    two_factor_changed.connect(second_factor_changed, dispatch_uid="sergur-audit-2fa")
