"""The rayon's decisions page and the publication of the decisions awaiting it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST, require_safe

from sergur.assessments.forms.decisions import CodeFilterForm, PublishForm
from sergur.assessments.selectors.decisions import awaiting_results, decision_lists
from sergur.assessments.services.decisions import results_publish
from sergur.common.http import AuthenticatedHttpRequest, messages_error

PAGE_SIZE = 50

PUBLISHED = _("%(count)d decisions published.")
NOTHING_CHOSEN = _("Tick the decisions to publish, or use “Publish all”.")
NOTHING_TO_PUBLISH = _("No decision awaits publication.")


@require_safe
@login_required
def decisions(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The rayon's decisions: reconciliations, decisions awaiting publication, clarifications
    to decide, and the published decisions by code."""
    filter_form = CodeFilterForm(request.GET or None)
    code = filter_form.cleaned_data["code"] if filter_form.is_valid() else ""
    lists = decision_lists(user=request.user, code=code)
    page = Paginator(lists.published, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "assessments/decisions/list.html",
        {
            "lists": lists,
            "page": page,
            "filter_form": filter_form,
            "code": code,
        },
    )


@require_POST
@login_required
def publish(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Publish the ticked decisions, or all awaiting ones, in one transaction."""
    waiting = awaiting_results(user=request.user, pks=None)
    form = PublishForm(request.POST, pks=[result.pk for result in waiting])
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for e in form.errors.get("result", [])))
        return redirect("assessments:decisions")
    everything = form.cleaned_data["all"]
    chosen = waiting if everything else [r for r in waiting if r.pk in form.cleaned_data["result"]]
    if not chosen:
        messages.error(request, NOTHING_TO_PUBLISH if everything else NOTHING_CHOSEN)
        return redirect("assessments:decisions")
    try:
        with transaction.atomic():
            done = results_publish(results=chosen, actor=request.user, now=timezone.now())
    except ValidationError as error:
        messages_error(request, error)
        return redirect("assessments:decisions")
    messages.success(request, PUBLISHED % {"count": len(done)})
    return redirect("assessments:decisions")
