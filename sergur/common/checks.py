"""System checks of the shared plumbing: the signing keys are read at start, so that a
deployment with unusable keys fails before its first receipt (docs/security.md)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, register

from sergur.common.signing import SigningKeyError, keys_parse


@register()
def signing_keys_check(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """Keys given in SERGUR_SIGNING_KEYS(_FILE) must be Ed25519 PEM keys (the embedded key
    file is made on first use and checked then)."""
    text = str(getattr(settings, "SERGUR_SIGNING_KEYS", ""))
    if not text:
        return []
    try:
        keys_parse(text, source="SERGUR_SIGNING_KEYS")
    except SigningKeyError as error:
        return [Error(str(error), id="sergur.E001")]
    return []
