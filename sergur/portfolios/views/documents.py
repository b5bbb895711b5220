"""Views: the documents of a portfolio (the signed submission receipt and the portfolio book,
both PDF) and the public check of a receipt code."""

from __future__ import annotations

import io
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from sergur.cases.models import Case
from sergur.cases.selectors import case_district_id, case_get_for_user, case_rights
from sergur.common.audit import audit_download
from sergur.common.http import AuthenticatedHttpRequest
from sergur.common.signing import public_key_pem, public_keys
from sergur.portfolios.documents import (
    book_pdf,
    book_read,
    receipt_check,
    receipt_pdf,
    receipt_read,
)
from sergur.portfolios.forms import ReceiptCodeForm


def _exportable_case(request: AuthenticatedHttpRequest, pk: int) -> Case:
    """The case if the user may take its documents away (the teacher, district and quality
    office staff); 404 when the case is not visible, 403 when visible but not exportable."""
    case = case_get_for_user(user=request.user, pk=pk)
    if not case_rights(user=request.user, case=case).export:
        raise PermissionDenied
    return case


def _pdf(content: bytes, filename: str) -> FileResponse:
    # Personal data: shown inline, never kept by a shared cache (never_cache on the views).
    return FileResponse(io.BytesIO(content), content_type="application/pdf", filename=filename)


def _recorded(request: AuthenticatedHttpRequest, case: Case, file: str) -> None:
    audit_download(
        request=request,
        file=file,
        object_kind="case",
        object_id=case.pk,
        district_id=case_district_id(case),
    )


@require_safe
@never_cache
@login_required
def receipt(request: AuthenticatedHttpRequest, pk: int) -> FileResponse:
    """The receipt of the case's latest submission; 404 before the first."""
    case = _exportable_case(request, pk)
    data = receipt_read(case=case)
    if data is None:
        raise Http404
    query = urlencode({"code": data.code})
    verify_url = request.build_absolute_uri(f"{reverse('portfolios:receipt_verify')}?{query}")
    _recorded(request, case, "receipt")
    return _pdf(receipt_pdf(data, verify_url=verify_url), f"tanda-terima-{case.pk}.pdf")


@require_safe
@never_cache
@login_required
def book(request: AuthenticatedHttpRequest, pk: int) -> FileResponse:
    """The printable portfolio book."""
    case = _exportable_case(request, pk)
    data = book_read(case=case, now=timezone.now())
    _recorded(request, case, "book")
    return _pdf(book_pdf(data), f"portofolio-{case.pk}.pdf")


@require_http_methods(["GET", "HEAD", "POST"])
def receipt_verify(request: HttpRequest) -> HttpResponse:
    """Anyone checks a receipt code (pasted, or from the receipt's QR link): genuine or not,
    and for a genuine one the case number, the time and the content hash it certifies and
    whether the stored submission still has that hash. No personal data is shown."""
    data = request.POST if request.method == "POST" else request.GET
    form = ReceiptCodeForm(data if "code" in data else None)
    check = receipt_check(form.cleaned_data["code"]) if form.is_valid() else None
    context = {
        "form": form,
        "check": check,
        "public_key": public_key_pem(),
        "keys": public_keys(),
    }
    return render(request, "portfolios/receipt_verify.html", context)


@require_safe
def signing_keys(request: HttpRequest) -> JsonResponse:
    """The published key set (JSON Web Keys by key id): every key whose codes are still
    genuine, the signing one marked, for checking receipts and certificates offline."""
    return JsonResponse({"keys": public_keys()})
