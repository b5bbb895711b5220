"""The inbox and the e-mail choices: every person sees only their own messages."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from sergur.common.http import AuthenticatedHttpRequest
from sergur.notifications.forms import PreferencesForm
from sergur.notifications.selectors import (
    inbox,
    notification_get_for_user,
    preferences_of,
    unread_count,
)
from sergur.notifications.services import (
    notification_read,
    notifications_read_all,
    preferences_set,
)

PAGE_SIZE = 50
SAVED = _("Your choices are saved.")


@require_safe
@login_required
def inbox_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The person's messages, newest first, unread ones marked."""
    page = Paginator(inbox(user=request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page": page, "unread": unread_count(user=request.user)}
    return render(request, "notifications/inbox.html", context)


@login_required
@require_POST
def open_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponseRedirect:
    """Mark one's message read and go to its case or its subject's page."""
    notice = notification_get_for_user(user=request.user, pk=pk)
    notification_read(notification=notice, now=timezone.now())
    return redirect(notice.target)


@login_required
@require_POST
def read_all_view(request: AuthenticatedHttpRequest) -> HttpResponseRedirect:
    """Mark all of one's messages read."""
    notifications_read_all(user=request.user, now=timezone.now())
    return redirect("notifications:inbox")


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def preferences_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Which kinds also come by e-mail."""
    current = preferences_of(user=request.user)
    if request.method == "POST":
        form = PreferencesForm(request.POST, initial_email=current)
        if form.is_valid():
            preferences_set(user=request.user, email=form.email_choices())
            messages.success(request, SAVED)
            return redirect("notifications:preferences")
    else:
        form = PreferencesForm(initial_email=current)
    return render(
        request,
        "notifications/preferences.html",
        {"form": form, "has_email": bool(request.user.email)},
    )
