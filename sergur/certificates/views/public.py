"""The public pages, no sign-in: the check of a certificate by number or QR code (a page and
a JSON endpoint, throttled per client in the shared cache like the participant lookup) and
the W3C Bitstring Status Lists. All three read the certificate's one status."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from sergur.certificates.documents.credential import status_list_credential
from sergur.certificates.documents.keys import pades_certificate_pem
from sergur.certificates.forms import VerifyForm
from sergur.certificates.models import Certificate
from sergur.certificates.selectors import PublicCheck, certificate_public_check, status_indices
from sergur.common.http import throttled
from sergur.common.signing import public_key_pem
from sergur.rules.certificates import MIN_BITS
from sergur.rules.certificates.statuslist import PURPOSES

CHECKS_PER_WINDOW = 30
CHECK_WINDOW_SECONDS = 600
MAX_LIST = 1000
PURPOSE_STATUSES = {
    "revocation": (Certificate.Status.REVOKED,),
    "suspension": (Certificate.Status.SUSPENDED,),
}


def _throttled(request: HttpRequest) -> bool:
    return throttled(
        request, scope="certificate-check", limit=CHECKS_PER_WINDOW, window=CHECK_WINDOW_SECONDS
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    """Anyone checks a certificate: a number or code typed (POST) or the QR code's link
    (GET ?code=). Valid, suspended or revoked with date and reason, and only the data that
    matches it to the paper: name, subject, rayon, year, the NUPTK's last digits."""
    data = request.POST if request.method == "POST" else request.GET
    given = data.get("query") or data.get("code") or data.get("number") or ""
    form = VerifyForm({"query": given} if given else None)
    check: PublicCheck | None = None
    if form.is_bound and _throttled(request):
        context = {"form": VerifyForm(), "throttled": True}
        return render(request, "certificates/verify.html", context, status=429)
    if form.is_valid():
        check = certificate_public_check(form.cleaned_data["query"])
        form = VerifyForm()
    context = {
        "form": form,
        "check": check,
        "public_key": public_key_pem(),
        "pades_certificate": pades_certificate_pem(),
    }
    return render(request, "certificates/verify.html", context)


@never_cache
@require_safe
def verify_json(request: HttpRequest) -> JsonResponse:
    """The same check as JSON: GET ?number=... or ?code=...; 400 without either, 429 when
    throttled."""
    given = request.GET.get("number") or request.GET.get("code") or ""
    if not given or len(given) > 2000:
        return JsonResponse({"result": "invalid", "reason": "number or code required"}, status=400)
    if _throttled(request):
        return JsonResponse({"result": "throttled", "reason": "too many checks"}, status=429)
    return JsonResponse(certificate_public_check(given).as_json())


@require_safe
def status_list(request: HttpRequest, number: int, purpose: str) -> JsonResponse:
    """A signed BitstringStatusListCredential: one bit per certificate, set when revoked
    (revocation list) or suspended (suspension list)."""
    if purpose not in PURPOSES or not 1 <= number <= MAX_LIST:
        raise Http404
    indices = status_indices(list_number=number, statuses=PURPOSE_STATUSES[purpose], size=MIN_BITS)
    document = status_list_credential(
        list_url=request.build_absolute_uri(), purpose=purpose, indices=indices, now=timezone.now()
    )
    response = JsonResponse(document, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/vc+ld+json"
    response["Cache-Control"] = "public, max-age=300"
    return response
