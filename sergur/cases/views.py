"""Views of the case lists: the teachers whose cases a principal, supervisor, district
committee, quality office or operator follows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from sergur.cases.forms import CaseFilterForm
from sergur.cases.models import Case
from sergur.cases.selectors import (
    EnvelopeStatus,
    case_list_rows,
    envelope_scope,
)
from sergur.common.filters import list_filters_recall, list_filters_remember
from sergur.common.http import AuthenticatedHttpRequest, form_error_messages

PER_PAGE = 50
FILTERS = "cases"


@dataclass(frozen=True)
class CaseRow:
    """One line of the list: the annotated case and whether the user fills its envelope."""

    case: Case
    envelope_role: str | None

    @property
    def envelope_label(self) -> str:
        """The envelope's status in words."""
        return str(EnvelopeStatus(getattr(self.case, "envelope_status", "")).label)


@require_safe
@login_required
def case_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The cases the user follows, filtered and paginated; a teacher with one case goes
    straight to it. The number of queries does not grow with the number of rows."""
    user = request.user
    # The filters come from the session (a name never travels in the URL: common/filters.py).
    remembered = list_filters_recall(request, key=FILTERS)
    form = CaseFilterForm(remembered or None, envelope_choices=EnvelopeStatus.choices)
    filters = form.filters()
    rows = case_list_rows(user=user, **filters)
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    cases = list(page.object_list)
    only_own = page.paginator.count == 1 and cases[0].teacher.user_id == user.pk
    if only_own and not any(filters.values()):
        # A list that holds only the user's own case (a teacher's): go straight to it.
        return redirect("portfolios:case", pk=cases[0].pk)
    scope = envelope_scope(user=user)
    context: dict[str, Any] = {
        "form": form,
        "filtered": any(filters.values()),
        "page": page,
        "rows": [CaseRow(case, scope.role_for(case)) for case in cases],
        "fills_envelopes": scope.role is not None,
        "now": timezone.now(),
    }
    return render(request, "cases/list.html", context)


@require_POST
@login_required
def case_list_filter(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Remember the list's filters (posted, so that a teacher's name never reaches a URL or
    an access log) and go back to the list; `clear` forgets them, an invalid filter is
    refused with its message and the filters stay as they were."""
    form = CaseFilterForm(request.POST, envelope_choices=EnvelopeStatus.choices)
    if "clear" in request.POST:
        list_filters_remember(request, key=FILTERS, filters={})
    elif form.is_valid():
        list_filters_remember(request, key=FILTERS, filters=form.filters())
    else:
        for message in form_error_messages(form, labelled=True):
            messages.error(request, message)
    return redirect("cases:list")
