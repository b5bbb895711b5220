"""The district committee's allowance pages: who is eligible in a semester and why (searched
by a posted filter), the recomputation, the minister's approvals and the linearity table.
Anyone else: 403."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from sergur.allowance.forms import ApprovalForm, EligibilityFilterForm, LinearityForm, SemesterForm
from sergur.allowance.models import Linearity
from sergur.allowance.selectors import (
    approval_list,
    district_committee,
    district_teachers_for,
    eligibility_list,
    latest_district_semester,
    linearity_list,
    linearity_may_read,
)
from sergur.allowance.services import (
    approval_record,
    eligibility_compute,
    linearity_add,
    linearity_remove,
)
from sergur.common.filters import list_filters_post, list_filters_recall
from sergur.common.http import AuthenticatedHttpRequest, form_error_messages, messages_error
from sergur.common.i18n import rules_lang

FILTERS = "allowance_district"
PER_PAGE = 50
SAVED = _("Saved.")
REMOVED = _("Removed.")


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def district_view(request: AuthenticatedHttpRequest) -> HttpResponseBase:
    """The district's eligibility for a semester; the filters are posted (a name never goes
    into a URL), remembered in the session, and the page comes back by GET."""
    user = district_committee(request.user)
    semester = latest_district_semester(user=user, code=request.GET.get("semester"))
    back = f"{reverse('allowance:district')}?semester={semester.code}"
    if request.method == "POST":
        return list_filters_post(
            request, key=FILTERS, form=EligibilityFilterForm(request.POST), back=back
        )
    remembered = list_filters_recall(request, key=FILTERS)
    form = EligibilityFilterForm(remembered or None)
    verdict = remembered.get("verdict", "")
    rows = eligibility_list(
        user=user,
        semester=semester,
        eligible={"yes": True, "no": False}.get(verdict),
        query=remembered.get("query", ""),
    )
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    lang = rules_lang()
    context: dict[str, Any] = {
        "semester": semester,
        "semester_form": SemesterForm(initial={"semester": semester.code}),
        "form": form,
        "filtered": bool(remembered),
        "page": page,
        "rows": [
            (row, [r["reason"][lang] for r in row.reasons if not r["passed"] or r.get("approval")])
            for row in page.object_list
        ],
        "counts": _counts(user, semester),
    }
    return render(request, "allowance/district.html", context)


def _counts(user: Any, semester: Any) -> dict[str, int]:
    rows = eligibility_list(user=user, semester=semester)
    eligible = rows.filter(eligible=True).count()
    return {"eligible": eligible, "total": rows.count()}


@require_POST
@login_required
def recompute(request: AuthenticatedHttpRequest) -> HttpResponseBase:
    """Recompute the district's eligibility for the posted semester."""
    user = district_committee(request.user)
    form = SemesterForm(request.POST)
    if not form.is_valid():
        for message in form_error_messages(form, labelled=True):
            messages.error(request, message)
        return redirect("allowance:district")
    code = form.cleaned_data["semester"]
    assert user.district is not None  # noqa: S101 # nosec B101 # district_committee checked it
    try:
        summary = eligibility_compute(user.district, code, by=user)
    except ValidationError as exc:
        messages_error(request, exc)
    else:
        messages.success(
            request,
            ngettext(
                "%(total)d teacher computed for %(semester)s, %(eligible)d eligible.",
                "%(total)d teachers computed for %(semester)s, %(eligible)d eligible.",
                summary.teachers,
            )
            % {
                "total": summary.teachers,
                "semester": summary.semester,
                "eligible": summary.eligible,
            },
        )
    return redirect(f"{reverse('allowance:district')}?semester={code}")


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def linearity_view(request: AuthenticatedHttpRequest) -> HttpResponseBase:
    """The linearity table: read by the committee and the school operators, changed by the
    committee."""
    if not linearity_may_read(request.user):
        raise PermissionDenied
    form = LinearityForm()
    if request.method == "POST":
        user = district_committee(request.user)
        try:
            if "delete" in request.POST:
                entry = Linearity.objects.filter(pk=_pk(request.POST.get("delete"))).first()
                if entry is not None:
                    linearity_remove(entry=entry, actor=user)
                    messages.success(request, REMOVED)
                return redirect("allowance:linearity")
            form = LinearityForm(request.POST)
            if form.is_valid():
                linearity_add(actor=user, **form.cleaned_data)
                messages.success(request, SAVED)
                return redirect("allowance:linearity")
        except ValidationError as exc:
            messages_error(request, exc)
    context = {
        "entries": linearity_list(),
        "form": form,
        "edit": request.user.role == request.user.Role.DISTRICT_COMMITTEE,
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "allowance/linearity.html", context, status=status)


def _pk(value: str | None) -> int:
    return int(value) if value and value.isascii() and value.isdigit() else 0


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def approvals_view(request: AuthenticatedHttpRequest) -> HttpResponseBase:
    """The minister's written approvals of the district's teachers; a new one is recorded."""
    user = district_committee(request.user)
    teachers = district_teachers_for(user).select_related("subject").order_by("name")
    form = ApprovalForm(teachers=teachers)
    if request.method == "POST":
        form = ApprovalForm(request.POST, teachers=teachers)
        if form.is_valid():
            try:
                approval_record(actor=user, **form.cleaned_data)
            except ValidationError as exc:
                messages_error(request, exc)
            else:
                messages.success(request, SAVED)
                return redirect("allowance:approvals")
    context = {"approvals": approval_list(user=user)[:500], "form": form}
    status = 400 if request.method == "POST" else 200
    return render(request, "allowance/approvals.html", context, status=status)
