"""What every teacher page shares: the signed-in request, access to the case (404 when it may
not be seen, 403 for a write by anyone but its teacher), the rows and files of the portfolio
already read, and the answer to an htmx request."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from sergur.cases.models import Case
from sergur.cases.selectors import CaseRights, case_get_for_user, case_rights
from sergur.common.http import AuthenticatedHttpRequest
from sergur.portfolios.models import Evidence
from sergur.portfolios.sections import BY_KEY, Section
from sergur.portfolios.selectors import Portfolio, Row

TEMPLATES = "portfolios/teacher"
CONFIRM_TEMPLATE = f"{TEMPLATES}/confirm_delete.html"


def case_and_rights(request: AuthenticatedHttpRequest, pk: int) -> tuple[Case, CaseRights]:
    """The case the user may see (else 404) and what they may do on it."""
    case = case_get_for_user(user=request.user, pk=pk)
    return case, case_rights(user=request.user, case=case)


def require_owner(rights: CaseRights) -> None:
    """Only the case's own teacher writes (case_rights.edit_portfolio); everyone else who can
    see the case gets 403. A submitted case stays its teacher's: the services refuse a change
    with their own message (LOCKED), which the page shows."""
    if not (rights.edit_portfolio or rights.is_owner):
        raise PermissionDenied


def section_or_404(portfolio: Portfolio, key: str) -> Section:
    """A table of this teacher's instrument; 404 for any other key."""
    section = BY_KEY.get(key)
    if section is None or portfolio.role not in section.roles:
        raise Http404
    return section.for_role(portfolio.role)


def row_or_404(portfolio: Portfolio, entry_id: int) -> Row:
    """One row of the portfolio (404 otherwise), tied to the case already read."""
    row = portfolio.row(entry_id)
    row.entry.case = portfolio.case
    return row


def evidence_or_404(portfolio: Portfolio, evidence_id: int) -> tuple[Row, Evidence]:
    """One file of the portfolio and its row; 404 when it is not part of it."""
    for rows in portfolio.rows.values():
        for row in rows:
            for file in row.evidence:
                if file.pk == evidence_id:
                    file.case = portfolio.case
                    row.entry.case = portfolio.case
                    return row, file
    raise Http404


def fragment_only(request: AuthenticatedHttpRequest) -> bool:
    """htmx asked for a fragment (not a boosted page load)."""
    return bool(request.htmx) and not request.htmx.boosted


def section_url(case: Case, section: Section, entry_id: int | None = None) -> str:
    """The table's page, at a row when one is given."""
    url = reverse("portfolios:section", kwargs={"pk": case.pk, "section": section.key})
    return f"{url}#row-{entry_id}" if entry_id is not None else url


def local_datetime(value: Any) -> str:
    """A moment as the reader's language writes it, in the server's time zone."""
    return date_format(timezone.localtime(value), "DATETIME_FORMAT")
