"""Evidence files: upload (capped before the request is read, checked by the service),
download (to those who may see the evidence) and deletion after a confirmation."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST, require_safe

from sergur.cases.selectors import case_district_id
from sergur.common.audit import audit_download
from sergur.common.http import (
    AuthenticatedHttpRequest,
    error_messages,
    file_download,
    form_error_messages,
    messages_error,
)
from sergur.common.uploads import install_capped_upload_handler
from sergur.portfolios.models import Evidence
from sergur.portfolios.selectors import portfolio_read
from sergur.portfolios.services import evidence_add as evidence_add_service
from sergur.portfolios.services import evidence_remove
from sergur.portfolios.views.teacher import rows as layout
from sergur.portfolios.views.teacher.common import (
    CONFIRM_TEMPLATE,
    case_and_rights,
    evidence_or_404,
    fragment_only,
    require_owner,
    row_or_404,
    section_url,
)
from sergur.portfolios.views.teacher.tables import render_section, section_context

FILE_ADDED = _("File %(name)s added to %(code)s.")
FILE_DELETED = _("File %(name)s deleted.")


# CSRF is checked inside the view, right after the capped upload handler is installed: the
# handler must be in place before anything reads request.POST, and the CSRF check reads it
# (Django's "Modifying upload handlers on the fly"; sergur/scoring/views.py does the same).
@csrf_exempt
@require_POST
@login_required
def evidence_add(request: AuthenticatedHttpRequest, pk: int, entry_id: int) -> HttpResponseBase:
    """Attach a file to a row; a refused file is explained next to the row, nothing else
    changes."""
    install_capped_upload_handler(request, max_bytes=settings.SERGUR_EVIDENCE_MAX_BYTES)
    response: HttpResponseBase = csrf_protect(_evidence_add)(request, pk=pk, entry_id=entry_id)
    return response


def _evidence_add(request: AuthenticatedHttpRequest, pk: int, entry_id: int) -> HttpResponse:
    case, rights = case_and_rights(request, pk)
    require_owner(rights)
    portfolio = portfolio_read(case=case)
    row = row_or_404(portfolio, entry_id)
    table = row.section
    form = layout.evidence_form(row, request.POST, request.FILES)
    errors: list[str] = []
    added: Evidence | None = None
    if not form.is_valid():
        errors = form_error_messages(form)
    else:
        try:
            added = evidence_add_service(
                entry=row.entry,
                upload=form.cleaned_data["file"],
                is_original=form.cleaned_data["is_original"],
                actor=request.user,
            )
        except ValidationError as exc:
            errors = error_messages(exc)
    if added is None:
        if fragment_only(request):
            context = section_context(portfolio, table, rights)
            context["row"] = layout.row_view(table, row, editable=True, upload_errors=errors)
            return render_section(request, context, "evidence_result")
        context = section_context(
            portfolio, table, rights, upload_for=row.entry.pk, upload=form, upload_errors=errors
        )
        return render_section(request, context)
    text = FILE_ADDED % {"name": added.original_name, "code": row.code}
    if not fragment_only(request):
        messages.success(request, text)
        return redirect(section_url(case, table, entry_id))
    portfolio = portfolio_read(case=case)
    context = section_context(portfolio, table, rights)
    context["row"] = layout.row_view(table, row_or_404(portfolio, entry_id), editable=True)
    context["uploaded"] = str(text)
    return render_section(request, context, "evidence_result")


@require_safe
@login_required
def evidence_download(request: AuthenticatedHttpRequest, pk: int, evidence_id: int) -> FileResponse:
    """Stream one file, as stored, to those who may see the case's evidence."""
    case, rights = case_and_rights(request, pk)
    if not rights.view_evidence:
        raise PermissionDenied
    _row, file = evidence_or_404(portfolio_read(case=case), evidence_id)
    audit_download(
        request=request,
        file="evidence",
        object_kind="case",
        object_id=case.pk,
        district_id=case_district_id(case),
        detail={"evidence": evidence_id},
    )
    return file_download(
        file.file.open("rb"),
        filename=file.original_name,  # sanitised by the service when it was stored
        content_type=file.content_type,  # the type found in the bytes, not the one sent
    )


@require_POST
@login_required
def evidence_delete(request: AuthenticatedHttpRequest, pk: int, evidence_id: int) -> HttpResponse:
    """Delete one file, after a confirmation step (both steps are POSTs)."""
    case, rights = case_and_rights(request, pk)
    require_owner(rights)
    row, file = evidence_or_404(portfolio_read(case=case), evidence_id)
    back = section_url(case, row.section, row.entry.pk)
    if request.POST.get("confirm") != "yes":
        context = {
            "case": case,
            "section": row.section,
            "row": row,
            "files": [file],
            "action": reverse("portfolios:evidence_delete", args=[case.pk, evidence_id]),
            "cancel": back,
            "what": "file",
        }
        return render(request, CONFIRM_TEMPLATE, context)
    try:
        evidence_remove(evidence=file, actor=request.user)
    except ValidationError as exc:
        messages_error(request, exc)
        return redirect(back)
    messages.success(request, FILE_DELETED % {"name": file.original_name})
    return redirect(back)
