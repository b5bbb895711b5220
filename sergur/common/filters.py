"""List filters that may hold a person's name: posted, kept in the session, never in a URL.

A GET form puts what is typed into the query string, and web servers and proxies write query
strings to their access logs; a teacher's name typed into a search would end up there (UU
27/2022; docs/privacy.md, "Names never in URLs"). So a list's filter form posts to a small view
that remembers the valid filters in the session under the list's key and redirects back to
the list (post/redirect/get); the list reads them from the session. Page links carry only
`page`.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.http import HttpRequest

SESSION_KEY = "sergur_list_filters"


def list_filters_recall(request: HttpRequest, *, key: str) -> dict[str, str]:
    """The filters remembered for the list `key` (empty when none)."""
    stored = request.session.get(SESSION_KEY, {})
    filters = stored.get(key, {}) if isinstance(stored, dict) else {}
    return {str(name): str(value) for name, value in filters.items()}


def list_filters_remember(request: HttpRequest, *, key: str, filters: Mapping[str, str]) -> None:
    """Remember the non-empty filters for the list `key`; none at all forgets the list's."""
    stored = request.session.get(SESSION_KEY, {})
    stored = dict(stored) if isinstance(stored, dict) else {}
    kept = {name: value for name, value in filters.items() if value}
    if kept:
        stored[key] = kept
    else:
        stored.pop(key, None)
    request.session[SESSION_KEY] = stored
