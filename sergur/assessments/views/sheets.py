"""The assessor's pages: the worklist of allocated portfolios and the scoring sheet (lines with
their rule, evidence and override, the RPP form, findings, the outcome), saved as a draft and
submitted after a confirmation step. A rayon admin reads a sheet of their rayon, read-only.

Blindness (docs/sources/domain.md §2): before both blind sheets of the round are in, nothing of the
other assessor's sheet reaches these pages; teachers never reach them (404)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import BoundField
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_safe

from sergur.accounts.models import User
from sergur.assessments.forms.sheets import SheetForm, points_name, reason_name
from sergur.assessments.models import Allocation, Sheet
from sergur.assessments.selectors import plan_rows, practice_row
from sergur.assessments.selectors.sheets import (
    ASSESSOR_WORKLIST,
    WORKLIST_PER_PAGE,
    LineView,
    SheetPage,
    SheetStatus,
    allocation_get_for_user,
    sheet_editable_by,
    sheet_of,
    sheet_page,
    sheet_status,
    worklist_rows,
    worklist_sheet,
)
from sergur.assessments.services.rounds import PLANS_INCOMPLETE, sheet_submit
from sergur.assessments.services.sheets import ASSESSING, sheet_save
from sergur.common.http import AuthenticatedHttpRequest, error_messages, form_error_messages
from sergur.common.i18n import rules_lang
from sergur.common.worklists import worklist_read
from sergur.portfolios.selectors import portfolio_plan_warnings, portfolio_read
from sergur.rules.instruments import RPP, SCALE

TEMPLATES = "assessments/sheet"

DRAFT_SAVED = _("Draft saved. The outcome below is recomputed from what you saved.")
NOT_SAVED = _("Nothing was saved: correct the values named below and save again.")
SUBMITTED = _("Your sheet was submitted and is now locked.")
ALREADY_SUBMITTED_NOTE = _("This sheet was already submitted.")
STATUS_NAMES = {
    SheetStatus.NOT_STARTED: _("Not started"),
    SheetStatus.DRAFT: _("Draft"),
    SheetStatus.SUBMITTED: _("Submitted"),
}


@dataclass(frozen=True)
class WorkRow:
    """One allocated portfolio on the worklist."""

    allocation: Allocation
    status: str
    status_label: str


@dataclass(frozen=True)
class LineRow:
    """A line of the sheet with its inputs (None when the sheet is read-only or the line
    comes from a scored instrument)."""

    line: LineView
    points: BoundField | None
    reason: BoundField | None


@dataclass(frozen=True)
class PartRows:
    """A part of the sheet with its line rows."""

    key: str
    name: str
    points: Any
    lines: list[LineRow]


@dataclass(frozen=True)
class ItemRow:
    """One RPP item across the plans: its number and text, and per plan the input (editable)
    or the stored score."""

    number: str
    text: str
    cells: list[Any]


@require_safe
@login_required
def worklist(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The assessor's allocated portfolios with their sheet's status (one query a page);
    nothing here names or describes another assessor."""
    if request.user.role != User.Role.ASSESSOR:
        raise Http404
    listing = worklist_read(
        request,
        ASSESSOR_WORKLIST,
        worklist_rows(user=request.user),
        now=timezone.now(),
        per_page=WORKLIST_PER_PAGE,
    )
    page = listing.page
    rows = []
    for allocation in page.object_list:
        status = sheet_status(worklist_sheet(allocation))
        rows.append(WorkRow(allocation, status, str(STATUS_NAMES[status])))
    context = {"page": page, "rows": rows, "listing": listing}
    return render(request, f"{TEMPLATES}/worklist.html", context)


def _editable(allocation: Allocation, sheet: Sheet, user: User) -> bool:
    return (
        sheet_editable_by(allocation, user)
        and not sheet.submitted
        and allocation.case.state in ASSESSING
    )


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def sheet_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The sheet: GET shows it (with the outcome of what was saved); POST saves the draft
    and, when asked, goes on to the submission's confirmation."""
    allocation = allocation_get_for_user(user=request.user, pk=pk)
    sheet = sheet_of(allocation)
    portfolio = portfolio_read(case=allocation.case)
    page = sheet_page(allocation=allocation, sheet=sheet, portfolio=portfolio)
    editable = _editable(allocation, sheet, request.user)
    errors: list[str] = []
    if request.method == "POST":
        if not sheet_editable_by(allocation, request.user):
            raise PermissionDenied
        form = _form(page, request.POST)
        if form.is_valid():
            try:
                sheet_save(
                    sheet=sheet,
                    actor=request.user,
                    plan_items=form.plan_items(),
                    overrides=form.overrides(),
                    review=form.review(),
                    fraud_note=form.cleaned_data["fraud_note"],
                    notes=form.cleaned_data["notes"],
                    practice_items=form.practice_items(),
                )
            except ValidationError as exc:
                errors = error_messages(exc)
            else:
                messages.success(request, DRAFT_SAVED)
                if request.POST.get("action") == "submit":
                    return redirect("assessments:sheet_submit", pk=allocation.pk)
                return redirect(f"{reverse('assessments:sheet', args=[allocation.pk])}#outcome")
        else:
            errors = form_error_messages(form, labelled=True)
    else:
        form = _form(page, None)
    return render(
        request, f"{TEMPLATES}/sheet.html", _context(request, page, form, editable, errors)
    )


def _form(page: SheetPage, data: Any) -> SheetForm:
    return SheetForm(
        data,
        lines=[line for part in page.parts for line in part.lines],
        plans=len(page.plans),
        codes=page.codes,
        sheet=page.sheet,
        plan_items=[plan.items for plan in page.plans],
        practice=[
            (item.number, item.score)
            for part in (page.practice.parts if page.practice else [])
            for item in part.items
        ],
    )


def _context(
    request: AuthenticatedHttpRequest,
    page: SheetPage,
    form: SheetForm,
    editable: bool,
    errors: list[str],
) -> dict[str, Any]:
    lang = rules_lang()
    parts = [
        PartRows(
            key=part.key,
            name=part.name,
            points=part.points,
            lines=[
                LineRow(
                    line,
                    form[points_name(line.key)] if editable and line.overridable else None,
                    form[reason_name(line.key)] if editable and line.overridable else None,
                )
                for line in part.lines
            ],
        )
        for part in page.parts
    ]
    items = [
        ItemRow(
            number=item.number,
            text=item.text(lang),
            cells=[
                form[f"plan_{plan.number}_{position}"] if editable else plan.items[position - 1]
                for plan in page.plans
            ],
        )
        for position, item in enumerate(RPP.items, start=1)
    ]
    practice = [
        (
            part.title,
            [
                (item, form[f"practice_{item.index}"] if editable else item.score)
                for item in part.items
            ],
        )
        for part in (page.practice.parts if page.practice else [])
    ]
    allocation = page.allocation
    return {
        "page": page,
        "practice": practice,
        "case": allocation.case,
        "allocation": allocation,
        "sheet": page.sheet,
        "form": form,
        "editable": editable,
        "own": sheet_editable_by(allocation, request.user),
        "errors": errors,
        "not_saved": NOT_SAVED,
        "parts": parts,
        "items": items,
        "rpp_title": RPP.text(lang),
        "plan_warnings": [m.text(lang) for m in portfolio_plan_warnings(page.portfolio)],
        "scale": SCALE[lang],
        "status_label": STATUS_NAMES[sheet_status(page.sheet)],
        "outcome": page.outcome,
        "reasons": [reason.text(lang) for reason in page.outcome.decision.reasons]
        if page.outcome
        else [],
    }


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def sheet_submit_confirm(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The submission's confirmation: what will be submitted (the saved draft's outcome and
    what is still missing); POST with confirm=yes submits and locks the sheet."""
    allocation = allocation_get_for_user(user=request.user, pk=pk)
    if not sheet_editable_by(allocation, request.user):
        raise PermissionDenied
    sheet = sheet_of(allocation)
    back = reverse("assessments:sheet", args=[allocation.pk])
    if sheet.submitted:
        messages.info(request, ALREADY_SUBMITTED_NOTE)
        return redirect(back)
    errors: list[str] = []
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        try:
            if sheet.pk is None:
                raise ValidationError(PLANS_INCOMPLETE)
            sheet_submit(sheet=sheet, actor=request.user, now=timezone.now())
        except ValidationError as exc:
            errors = error_messages(exc)
        else:
            messages.success(request, SUBMITTED)
            return redirect(back)
    portfolio = portfolio_read(case=allocation.case)
    page = sheet_page(allocation=allocation, sheet=sheet, portfolio=portfolio)
    lang = rules_lang()
    unscored = sum(1 for row in plan_rows(sheet, portfolio.role) for item in row if item is None)
    unscored_practice = sum(1 for item in practice_row(sheet, portfolio.role) if item is None)
    context = {
        "page": page,
        "case": allocation.case,
        "allocation": allocation,
        "outcome": page.outcome,
        "reasons": [reason.text(lang) for reason in page.outcome.decision.reasons]
        if page.outcome
        else [],
        "unscored": unscored,
        "unscored_practice": unscored_practice,
        "changed": [line for part in page.parts for line in part.lines if line.changed],
        "errors": errors,
        "back": back,
    }
    return render(request, f"{TEMPLATES}/submit.html", context)
