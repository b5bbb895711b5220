"""Django's active language, as the rules core names its languages."""

from __future__ import annotations

from django.utils.translation import get_language

from sergur.rules import Lang


def rules_lang() -> Lang:
    """The rules core's language for the active one: English for any `en*`, else Indonesian."""
    return "en" if (get_language() or "").startswith("en") else "id"
