"""The payments pages of the finance office: the SKTP and payment runs (background jobs with a
progress bar, like the certificate issuance), their exports, the salary tables, and a
teacher's own SKTP and payment history (docs/allowance.md, "SKTP and payments").

Only a finance officer of a district handles its money; an SKTP or a run of another district
answers 404 (its existence is not revealed), every other role 403."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpResponse, HttpResponseBase, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from sergur.common.audit import audit_download
from sergur.common.http import AuthenticatedHttpRequest, attachment, messages_error
from sergur.common.i18n import rules_lang
from sergur.payments import documents
from sergur.payments.forms import RunForm, SalaryTableForm, SktpForm
from sergur.payments.models import Export, Job, PaymentRun, Sktp
from sergur.payments.selectors import (
    finance_district,
    own_teacher,
    run_entries,
    run_get_for_user,
    run_list_for_user,
    sktp_get_for_user,
    sktp_lines,
    sktp_list_for_user,
    table_list_for_user,
    teacher_blocked_by_profile,
    teacher_payments,
    teacher_sktp_lines,
)
from sergur.payments.services import run_start, salary_table_load, sktp_start
from sergur.payments.tasks import issue_sktp, run_quarter
from sergur.registry.models import District

PAGE = 100
HISTORY = 20
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SKTP_STARTED = _("The SKTP is being issued.")
RUN_STARTED = _("The payment run was started.")
TABLE_LOADED = _("The salary table was loaded.")
NOT_DONE = _("The list is ready once the job has finished.")
TABLE_CHECKED = _("The file has no problems; untick the dry run to load it.")


def officer_district(request: AuthenticatedHttpRequest) -> District:
    """The finance officer's district; anyone else is refused (403)."""
    district = finance_district(request.user)
    if district is None:
        raise PermissionDenied
    return District.objects.select_related("province").get(pk=district)


def _home_context(
    request: AuthenticatedHttpRequest, sktp_form: SktpForm, run_form: RunForm
) -> dict[str, Any]:
    return {
        "district": officer_district(request),
        "sktp_form": sktp_form,
        "run_form": run_form,
        "sktps": list(sktp_list_for_user(user=request.user)[:HISTORY]),
        "runs": list(run_list_for_user(user=request.user)[:HISTORY]),
    }


@require_safe
@login_required
def home(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The finance office's page: issue an SKTP, run a quarter, the latest of both."""
    context = _home_context(request, SktpForm(), RunForm())
    return render(request, "payments/home.html", context)


@require_POST
@login_required
def sktp_issue(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Start issuing the district's SKTP for a semester."""
    district = officer_district(request)
    form = SktpForm(request.POST)
    if form.is_valid():
        try:
            sktp = sktp_start(
                actor=request.user,
                district=district,
                semester=form.cleaned_data["semester"],
                now=timezone.now(),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            transaction.on_commit(lambda: issue_sktp.delay(sktp.pk))
            messages.success(request, SKTP_STARTED)
            return redirect("payments:sktp", pk=sktp.pk)
    context = _home_context(request, form, RunForm())
    return render(request, "payments/home.html", context, status=400)


@require_safe
@login_required
def sktp_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """An SKTP: its progress, its lines page by page, its exports."""
    officer_district(request)
    sktp = sktp_get_for_user(user=request.user, pk=pk)
    page = Paginator(sktp_lines(sktp), PAGE).get_page(request.GET.get("page"))
    return render(request, "payments/sktp.html", {"sktp": sktp, "page": page})


@require_safe
@login_required
def sktp_progress(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The progress fragment of an SKTP job, polled while it runs."""
    officer_district(request)
    sktp = sktp_get_for_user(user=request.user, pk=pk)
    response = render(request, "payments/_sktp_progress.html", {"sktp": sktp})
    patch_cache_control(response, no_store=True)
    return response


def _logged(
    request: AuthenticatedHttpRequest,
    *,
    kind: str,
    fmt: str,
    rows: int,
    sktp: Sktp | None = None,
    run: PaymentRun | None = None,
) -> None:
    owner: Sktp | PaymentRun | None = sktp if sktp is not None else run
    if owner is None:  # pragma: no cover - every caller gives one of the two
        raise ValueError("an export is of an SKTP or a run")
    Export.objects.create(
        kind=kind,
        file_format=fmt,
        sktp=sktp,
        run=run,
        rows=rows,
        created_at=timezone.now(),
        created_by=request.user,
    )
    audit_download(
        request=request,
        file=f"{kind}.{fmt}",
        object_kind="sktp" if sktp is not None else "payment_run",
        object_id=owner.pk,
        district_id=owner.district_id,
        detail={"rows": rows},
    )


@require_safe
@login_required
def sktp_export(request: AuthenticatedHttpRequest, pk: int, fmt: str) -> HttpResponse:
    """The SKTP list as PDF or XLSX."""
    officer_district(request)
    sktp = sktp_get_for_user(user=request.user, pk=pk)
    if fmt not in (Export.Format.PDF, Export.Format.XLSX):
        raise Http404
    if sktp.state != Job.DONE:
        messages.error(request, NOT_DONE)
        return redirect("payments:sktp", pk=sktp.pk)
    lines = list(sktp_lines(sktp))
    name = sktp.number.replace("/", "-")
    if fmt == Export.Format.PDF:
        data, rows = documents.sktp_pdf(sktp, lines, timezone.now())
        response = HttpResponse(data, content_type="application/pdf")
    else:
        data, rows = documents.xlsx_bytes(
            "SKTP", documents.SKTP_HEADINGS, documents.sktp_rows(lines)
        )
        response = HttpResponse(data, content_type=XLSX)
    _logged(request, kind=Export.Kind.SKTP, fmt=fmt, rows=rows, sktp=sktp)
    return attachment(response, filename=f"{name}.{fmt}")


@require_POST
@login_required
def run_begin(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Start the payment run of a quarter."""
    district = officer_district(request)
    form = RunForm(request.POST)
    if form.is_valid():
        try:
            run = run_start(
                actor=request.user,
                district=district,
                quarter=form.cleaned_data["quarter"],
                now=timezone.now(),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            transaction.on_commit(lambda: run_quarter.delay(run.pk))
            messages.success(request, RUN_STARTED)
            return redirect("payments:run", pk=run.pk)
    context = _home_context(request, SktpForm(), form)
    return render(request, "payments/home.html", context, status=400)


@require_safe
@login_required
def run_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """A payment run: its progress, its entries page by page, its exports."""
    officer_district(request)
    run = run_get_for_user(user=request.user, pk=pk)
    page = Paginator(run_entries(run), PAGE).get_page(request.GET.get("page"))
    return render(request, "payments/run.html", {"run": run, "page": page})


@require_safe
@login_required
def run_progress(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The progress fragment of a run, polled while it runs."""
    officer_district(request)
    run = run_get_for_user(user=request.user, pk=pk)
    response = render(request, "payments/_run_progress.html", {"run": run})
    patch_cache_control(response, no_store=True)
    return response


@require_safe
@login_required
def run_export(request: AuthenticatedHttpRequest, pk: int, kind: str, fmt: str) -> HttpResponseBase:
    """A run's list for the finance office or the bank, as CSV or XLSX."""
    officer_district(request)
    run = run_get_for_user(user=request.user, pk=pk)
    if kind not in (Export.Kind.FINANCE, Export.Kind.BANK) or fmt not in (
        Export.Format.CSV,
        Export.Format.XLSX,
    ):
        raise Http404
    if run.state != Job.DONE:
        messages.error(request, NOT_DONE)
        return redirect("payments:run", pk=run.pk)
    entries = run_entries(run).order_by("teacher_id", "month", "pk")
    headings, rows = (
        (documents.FINANCE_HEADINGS, documents.finance_rows(entries))
        if kind == Export.Kind.FINANCE
        else (documents.BANK_HEADINGS, documents.bank_rows(entries))
    )
    name = f"{kind}-{run.label}-{run.district_id}-{run.pk}.{fmt}"
    if fmt == Export.Format.CSV:
        _logged(request, kind=kind, fmt=fmt, rows=run.entries_count, run=run)
        streamed = StreamingHttpResponse(
            documents.csv_stream(headings, rows), content_type="text/csv; charset=utf-8"
        )
        return attachment(streamed, filename=name)
    data, count = documents.xlsx_bytes(kind, headings, rows)
    _logged(request, kind=kind, fmt=fmt, rows=count, run=run)
    return attachment(HttpResponse(data, content_type=XLSX), filename=name)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def tables(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The district's salary tables, and loading one from a file (a dry run first)."""
    district = officer_district(request)
    form = SalaryTableForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            result = salary_table_load(
                actor=request.user,
                district=district,
                regulation=data["regulation"],
                effective_from=data["effective_from"],
                effective_to=data["effective_to"],
                upload=data["file"],
                dry_run=data["dry_run"],
                now=timezone.now(),
            )
        except ValidationError as error:
            messages_error(request, error)
        else:
            if result.table is not None:
                messages.success(request, TABLE_LOADED)
                return redirect("payments:tables")
            if not result.errors:
                messages.success(request, TABLE_CHECKED)
    problems = (
        []
        if result is None
        else [
            (error.line, error.column, error.reason.text(rules_lang())) for error in result.errors
        ]
    )
    context = {
        "district": district,
        "form": form,
        "problems": problems,
        "tables": list(table_list_for_user(user=request.user)),
    }
    return render(request, "payments/tables.html", context)


@require_safe
@login_required
def mine(request: AuthenticatedHttpRequest) -> HttpResponse:
    """A teacher's own allowance decrees (SKTP lines) and payment history."""
    teacher = own_teacher(request.user)
    if teacher is None:
        raise PermissionDenied
    context = {
        "lines": list(teacher_sktp_lines(teacher)),
        "payments": list(teacher_payments(teacher)[:200]),
        "profile_needed": teacher_blocked_by_profile(teacher),
    }
    return render(request, "payments/mine.html", context)
