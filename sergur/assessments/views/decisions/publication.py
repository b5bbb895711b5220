"""The rayon's decisions page and the publication of the decisions awaiting it."""

from __future__ import annotations

from collections import Counter

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, ngettext_lazy
from django.views.decorators.http import require_POST, require_safe

from sergur.assessments.forms.decisions import CodeFilterForm, PublishForm
from sergur.assessments.models import Result
from sergur.assessments.selectors.decisions import CODES, awaiting_results, decision_lists
from sergur.assessments.services.decisions import results_publish
from sergur.common.http import AuthenticatedHttpRequest, form_error_messages, messages_error

PAGE_SIZE = 50

PUBLISHED = ngettext_lazy(
    "%(count)d decision published.", "%(count)d decisions published.", "count"
)
NOTHING_CHOSEN = _("Tick the decisions to publish, or use “Publish all”.")
NOTHING_TO_PUBLISH = _("No decision awaits publication.")
COUNT_CHANGED = _(
    "The number of decisions awaiting publication has changed since the confirmation page "
    "was shown; check the new number and confirm again."
)


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
        messages.error(request, " ".join(form_error_messages(form)))
        return redirect("assessments:decisions")
    everything = form.cleaned_data["all"]
    chosen = waiting if everything else [r for r in waiting if r.pk in form.cleaned_data["result"]]
    if not chosen:
        messages.error(request, NOTHING_TO_PUBLISH if everything else NOTHING_CHOSEN)
        return redirect("assessments:decisions")
    confirmed = form.cleaned_data["confirm"]
    if everything and confirmed != len(chosen):
        # "Publish all" takes effect only once the officer has seen how many decisions it
        # publishes, and only for that number: a decision added meanwhile asks again.
        return _confirm_all(request, chosen, changed=confirmed is not None)
    try:
        with transaction.atomic():
            done = results_publish(results=chosen, actor=request.user, now=timezone.now())
    except ValidationError as error:
        messages_error(request, error)
        return redirect("assessments:decisions")
    messages.success(request, PUBLISHED % {"count": len(done)})
    return redirect("assessments:decisions")


def _confirm_all(
    request: AuthenticatedHttpRequest, chosen: list[Result], *, changed: bool
) -> HttpResponse:
    """The confirmation step of "Publish all": how many decisions, of which codes."""
    by_code = Counter(result.code for result in chosen)
    count = len(chosen)
    return render(
        request,
        "assessments/decisions/publish_confirm.html",
        {
            "count": count,
            "question": ngettext(
                "Publish %(count)d decision now?", "Publish all %(count)d decisions now?", count
            )
            % {"count": count},
            "by_code": sorted(by_code.items(), key=lambda item: CODES.index(item[0])),
            "changed": COUNT_CHANGED if changed else "",
        },
    )
