"""The certificates a user may see, issuing one, its page, its downloads and its status."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from sergur.cases.selectors import case_get_for_user
from sergur.certificates.documents.credential import certificate_credential
from sergur.certificates.documents.pdf import certificate_pdf
from sergur.certificates.forms import StatusChangeForm
from sergur.certificates.models import Certificate
from sergur.certificates.selectors import (
    CERTIFICATE_WORKLIST,
    certificate_candidates,
    certificate_get_for_user,
    certificate_list_for_user,
    certificate_scope,
    issue_rayon,
    may_change_status,
    may_issue,
)
from sergur.certificates.services import certificate_issue, certificate_status_change
from sergur.common.http import (
    AuthenticatedHttpRequest,
    attachment,
    form_error_messages,
    messages_error,
)
from sergur.common.worklists import worklist_read
from sergur.registry.models import ProgrammeYear

LISTED = 200
ISSUED = _("The certificate was issued.")
STATUS_CHANGED = _("The certificate's status was changed.")


def verify_url(request: HttpRequest, certificate: Certificate) -> str:
    """The public verification link of a certificate (its QR code's target)."""
    path = reverse("certificates:verify")
    return request.build_absolute_uri(f"{path}?code={certificate.code}")


@require_safe
@login_required
def certificate_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The certificates of the user's scope and, for the rayon, the cases waiting for one."""
    user = request.user
    if certificate_scope(user) is None:
        raise PermissionDenied
    candidates = []
    if may_issue(user):
        year = ProgrammeYear.objects.order_by("-is_current", "-year").first()
        if year is not None:
            candidates = list(
                certificate_candidates(programme_year=year, rayon=issue_rayon(user))
                .select_related("teacher", "teacher__subject", "programme_year")
                .order_by("teacher__name", "pk")[:LISTED]
            )
    listing = worklist_read(
        request, CERTIFICATE_WORKLIST, certificate_list_for_user(user=user), now=timezone.now()
    )
    context = {
        "listing": listing,
        "page": listing.page,
        "certificates": list(listing.page.object_list),
        "candidates": candidates,
        "can_issue": may_issue(user),
    }
    return render(request, "certificates/list.html", context)


@require_POST
@login_required
def certificate_issue_view(request: AuthenticatedHttpRequest, case_pk: int) -> HttpResponse:
    """Issue the certificate of one case (the rayon of the case, or a superuser)."""
    user = request.user
    if not may_issue(user):
        raise PermissionDenied
    case = case_get_for_user(user=user, pk=case_pk)
    try:
        certificate = certificate_issue(actor=user, case=case, now=timezone.now())
    except ValidationError as error:
        messages_error(request, error)
        return redirect("certificates:list")
    messages.success(request, ISSUED)
    return redirect("certificates:detail", pk=certificate.pk)


@require_safe
@login_required
def certificate_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """One certificate: its fields, status and history, the downloads, the status form."""
    certificate = certificate_get_for_user(user=request.user, pk=pk)
    can_change = may_change_status(request.user, certificate)
    context = {
        "certificate": certificate,
        "changes": list(certificate.status_changes.select_related("actor")),
        "form": StatusChangeForm() if can_change else None,
        "verify_url": verify_url(request, certificate),
    }
    return render(request, "certificates/detail.html", context)


@require_POST
@login_required
def certificate_status_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Suspend, revoke or reinstate a certificate with a reason."""
    certificate = certificate_get_for_user(user=request.user, pk=pk)
    if not may_change_status(request.user, certificate):
        raise PermissionDenied
    form = StatusChangeForm(request.POST)
    if form.is_valid():
        try:
            certificate_status_change(
                actor=request.user,
                certificate=certificate,
                status=form.cleaned_data["status"],
                reason=form.cleaned_data["reason"],
                now=timezone.now(),
            )
        except ValidationError as error:
            messages_error(request, error)
        else:
            messages.success(request, STATUS_CHANGED)
    else:
        for text in form_error_messages(form, labelled=True):
            messages.error(request, text)
    return redirect("certificates:detail", pk=certificate.pk)


@require_safe
@never_cache
@login_required
def certificate_pdf_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The printable, PAdES-signed certificate."""
    certificate = certificate_get_for_user(user=request.user, pk=pk)
    data = certificate_pdf(certificate, verify_url=verify_url(request, certificate))
    response = HttpResponse(data, content_type="application/pdf")
    return attachment(response, filename=f"sertifikat-{certificate.number}.pdf")


def credential_urls(request: HttpRequest, certificate: Certificate) -> dict[str, str]:
    """Where the credential's id, issuer and status lists are published."""
    list_path = reverse("certificates:status_list", args=[1, "revocation"])
    list_url = request.build_absolute_uri(list_path).replace("/1/revocation/", "/{list}/{purpose}/")
    public = reverse("certificates:verify")
    return {
        "credential_id": request.build_absolute_uri(f"{public}?number={certificate.number}"),
        "issuer_url": request.build_absolute_uri("/"),
        "list_url": list_url,
    }


@require_safe
@never_cache
@login_required
def certificate_credential_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The signed Open Badges 3.0 credential, as a JSON file to keep."""
    certificate = certificate_get_for_user(user=request.user, pk=pk)
    document = certificate_credential(certificate, **credential_urls(request, certificate))
    body = json.dumps(document, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/vc+ld+json; charset=utf-8")
    return attachment(response, filename=f"sertifikat-{certificate.number}.json")
