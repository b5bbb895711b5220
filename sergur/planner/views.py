"""The district committee's planner page (docs/allowance.md, "The page"): start a run, see
its proposal as a table and a map, and accept, accept in part or reject it per teacher
("Accepting a proposal")."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST, require_safe

from sergur.allowance.selectors import current_semester, district_committee
from sergur.common.http import AuthenticatedHttpRequest, form_error_messages, messages_error
from sergur.planner.forms import DecisionForm, RunForm
from sergur.planner.models import PlanRun
from sergur.planner.selectors import (
    plan_map,
    run_get_for_user,
    run_list_for_user,
    run_rows,
    run_teacher_get,
)
from sergur.planner.services import proposal_accept, proposal_reject, run_start
from sergur.planner.services.runs import limits_for
from sergur.planner.tasks import compute

STARTED = _("The plan is being computed; this page shows it once it is done.")
ACCEPTED = _(
    "The proposal is accepted: the hours are in the teacher's load, the teacher's eligibility "
    "is recomputed, and the teacher and the schools are told."
)
REJECTED = _("The proposal is rejected for this teacher.")
LISTED = 20


def _home(request: AuthenticatedHttpRequest, form: RunForm, status: int = 200) -> HttpResponse:
    person = district_committee(request.user)
    runs = run_list_for_user(user=request.user)[:LISTED]
    context: dict[str, Any] = {"district": person.district, "form": form, "runs": runs}
    return render(request, "planner/home.html", context, status=status)


@require_safe
@login_required
def home(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The runs of the district and the form to start one."""
    district_committee(request.user)
    current = current_semester().code
    limits = limits_for(current)
    initial = {
        "semester": current,
        "min_hours": limits.min_hours,
        "max_km": limits.max_km,
        "max_schools": limits.max_schools,
    }
    return _home(request, RunForm(initial=initial))


@require_POST
@login_required
def start(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Queue a run and compute it in the background."""
    person = district_committee(request.user)
    form = RunForm(request.POST)
    if person.district is None:  # district_committee() refuses it already
        raise PermissionDenied
    if form.is_valid():
        data = form.cleaned_data
        try:
            run = run_start(
                actor=person,
                district=person.district,
                semester=data["semester"],
                min_hours=data["min_hours"],
                max_km=data["max_km"],
                max_schools=data["max_schools"],
                what_if_pupils=data["what_if_pupils"],
                what_if_hours=data["what_if_hours"],
                now=timezone.now(),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            transaction.on_commit(lambda: compute.delay(run.pk))
            messages.success(request, STARTED)
            return redirect("planner:run", pk=run.pk)
    return _home(request, form, status=400)


@require_safe
@login_required
def run_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """A run: its state, the proposal per teacher, the fixes, the what-if and the map."""
    return _run_page(request, run_get_for_user(user=request.user, pk=pk))


def _run_page(request: AuthenticatedHttpRequest, run: PlanRun, status: int = 200) -> HttpResponse:
    lang = "id" if (get_language() or "").startswith("id") else "en"
    context = {"run": run, "rows": run_rows(run, lang), "map": plan_map(run)}
    return render(request, "planner/run.html", context, status=status)


@require_POST
@login_required
def decide(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Accept the ticked class-subjects of a teacher's proposal, or reject it."""
    run = run_get_for_user(user=request.user, pk=pk)
    keys = [
        str(a["slot"]) for t in run.result.get("teachers", []) for a in t.get("assignments", [])
    ]
    form = DecisionForm(request.POST, slots=keys)
    if not form.is_valid():
        for message in form_error_messages(form, labelled=True):
            messages.error(request, message)
        return _run_page(request, run, status=400)
    data = form.cleaned_data
    teacher = run_teacher_get(run=run, pk=data["teacher"])
    try:
        if data["action"] == DecisionForm.ACCEPT:
            proposal_accept(run=run, teacher=teacher, slots=data["slot"], actor=request.user)
            messages.success(request, ACCEPTED)
        else:
            proposal_reject(run=run, teacher=teacher, actor=request.user)
            messages.success(request, REJECTED)
    except ValidationError as error:
        messages_error(request, error)
        return _run_page(request, run, status=400)
    return redirect("planner:run", pk=run.pk)
