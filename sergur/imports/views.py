"""Import pages for the district committee and the operator: upload (capped, checked by
content), the dry-run report with every bad row, the problems as CSV, the choice of import
mode and a progress bar (htmx polling; a refresh link without JavaScript)."""

from __future__ import annotations

import csv
from collections.abc import Iterator

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseBase, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST, require_safe

from sergur.common.audit import audit_download
from sergur.common.http import AuthenticatedHttpRequest, attachment, messages_error
from sergur.common.i18n import rules_lang
from sergur.common.uploads import install_capped_upload_handler
from sergur.imports.forms import ImportApplyForm, ImportUploadForm, max_bytes
from sergur.imports.models import ImportBatch
from sergur.imports.selectors import (
    import_allowed,
    import_batch_get_for_user,
    import_batch_list,
    import_problem_list,
)
from sergur.imports.services import import_apply as import_apply_service
from sergur.imports.services import import_batch_create, import_check
from sergur.rules import Lang
from sergur.tabular.spreadsheet import neutralise

PROBLEMS_PER_PAGE = 200
CHECKED = _("File checked. Good rows: %(valid)s; rows with errors: %(invalid)s.")
IMPORTED = _("Imported. Teachers created: %(created)s; updated: %(updated)s.")


@require_safe
@login_required
def import_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The user's district's import batches and the upload form."""
    batches = import_batch_list(user=request.user)[:50]
    context = {"batches": batches, "form": ImportUploadForm(), "max_bytes": max_bytes()}
    return render(request, "imports/list.html", context)


# CSRF is checked inside the view, after the capped upload handler is installed (the handler
# must be in place before anything reads request.POST; portfolios' evidence upload does the
# same).
@csrf_exempt
@require_POST
@login_required
def import_upload(request: AuthenticatedHttpRequest) -> HttpResponseBase:
    """Receive a file, store it and run the dry run; the report follows."""
    install_capped_upload_handler(request, max_bytes=max_bytes())
    response: HttpResponseBase = csrf_protect(_import_upload)(request)
    return response


def _import_upload(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not import_allowed(request.user):
        raise PermissionDenied
    form = ImportUploadForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            batch = import_batch_create(
                actor=request.user,
                upload=form.cleaned_data["file"],
                date_format=form.cleaned_data["date_format"],
            )
        except ValidationError as exc:
            form.add_error("file", exc)
        else:
            batch = import_check(batch=batch)
            messages.info(
                request, CHECKED % {"valid": batch.rows_valid, "invalid": batch.rows_invalid}
            )
            return redirect("imports:detail", pk=batch.pk)
    batches = import_batch_list(user=request.user)[:50]
    context = {"batches": batches, "form": form, "max_bytes": max_bytes()}
    return render(request, "imports/list.html", context, status=400)


@require_safe
@login_required
def import_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The dry-run report: counts, every problem with line, column and reason, the choice."""
    batch = import_batch_get_for_user(user=request.user, pk=pk)
    page = Paginator(import_problem_list(batch=batch), PROBLEMS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    lang = rules_lang()
    problems = [(p, p.text(lang)) for p in page.object_list]
    context = {"batch": batch, "page": page, "problems": problems, "form": ImportApplyForm()}
    return render(request, "imports/detail.html", context)


@require_safe
@login_required
def import_status(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The progress fragment the page polls while a check or an import runs."""
    batch = import_batch_get_for_user(user=request.user, pk=pk)
    response = render(request, "imports/_status.html", {"batch": batch})
    patch_cache_control(response, no_store=True)
    return response


# The problem report's header and severities, in the reader's language.
CSV_HEADER = (_("line"), _("column"), _("code"), _("severity"), _("message"))
SEVERITY_WARNING = _("warning")
SEVERITY_ERROR = _("error")


def _problem_rows(batch: ImportBatch, lang: Lang, words: tuple[str, ...]) -> Iterator[str]:
    # Streamed after the view has returned: the language is fixed beforehand (`lang` and the
    # translated `words`), not read from whatever is active when the rows are written.
    class Line:
        def write(self, value: str) -> str:
            return value

    writer = csv.writer(Line())
    header, (warning, error) = words[:-2], words[-2:]
    yield "\ufeff" + writer.writerow(header)
    for problem in import_problem_list(batch=batch).iterator(chunk_size=2000):
        cells = [
            str(problem.line),
            problem.column,
            problem.code,
            warning if problem.warning else error,
            problem.text(lang),
        ]
        yield writer.writerow([neutralise(cell) for cell in cells])


@require_safe
@login_required
def import_problems_csv(request: AuthenticatedHttpRequest, pk: int) -> StreamingHttpResponse:
    """Every problem as CSV (UTF-8 with BOM) in the reader's language; cells that a
    spreadsheet would run as formulas are neutralised."""
    batch = import_batch_get_for_user(user=request.user, pk=pk)
    audit_download(
        request=request,
        file="import_problems_csv",
        object_kind="import",
        object_id=batch.pk,
        district_id=batch.district_id,
    )
    words = tuple(str(word) for word in (*CSV_HEADER, SEVERITY_WARNING, SEVERITY_ERROR))
    rows = _problem_rows(batch, rules_lang(), words)
    response = StreamingHttpResponse(rows, content_type="text/csv; charset=utf-8")
    return attachment(response, filename=f"import-{batch.pk}-problems.csv")


@require_POST
@login_required
def import_apply(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Import a checked file in the mode the officer chose."""
    batch = import_batch_get_for_user(user=request.user, pk=pk)
    form = ImportApplyForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose how to import."))
        return redirect("imports:detail", pk=batch.pk)
    try:
        batch = import_apply_service(
            batch=batch, mode=form.cleaned_data["mode"], actor=request.user
        )
    except ValidationError as exc:
        messages_error(request, exc)
    else:
        messages.success(
            request, IMPORTED % {"created": batch.rows_created, "updated": batch.rows_updated}
        )
    return redirect("imports:detail", pk=batch.pk)
