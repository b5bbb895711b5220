"""The finance office's pay profiles (docs/allowance.md, "The pay profile"): the district's
certified teachers with the state of their profile (a missing one blocks payment, so those
come first), searched by a posted name or NUPTK; one teacher's profile to read and change; and
a CSV or XLSX file of many, checked by a dry run first.

Only the finance office of the district of the teacher's main school: any other role 403,
another district's teacher 404. A teacher is named in URLs by their row id only."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from sergur.common.filters import list_filters_post, list_filters_recall
from sergur.common.http import AuthenticatedHttpRequest, messages_error
from sergur.common.i18n import rules_lang
from sergur.payments.forms import PayProfileForm, ProfileFilterForm, ProfilesLoadForm
from sergur.payments.models import PayProfile
from sergur.payments.selectors import (
    pay_profile_history,
    pay_teacher_get_for_user,
    pay_teacher_list,
)
from sergur.payments.services import pay_profile_set, pay_profiles_load
from sergur.payments.views.money import officer_district

FILTERS = "payments_profiles"
PER_PAGE = 50
PROFILE_SAVED = _("The pay profile was saved; it applies from the next SKTP and payment run.")
PROFILES_CHECKED = _("The file has no problems; untick the dry run to load it.")


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def profiles(request: AuthenticatedHttpRequest) -> HttpResponseBase:
    """The district's certified teachers and their pay profiles; the search is posted (a
    name never goes into a URL), remembered in the session, and the page comes back by GET."""
    district = officer_district(request)
    if request.method == "POST":
        return list_filters_post(
            request,
            key=FILTERS,
            form=ProfileFilterForm(request.POST),
            back=reverse("payments:profiles"),
        )
    remembered = list_filters_recall(request, key=FILTERS)
    rows = pay_teacher_list(user=request.user, query=remembered.get("query", ""))
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    context: dict[str, Any] = {
        "district": district,
        "form": ProfileFilterForm(remembered or None),
        "filtered": bool(remembered),
        "page": page,
        "load_form": ProfilesLoadForm(),
    }
    return render(request, "payments/profiles.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def profile_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponseBase:
    """One teacher's pay profile: read it, create or change it."""
    teacher = pay_teacher_get_for_user(user=request.user, pk=pk)
    current: PayProfile | None = getattr(teacher, "pay_profile", None)
    instance = current or PayProfile(teacher=teacher)
    form = PayProfileForm(request.POST or None, instance=instance)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                pay_profile_set(
                    actor=request.user, teacher=teacher, now=timezone.now(), **form.cleaned_data
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, PROFILE_SAVED)
                return redirect("payments:profiles")
        status = 400
    context = {
        "teacher": teacher,
        "profile": current,
        "form": form,
        "history": pay_profile_history(teacher=teacher),
    }
    return render(request, "payments/profile.html", context, status=status)


@require_http_methods(["POST"])
@login_required
def profiles_load(request: AuthenticatedHttpRequest) -> HttpResponseBase:
    """Check a file of pay profiles and, without the dry run and with no problem, save it."""
    district = officer_district(request)
    form = ProfilesLoadForm(request.POST, request.FILES)
    result = None
    if form.is_valid():
        try:
            result = pay_profiles_load(
                actor=request.user,
                district=district,
                upload=form.cleaned_data["file"],
                dry_run=form.cleaned_data["dry_run"],
                now=timezone.now(),
            )
        except ValidationError as error:
            messages_error(request, error)
        else:
            if result.saved:
                messages.success(request, PROFILE_SAVED)
                return redirect("payments:profiles")
    problems = (
        []
        if result is None
        else [(e.line, e.column, e.reason.text(rules_lang())) for e in result.errors]
    )
    context = {"district": district, "form": form, "result": result, "problems": problems}
    status = 200 if result is not None and not problems else 400
    return render(request, "payments/profiles_load.html", context, status=status)
