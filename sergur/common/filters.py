"""List filters that may hold a person's name: posted, kept in the session, never in a URL.

A GET form puts what is typed into the query string, and web servers and proxies write query
strings to their access logs; a teacher's name typed into a search would end up there (UU
27/2022; docs/privacy.md, "Names never in URLs"). So a list's filter form posts to a small view
that remembers the valid filters in the session under the list's key and redirects back to
the list (post/redirect/get); the list reads them from the session. Page links carry only
`page`.

`list_filters_post` is that small view's body, one for every list: `clear` forgets, valid
filters are remembered, an invalid one is refused with its field's name (the filters stay as
they were), and the reader goes back to the list.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.contrib import messages
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponseRedirect

from sergur.common.http import form_error_messages

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


def list_filters_post(
    request: HttpRequest, *, key: str, form: BaseForm, back: str
) -> HttpResponseRedirect:
    """Remember the filters posted in `form` for the list `key` (all forgotten when the post
    has `clear`) and go `back` to the list; an invalid filter is refused with its field's
    label in an error message, and the remembered filters stay as they were."""
    if "clear" in request.POST:
        list_filters_remember(request, key=key, filters={})
    elif form.is_valid():
        filters = {name: str(value or "").strip() for name, value in form.cleaned_data.items()}
        list_filters_remember(request, key=key, filters=filters)
    else:
        for message in form_error_messages(form, labelled=True):
            messages.error(request, message)
    return HttpResponseRedirect(back)
