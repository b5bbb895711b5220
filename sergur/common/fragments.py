"""Rendered parts of a page remembered per process, keyed by everything they show
(docs/portfolio.md, "What keeps the pages cheap").

A page marks a part `{% fragment key %}…{% endfragment %}` (sergur/common/templatetags/
fragments.py); its view computes `key` with `fragment_key` from the values the part reads,
always including the viewer. The same key in the same language and the same place of the same
template gives the HTML already rendered; any change of what the part shows changes the key,
so a write shows on the next page without anything to invalidate. Like the other per-process
memories of the pages (`portfolio_read`'s cleaned rows, the rows' URLs), it starts empty in
every process and after every deployment. The memory is Django's per-process cache
(`LocMemCache`, the `fragments` alias in config/settings/base.py: at most 2,048 parts, the
least recently used dropped first), not the shared default cache: a part is cheaper to render
again than to fetch from the database cache.

A part may hold forms: its CSRF tokens are rendered as a stand-in and each answer gets the
request's own token (masked afresh, as Django renders it), never the one of the request that
rendered the part first. That is why this is not Django's own `{% cache %}` tag, which keeps
the HTML exactly as first rendered, token included; the store under it is Django's cache all
the same.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.core.cache import caches
from django.utils.crypto import salted_hmac

FRAGMENTS_CACHE = "fragments"


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


def _cache_key(key: tuple[str, ...]) -> str:
    return hashlib.sha256(repr(key).encode("utf-8")).hexdigest()


def fragment_get(key: tuple[str, ...]) -> str | None:
    """The fragment remembered under `key`, if any."""
    html = caches[FRAGMENTS_CACHE].get(_cache_key(key))
    return html if isinstance(html, str) else None


def fragment_put(key: tuple[str, ...], html: str) -> None:
    """Remember a rendered fragment (the least recently used go first when the cache is
    full)."""
    caches[FRAGMENTS_CACHE].set(_cache_key(key), html, timeout=None)


def fragments_clear() -> None:
    """Forget every fragment (tests)."""
    caches[FRAGMENTS_CACHE].clear()
