"""One table of the instrument: shown as Buku II prints it (rows read-only), a row opened for
editing on demand, added, saved as typed, or deleted after a confirmation."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from sergur.cases.selectors import CaseRights
from sergur.common.fragments import fragment_key
from sergur.common.http import AuthenticatedHttpRequest, error_messages, messages_error
from sergur.portfolios.forms import EntryForm, EvidenceForm
from sergur.portfolios.sections import Section
from sergur.portfolios.selectors import Portfolio, Row, portfolio_content, portfolio_read
from sergur.portfolios.services import TABLE_FULL, entry_save
from sergur.portfolios.services import entry_delete as entry_delete_service
from sergur.portfolios.views.teacher import rows as layout
from sergur.portfolios.views.teacher.common import (
    CONFIRM_TEMPLATE,
    TEMPLATES,
    case_and_rights,
    fragment_only,
    require_owner,
    row_or_404,
    section_or_404,
    section_url,
)

SECTION_TEMPLATE = f"{TEMPLATES}/section.html"

EMPTY_ROW = _("Fill in at least one column to add a row.")
ROW_ADDED = _("Row %(label)s added.")
ROW_SAVED = _("Row %(label)s saved.")
ROW_SAVED_INCOMPLETE = _("Row %(label)s saved, but it is not complete yet: see the marked columns.")
ROW_DELETED = _("Row %(label)s and its files were deleted.")
# The words every row of the table repeats, translated once per page rather than once per row
# in the template (issue 14 item 11).
ROW_WORDS = {
    "edit": _("Edit"),
    "evidence_code": _("Evidence code"),
    "state": _("State"),
    "complete": _("complete"),
    "incomplete": _("incomplete"),
    "original": _("original"),
    "legalised_copy": _("legalised copy"),
    "delete": _("Delete"),
    "no_file": _("no file yet"),
    "upload": _("Upload"),
    "uploading": _("Uploading…"),
    "upload_refused": _(
        "The file was not added: the server refused the request. Reload the page and try again."
    ),
    "upload_offline": _(
        "The file was not sent: no connection. Nothing else was lost; try again when the "
        "connection is back."
    ),
}
FILE_TYPES = _("PDF, JPEG or PNG, at most %(limit)s")


def section_context(
    portfolio: Portfolio,
    section: Section,
    rights: CaseRights,
    *,
    add: EntryForm | None = None,
    add_errors: list[str] | None = None,
    upload_for: int | None = None,
    upload: EvidenceForm | None = None,
    upload_errors: list[str] | None = None,
    editing: int | None = None,
    typed: Any = None,
) -> dict[str, Any]:
    """Everything the table's page and its fragments show: every row read-only but the one
    being edited (`editing`, bound to what was `typed` when that could not be stored)."""
    editable = rights.edit_portfolio
    rows = []
    for row in portfolio.section_rows(section.key):
        mine = row.entry.pk == upload_for
        opened = row.entry.pk == editing
        rows.append(
            layout.row_view(
                section,
                row,
                editable=editable,
                upload=upload if mine else None,
                upload_errors=upload_errors if mine else None,
                editing=opened,
                typed=typed if opened else None,
            )
        )
    summary = layout.table_summary(portfolio, section)
    max_bytes = settings.SERGUR_EVIDENCE_MAX_BYTES
    return {
        "case": portfolio.case,
        "rights": rights,
        "section": section,
        "rows": rows,
        "summary": summary,
        "editable": editable,
        "add_form": add if add is not None else layout.empty_add_form(section),
        "add_errors": add_errors or [],
        "next_label": layout.next_label(section, portfolio),
        "service_years": (
            layout.service_years(portfolio) if section.key == "teaching_period" else None
        ),
        "service_until": portfolio.case.programme_year.service_until,
        "max_bytes": max_bytes,
        "words": {
            **{key: str(words) for key, words in ROW_WORDS.items()},
            "file_types": FILE_TYPES % {"limit": filesizeformat(max_bytes)},
        },
        "table_full": TABLE_FULL % {"count": summary.max_rows or 0},
        "editing": editing,
    }


def render_section(
    request: AuthenticatedHttpRequest, context: dict[str, Any], partial: str = ""
) -> HttpResponse:
    """The whole page, or one of its fragments for htmx."""
    name = f"{SECTION_TEMPLATE}#{partial}" if partial else SECTION_TEMPLATE
    response = render(request, name, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def section_detail(request: AuthenticatedHttpRequest, pk: int, section: str) -> HttpResponse:
    """One table of the instrument as Buku II prints it; POST adds a row (kept even when it is
    not complete yet)."""
    case, rights = case_and_rights(request, pk)
    portfolio = portfolio_read(case=case, envelope=False)
    table = section_or_404(portfolio, section)
    if request.method != "POST":
        context = section_context(portfolio, table, rights)
        # The table as stored, for this viewer: its rendering is remembered under
        # everything it shows (sergur/common/fragments.py).
        context["table_key"] = fragment_key(
            request.user.pk, table.key, portfolio_content(portfolio), rights, context["max_bytes"]
        )
        return render_section(request, context)
    require_owner(rights)
    values = {spec.name: request.POST.get(spec.name, "") for spec in table.fields}
    try:
        if not any(value.strip() for value in values.values()):
            raise ValidationError(EMPTY_ROW, code="empty_row")
        entry = entry_save(case=case, section_key=table.key, values=values, actor=request.user)
    except ValidationError as exc:
        # What was typed stays in the form, with the reason it was not added.
        form = layout.add_form(table, initial=values)
        context = section_context(
            portfolio, table, rights, add=form, add_errors=error_messages(exc)
        )
        return render_section(request, context, "add_status" if fragment_only(request) else "")
    portfolio = portfolio_read(case=case, envelope=False)
    row = row_or_404(portfolio, entry.pk)
    added = ROW_ADDED % {"label": layout.printed_label(row)}
    if not fragment_only(request):
        messages.success(request, added)
        # An incomplete row opens for editing, its problems next to its fields.
        return redirect(section_url(case, table, entry.pk) if row.complete else edit_url(row))
    context = section_context(portfolio, table, rights)
    context["new_row"] = layout.row_view(table, row, editable=True)
    context["added"] = str(added)
    return render_section(request, context, "added")


@require_POST
@login_required
def entry_update(request: AuthenticatedHttpRequest, pk: int, entry_id: int) -> HttpResponse:
    """Save one row as typed (htmx: on every change; without JavaScript: its Save button)."""
    case, rights = case_and_rights(request, pk)
    require_owner(rights)
    portfolio = portfolio_read(case=case, envelope=False)
    row = row_or_404(portfolio, entry_id)
    table = row.section
    values = {spec.name: request.POST.get(spec.name, "") for spec in table.fields}
    try:
        entry_save(
            case=case, section_key=table.key, values=values, actor=request.user, entry=row.entry
        )
    except ValidationError as exc:
        if fragment_only(request):
            context = section_context(portfolio, table, rights)
            context["save_errors"] = error_messages(exc)
            return render_section(request, context, "saved")
        # Without JavaScript: the row's page again, with what was typed and the reason.
        messages_error(request, exc)
        context = section_context(portfolio, table, rights, editing=entry_id, typed=values)
        return render_section(request, context)
    portfolio = portfolio_read(case=case, envelope=False)
    row = row_or_404(portfolio, entry_id)
    if not fragment_only(request):
        text = ROW_SAVED if row.complete else ROW_SAVED_INCOMPLETE
        messages.success(request, text % {"label": layout.printed_label(row)})
        # An incomplete row stays open, its problems next to its fields.
        return redirect(section_url(case, table, entry_id) if row.complete else edit_url(row))
    context = section_context(portfolio, table, rights)
    context["row"] = layout.row_view(table, row, editable=True, editing=True)
    context["saved_at"] = timezone.localtime(row.entry.updated_at)
    return render_section(request, context, "saved")


@require_safe
@login_required
def entry_edit(request: AuthenticatedHttpRequest, pk: int, entry_id: int) -> HttpResponse:
    """One row opened for editing: for htmx the row alone (it replaces the read-only row),
    without JavaScript the table's page with that row open. `?close=1` answers the row
    read-only again (htmx's Done). Only the teacher of an open portfolio: 403 otherwise."""
    case, rights = case_and_rights(request, pk)
    if not rights.edit_portfolio:
        raise PermissionDenied
    portfolio = portfolio_read(case=case, envelope=False)
    row = row_or_404(portfolio, entry_id)
    table = row.section
    close = request.GET.get("close") == "1"
    context = section_context(portfolio, table, rights, editing=None if close else entry_id)
    if not fragment_only(request):
        return render_section(request, context)
    context["row"] = next(view for view in context["rows"] if view.pk == entry_id)
    return render_section(request, context, "row")


def edit_url(row: Row) -> str:
    """The page of one row open for editing, at the row."""
    url = reverse("portfolios:entry_edit", args=[row.entry.case_id, row.entry.pk])
    return f"{url}#row-{row.entry.pk}"


@require_POST
@login_required
def entry_delete(request: AuthenticatedHttpRequest, pk: int, entry_id: int) -> HttpResponse:
    """Delete a row and its files, after a confirmation step (both steps are POSTs)."""
    case, rights = case_and_rights(request, pk)
    require_owner(rights)
    row = row_or_404(portfolio_read(case=case, envelope=False), entry_id)
    back = section_url(case, row.section, entry_id)
    if request.POST.get("confirm") != "yes":
        context = {
            "case": case,
            "section": row.section,
            "row": row,
            "files": row.evidence,
            "action": reverse("portfolios:entry_delete", args=[case.pk, entry_id]),
            "cancel": back,
            "what": "row",
        }
        return render(request, CONFIRM_TEMPLATE, context)
    try:
        entry_delete_service(entry=row.entry, actor=request.user)
    except ValidationError as exc:
        messages_error(request, exc)
        return redirect(back)
    messages.success(request, ROW_DELETED % {"label": layout.printed_label(row)})
    return redirect(section_url(case, row.section))
