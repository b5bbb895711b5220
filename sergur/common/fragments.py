"""Rendered parts of a page remembered per process, keyed by everything they show
(docs/portfolio.md, "What keeps the pages cheap").

A page marks a part `{% fragment key %}…{% endfragment %}` (sergur/common/templatetags/
fragments.py); its view computes `key` with `fragment_key` from the values the part reads,
always including the viewer. The same key in the same language and the same place of the same
template gives the HTML already rendered; any change of what the part shows changes the key,
so a write shows on the next page without anything to invalidate. Like the other per-process
memories of the pages (`portfolio_read`'s cleaned rows, the rows' URLs), it starts empty in
every process and after every deployment, and is emptied whole when it is full.

A part may hold forms: its CSRF tokens are rendered as a stand-in and each answer gets the
request's own token (masked afresh, as Django renders it), never the one of the request that
rendered the part first.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.utils.crypto import salted_hmac

FRAGMENTS_MAX = 2048
_FRAGMENTS: dict[tuple[str, ...], str] = {}


def fragment_key(*parts: Any) -> str:
    """A key for a fragment from the values it shows: their `repr`, hashed. Pass only values
    whose `repr` is their content (str, numbers, Decimal, dates, bools, None, tuples of
    them), never model instances or lazy strings."""
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()


def csrf_stand_in() -> str:
    """What a remembered fragment holds in place of a CSRF token: derived from the secret key,
    so no text typed into a page can be it; letters and digits only, so HTML leaves it as it
    is."""
    return (
        "csrf"
        + salted_hmac("sergur.common.fragments", "csrf-stand-in", algorithm="sha256").hexdigest()
    )


def fragment_get(key: tuple[str, ...]) -> str | None:
    """The fragment remembered under `key`, if any."""
    return _FRAGMENTS.get(key)


def fragment_put(key: tuple[str, ...], html: str) -> None:
    """Remember a rendered fragment (the memory is emptied whole when it is full)."""
    if len(_FRAGMENTS) >= FRAGMENTS_MAX:
        _FRAGMENTS.clear()
    _FRAGMENTS[key] = html


def fragments_clear() -> None:
    """Forget every fragment (tests)."""
    _FRAGMENTS.clear()
