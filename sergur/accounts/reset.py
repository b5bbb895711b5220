"""The password reset by e-mail (Django's own views) and its throttle (docs/security.md).

A reset request is counted per client address and per e-mail address, in the shared cache
(as the sign-in lockout counts), whether or not an account has that e-mail: the answer never
tells whether an account exists. Only hashes of the two addresses are kept.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from sergur.accounts.client import client_address


def _count(key: str, window: int) -> int:
    cache.add(key, 0, window)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        return 1


def _key(kind: str, value: str) -> str:
    return f"password-reset:{kind}:" + hashlib.sha256(value.encode()).hexdigest()[:32]


def password_reset_throttled(request: HttpRequest, *, email: str) -> bool:
    """Count one reset request from this client for this e-mail; True once either has asked
    more than SERGUR_PASSWORD_RESET_LIMIT times within the sign-in cool-off."""
    window = settings.SERGUR_SIGNIN_COOLOFF_MINUTES * 60
    limit = settings.SERGUR_PASSWORD_RESET_LIMIT
    by_address = _count(_key("address", client_address(request)), window)
    by_email = _count(_key("email", email.strip().lower()), window)
    return by_address > limit or by_email > limit
