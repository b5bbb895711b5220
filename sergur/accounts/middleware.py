"""Sign-in rules applied to every request: the staff idle timeout and the second factor
(docs/security.md)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sergur.accounts.models import User
from sergur.accounts.twofactor import (
    is_staff_account,
    second_factor_given,
    two_factor_enrolled,
    two_factor_required,
)

MSG_IDLE = _("You were signed out after a while without activity. Please sign in again.")
LAST_SEEN_KEY = "sergur_last_seen"
# The session is written at most once a minute just to note the time.
_LAST_SEEN_RESOLUTION = 60

# Pages open to a signed-in user who has not yet given the second factor: signing out, the
# second-factor pages themselves, the language switch and the public pages.
TWO_FACTOR_EXEMPT_VIEWS = frozenset(
    {
        "login",
        "logout",
        "two_factor_verify",
        "two_factor_enrol",
        "set_language",
        "scoring:home",
        "scoring:score",
        "selection:lookup",
    }
)

type GetResponse = Callable[[HttpRequest], HttpResponseBase]


def last_seen_stamp(sender: object, request: HttpRequest, user: User, **kwargs: object) -> None:
    """On sign-in (user_logged_in), start a staff session's idle clock in the session that
    is being written anyway."""
    if is_staff_account(user):
        request.session[LAST_SEEN_KEY] = int(time.time())


class StaffIdleTimeoutMiddleware:
    """Signs a staff account out after SERGUR_STAFF_IDLE_MINUTES without a request; teachers
    keep the session until SESSION_COOKIE_AGE."""

    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if is_staff_account(request.user):
            now = int(time.time())
            last = request.session.get(LAST_SEEN_KEY)
            if isinstance(last, int) and now - last > settings.SERGUR_STAFF_IDLE_MINUTES * 60:
                logout(request)
                messages.info(request, MSG_IDLE)
                return redirect_to_login(request.get_full_path())
            if not isinstance(last, int) or now - last >= _LAST_SEEN_RESOLUTION:
                request.session[LAST_SEEN_KEY] = now
        return self.get_response(request)


class TwoFactorRequiredMiddleware:
    """Sends a signed-in user without a verified second factor to verification (when they
    have an authenticator) or, for staff, to enrolment, before any page but the exempt ones."""

    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        return self.get_response(request)

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., Any],
        view_args: tuple[Any, ...],
        view_kwargs: dict[str, Any],
    ) -> HttpResponse | None:
        """Redirect before the view runs; None lets it run."""
        user = request.user
        if not isinstance(user, User) or second_factor_given(user):
            return None
        match = request.resolver_match
        if match is not None and match.view_name in TWO_FACTOR_EXEMPT_VIEWS:
            return None
        if two_factor_enrolled(user):
            target = "two_factor_verify"
        elif two_factor_required(user):
            target = "two_factor_enrol"
        else:
            return None
        query = urlencode({"next": request.get_full_path()})
        return redirect(f"{reverse(target)}?{query}")
