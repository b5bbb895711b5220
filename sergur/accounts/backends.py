"""The sign-in throttle in front of the password check (django-axes, docs/security.md)."""

from __future__ import annotations

from typing import Any

from axes.backends import AxesStandaloneBackend
from django.http import HttpRequest


class SignInThrottleBackend(AxesStandaloneBackend):  # type: ignore[misc]
    """Refuses a sign-in while its account or its client address is locked out.

    Every sign-in over the web passes its request (Django's LoginView does); a check without
    one (the test client's `login()`, code in a shell) has no address to count and is let
    through to the password check, where django-axes would otherwise raise."""

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> None:
        """Raise PermissionDenied when locked out; never signs anyone in itself."""
        if request is None:
            return None
        return super().authenticate(  # type: ignore[no-any-return]
            request, username=username, password=password, **kwargs
        )
