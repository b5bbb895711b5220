"""The sign-in pages beyond the password: the second factor and the throttled password reset
by e-mail (docs/security.md)."""

from __future__ import annotations

from urllib.parse import urlencode

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordResetForm
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login

from sergur.accounts.forms import TwoFactorCodeForm
from sergur.accounts.models import User
from sergur.accounts.reset import password_reset_throttled
from sergur.accounts.twofactor import (
    recovery_codes_left,
    recovery_codes_regenerate,
    second_factor_given,
    totp_device_confirm,
    totp_device_start,
    totp_secret,
    two_factor_check,
    two_factor_disable,
    two_factor_enrolled,
    two_factor_required,
)


class AuthenticatedHttpRequest(HttpRequest):
    """A request past login_required: its user is a signed-in User (`sergur.common.http`
    has the same for the apps above; accounts sits below common)."""

    user: User


MSG_TURNED_OFF = _("Two-factor authentication is off for your account.")
RESET_THROTTLED = ngettext_lazy(
    "Too many password reset requests from this computer or for this e-mail address. "
    "Try again in %(minutes)s minute; the link already sent stays valid.",
    "Too many password reset requests from this computer or for this e-mail address. "
    "Try again in %(minutes)s minutes; the link already sent stays valid.",
    "minutes",
)


def signin_locked_out(
    request: HttpRequest, original_response: HttpResponse | None, credentials: object
) -> HttpResponse:
    """The page django-axes answers a locked-out sign-in with (429, in the site's layout)."""
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cooloff_minutes": settings.SERGUR_SIGNIN_COOLOFF_MINUTES,
    }
    return render(request, "registration/lockout.html", context, status=429)


def _next_url(request: AuthenticatedHttpRequest) -> str:
    # Only a page of this site; anything else lands on the default page after sign-in.
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def _codes_page(request: AuthenticatedHttpRequest, codes: list[str]) -> HttpResponse:
    context = {"codes": codes, "next": _next_url(request)}
    return render(request, "registration/two_factor_codes.html", context)


@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def two_factor_verify(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The second step of signing in: a code from the authenticator, or a recovery code."""
    if second_factor_given(request.user) or not two_factor_enrolled(request.user):
        return redirect(_next_url(request))
    form = TwoFactorCodeForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            device = two_factor_check(user=request.user, code=form.cleaned_data["code"])
        except ValidationError as error:
            form.add_error("code", error)
        else:
            otp_login(request, device)
            return redirect(_next_url(request))
    context = {"form": form, "next": _next_url(request)}
    return render(request, "registration/two_factor_verify.html", context)


@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def two_factor_enrol(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Set up an authenticator: its QR code and secret, confirmed by one right code; then the
    recovery codes, shown once. Replacing an authenticator needs the current one first."""
    if two_factor_enrolled(request.user) and not second_factor_given(request.user):
        query = urlencode({"next": resolve_url("two_factor_enrol")})
        return redirect(f"{resolve_url('two_factor_verify')}?{query}")
    device = totp_device_start(user=request.user)
    form = TwoFactorCodeForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            device, codes = totp_device_confirm(user=request.user, code=form.cleaned_data["code"])
        except ValidationError as error:
            form.add_error("code", error)
        else:
            otp_login(request, device)
            return _codes_page(request, codes)
    qr = segno.make(device.config_url, error="m")
    context = {
        "form": form,
        "next": _next_url(request),
        "qr": qr.svg_data_uri(scale=5, border=2),
        "secret": totp_secret(device),
        "required": two_factor_required(request.user),
    }
    return render(request, "registration/two_factor_enrol.html", context)


@never_cache
@login_required
@require_http_methods(["GET", "HEAD"])
def two_factor_settings(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Where the second factor stands: on or off, the recovery codes left, what may change."""
    context = {
        "enrolled": two_factor_enrolled(request.user),
        "required": two_factor_required(request.user),
        "codes_left": recovery_codes_left(request.user),
        "form": TwoFactorCodeForm(),
    }
    return render(request, "registration/two_factor_settings.html", context)


@never_cache
@login_required
@require_POST
def two_factor_recovery_codes(request: AuthenticatedHttpRequest) -> HttpResponse:
    """A new set of recovery codes, shown once (the old set stops working)."""
    if not second_factor_given(request.user):
        return redirect("two_factor_settings")
    return _codes_page(request, recovery_codes_regenerate(user=request.user))


@never_cache
@login_required
@require_POST
def two_factor_turn_off(request: AuthenticatedHttpRequest) -> HttpResponse:
    """A teacher turns the second factor off with a current code (staff may not)."""
    form = TwoFactorCodeForm(request.POST)
    if form.is_valid():
        try:
            two_factor_disable(user=request.user, code=form.cleaned_data["code"])
        except ValidationError as error:
            form.add_error("code", error)
        else:
            messages.success(request, MSG_TURNED_OFF)
            return redirect("two_factor_settings")
    context = {
        "enrolled": True,
        "required": two_factor_required(request.user),
        "codes_left": recovery_codes_left(request.user),
        "form": form,
    }
    return render(request, "registration/two_factor_settings.html", context, status=400)


class ThrottledPasswordResetView(auth_views.PasswordResetView):
    """Django's password reset by e-mail, refused (429, the form with the reason) once a client
    or an e-mail address has asked too often; the answer is the same whether an account has
    the e-mail or not."""

    def form_valid(self, form: PasswordResetForm) -> HttpResponse:
        """Send the link unless throttled."""
        if password_reset_throttled(self.request, email=form.cleaned_data["email"]):
            minutes = settings.SERGUR_SIGNIN_COOLOFF_MINUTES
            form.add_error(None, RESET_THROTTLED % {"minutes": minutes})
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().form_valid(form)
