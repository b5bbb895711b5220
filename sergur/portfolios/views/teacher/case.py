"""The case page, the submission and the export."""

from __future__ import annotations

import datetime as dt
import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_safe

from sergur.cases.models import Case, CaseEvent
from sergur.cases.panels import case_panels
from sergur.cases.selectors import case_district_id
from sergur.common.audit import audit_download
from sergur.common.fragments import fragment_key
from sergur.common.http import AuthenticatedHttpRequest, attachment
from sergur.common.i18n import rules_lang
from sergur.portfolios.forms import SubmitForm
from sergur.portfolios.models import Submission
from sergur.portfolios.selectors import (
    portfolio_content,
    portfolio_document,
    portfolio_estimate,
    portfolio_gaps,
    portfolio_plan_warnings,
    portfolio_read,
)
from sergur.portfolios.services import DECLARATION_TEXT, portfolio_submit
from sergur.portfolios.views.teacher import overview
from sergur.portfolios.views.teacher.common import (
    TEMPLATES,
    case_and_rights,
    local_datetime,
    require_owner,
)
from sergur.portfolios.views.teacher.rows import service_years
from sergur.rules.workflow import next_step

CASE_TEMPLATE = f"{TEMPLATES}/case.html"
SUBMIT_TEMPLATE = f"{TEMPLATES}/submit.html"

SUBMITTED = _("Your portfolio was submitted at %(at)s and is now locked.")
ALREADY_SUBMITTED = _("Your portfolio was already submitted at %(at)s; nothing changed.")
RECEIPT_LINK = _("Download the receipt (PDF)")
AUTHOR_NAMES = {"principal": _("principal"), "supervisor": _("supervisor")}


@require_safe
@login_required
def case_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Where the case stands, what is missing, who must act by when, the ten components, the
    estimate and the log."""
    case, rights = case_and_rights(request, pk)
    portfolio = portfolio_read(case=case)
    now = timezone.now()
    result, estimate = portfolio_estimate(portfolio)
    components = overview.components(portfolio)
    names = {key: str(name) for key, name in AUTHOR_NAMES.items()}
    events = list(_events(case))
    lines = overview.event_lines(
        events,
        system=gettext("sergur (system)"),
        by_names=names,
        viewer=request.user,
        assessor_label=gettext("Assessor"),
    )
    envelope = overview.envelope_status(portfolio.envelope, case, rights, now)
    returned = _return_of(case, events)
    submission = _latest_submission(case)
    deadline_passed = now > case.programme_year.portfolio_deadline
    context = {
        "case": case,
        "rights": rights,
        "portfolio": portfolio,
        "components": components,
        "total_rows": sum(component.rows for component in components),
        "checklist": overview.checklist(portfolio, portfolio_gaps(portfolio)),
        "envelope": envelope,
        "estimate": overview.estimate_view(result, estimate, role=portfolio.role),
        "plan_warnings": [m.text(rules_lang()) for m in portfolio_plan_warnings(portfolio)],
        "fills": case.is_editable_by_teacher,
        "returned": returned,
        "next_step": _next_step(case, events, now),
        "events": lines,
        "submission": submission,
        "deadline_passed": deadline_passed,
        "service_years": service_years(portfolio),
        "panels": case_panels(user=request.user, case=case),
        # Everything the part of the page from "Who must act" to the log shows, for the
        # viewer: the portfolio, the envelope as they may see it, the deadlines, the log.
        "overview_key": fragment_key(
            request.user.pk,
            portfolio_content(portfolio),
            envelope,
            deadline_passed,
            (submission.pk, submission.submitted_at) if submission else None,
            (returned.pk, returned.at, returned.reason) if returned else None,
            tuple((line.at, line.who, line.what, line.why, tuple(line.details)) for line in lines),
        ),
    }
    return render(request, CASE_TEMPLATE, context)


def _events(case: Case) -> QuerySet[CaseEvent]:
    """The case's log, newest first, with who acted in the same query (one query)."""
    return case.events.select_related("actor").order_by("-at", "-pk")


def _return_of(case: Case, events: list[CaseEvent]) -> CaseEvent | None:
    """While the case is returned to the teacher: the return, with its reason (from the log
    already read, newest first)."""
    if case.state != Case.State.RETURNED:
        return None
    return next((event for event in events if event.kind == CaseEvent.Kind.RETURNED), None)


def _next_step(case: Case, events: list[CaseEvent], now: dt.datetime) -> str | None:
    """Who acts next and what they do, from the workflow table (rules.workflow.next_step).
    From the log already read (newest first), so at no query: the published decision's code,
    whether the teacher answered it since (a clarification) or its deadline passed, and
    whether a certificate was issued."""
    published = next((e for e in events if e.kind == CaseEvent.Kind.PUBLISHED), None)
    code = str(published.data.get("code")) if published is not None else None
    since = [e for e in events if published is None or e.at >= published.at]
    until = published.data.get("respond_until") if published is not None else None
    answered = any(e.kind == CaseEvent.Kind.CLARIFICATION for e in since) or (
        isinstance(until, str) and dt.datetime.fromisoformat(until) < now
    )
    certified = any(event.kind == CaseEvent.Kind.CERTIFIED for event in events)
    step = next_step(case.state, code=code, certified=certified, answered=answered)
    return step.text(rules_lang()) if step is not None else None


def _latest_submission(case: Case) -> Submission | None:
    if case.state == Case.State.DRAFT:
        return None
    return case.submissions.only("pk", "submitted_at", "case_id").first()


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def submit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The checklist and the declaration of authenticity; POST submits and locks. A second
    submit (a double click, a reload) says when the first was; nothing changes."""
    case, rights = case_and_rights(request, pk)
    if request.method == "POST":
        require_owner(rights)
        form = SubmitForm(request.POST)
        declared = form.is_valid()
        try:
            submission, created = portfolio_submit(
                case=case, actor=request.user, declaration=declared, now=timezone.now()
            )
        except ValidationError as exc:
            if exc.code != "declaration":  # the form already says so next to the box
                form.add_error(None, exc)
        else:
            text = SUBMITTED if created else ALREADY_SUBMITTED
            message = format_html(
                '{} <a href="{}">{}</a>',
                text % {"at": local_datetime(submission.submitted_at)},
                reverse("portfolios:receipt", args=[case.pk]),
                RECEIPT_LINK,
            )
            messages.success(request, message)
            return redirect("portfolios:case", pk=case.pk)
    else:
        if not rights.is_owner:
            raise PermissionDenied
        form = SubmitForm()
    portfolio = portfolio_read(case=case)
    checklist = overview.checklist(portfolio, portfolio_gaps(portfolio))
    context = {
        "case": case,
        "rights": rights,
        "form": form,
        "checklist": checklist,
        "blocking": [item for item in checklist if item.blocking],
        "declaration_text": DECLARATION_TEXT,
        "submission": _latest_submission(case),
        "deadline_passed": timezone.now() > case.programme_year.portfolio_deadline,
    }
    return render(request, SUBMIT_TEMPLATE, context)


@require_safe
@login_required
def export(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The portfolio as a `sergur.portfolio/1` file, as `sergur score` reads it; the
    closed-envelope items never leave with it."""
    case, rights = case_and_rights(request, pk)
    if not rights.export:
        raise PermissionDenied
    document = portfolio_document(portfolio_read(case=case), include_envelope=False)
    body = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    audit_download(
        request=request,
        file="export",
        object_kind="case",
        object_id=case.pk,
        district_id=case_district_id(case),
    )
    response = HttpResponse(body, content_type="application/json")
    return attachment(response, filename=f"export-{case.pk}.json")
