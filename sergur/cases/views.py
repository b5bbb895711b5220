"""Views of the case lists: the teachers whose cases a principal, supervisor, district
committee, quality office or operator follows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_safe

from sergur.cases.models import Case
from sergur.cases.selectors import (
    CASE_WORKLIST,
    EnvelopeStatus,
    case_list_rows,
    envelope_scope,
    identity_hidden,
)
from sergur.common.http import AuthenticatedHttpRequest
from sergur.common.worklists import worklist_read


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
    """The cases the user follows, searched, filtered, sorted and paged (the filters come
    from the session: sergur/common/worklists.py); a teacher with one case goes straight to
    it. The number of queries does not grow with the number of rows."""
    user = request.user
    now = timezone.now()
    listing = worklist_read(request, CASE_WORKLIST, case_list_rows(user=user), now=now)
    page = listing.page
    cases = list(page.object_list)
    only_own = page.paginator.count == 1 and cases[0].teacher.user_id == user.pk
    if only_own and not listing.filtered:
        # A list that holds only the user's own case (a teacher's): go straight to it.
        return redirect("portfolios:case", pk=cases[0].pk)
    scope = envelope_scope(user=user)
    context: dict[str, Any] = {
        "listing": listing,
        "form": listing.form,
        "filtered": listing.filtered,
        "page": page,
        "rows": [CaseRow(case, scope.role_for(case)) for case in cases],
        "fills_envelopes": scope.role is not None,
        "blind": identity_hidden(user),
        "now": now,
    }
    return render(request, "cases/list.html", context)
