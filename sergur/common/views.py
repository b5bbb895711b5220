"""The audit page (the district's records for its officers, every record for the ministry) and
the shared filter of the worklists."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from sergur.common.filters import list_filters_post
from sergur.common.forms import AuditFilterForm
from sergur.common.http import AuthenticatedHttpRequest, form_error_messages
from sergur.common.selectors import (
    AuditFilter,
    audit_record_filter,
    audit_record_list_for_user,
    audit_record_page,
)
from sergur.common.worklists import worklist_get


@require_safe
@never_cache
@login_required
def audit_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The records the user may read, newest first, narrowed by the filter, a page at a time."""
    records = audit_record_list_for_user(user=request.user)
    form = AuditFilterForm(request.GET or None)
    before = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        where = AuditFilter(
            date_from=data["date_from"],
            date_to=data["date_to"],
            action=data["action"],
            actor_id=data["actor"],
            object_kind=data["object_kind"],
            object_id=data["object_id"],
        )
        records = audit_record_filter(records, where=where, tz=timezone.get_current_timezone())
        before = data["before"]
    page = audit_record_page(records, before=before) if not form.errors else None
    context = {
        "form": form,
        "errors": form_error_messages(form, labelled=True),
        "page": page,
        "older_query": _older_query(request, page.older_than) if page else "",
    }
    return render(request, "common/audit_list.html", context, status=400 if form.errors else 200)


def _older_query(request: AuthenticatedHttpRequest, older_than: int | None) -> str:
    if older_than is None:
        return ""
    query = request.GET.copy()
    query["before"] = str(older_than)
    return query.urlencode()


@require_POST
@login_required
def worklist_filter(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Remember a worklist's search, filters and sort (posted, so that a name typed into the
    search never reaches a URL or an access log: sergur/common/worklists.py) and go back to
    the list; `clear` forgets them; an invalid filter is refused with its message."""
    worklist = worklist_get(request.POST.get("list", ""))
    if worklist is None:
        raise Http404
    reader = request.user
    form = worklist.form(request.POST, blind=worklist.blind_for(reader), reader=reader)
    return list_filters_post(request, key=worklist.key, form=form, back=reverse(worklist.url_name))
