"""The re-scoring batch page (docs/batch.md): a superuser or a rayon admin starts a re-score of
a programme year after a parameter change (POST, with a confirmation and the year's current
parameters shown), watches its progress (a fragment polled with htmx) and reads the history
of jobs. Every other role gets 403; a job of another rayon is 404."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_safe

from sergur.assessments.forms.batch import BatchStartForm
from sergur.assessments.selectors.batch import (
    batch_allowed,
    batch_cases,
    batch_job_get_for_user,
    batch_jobs_for_user,
    batch_params,
)
from sergur.assessments.services.batch import batch_start
from sergur.assessments.tasks import rescore_year
from sergur.common.http import AuthenticatedHttpRequest
from sergur.registry.models import ProgrammeYear, Rayon
from sergur.rules import ProgrammeYearError

HISTORY = 50
STARTED = _("The re-scoring job was started.")


def _parameters(year: ProgrammeYear, rayon: Rayon | None) -> dict[str, Any]:
    """The programme year's current parameters and how many portfolios a job would re-score."""
    try:
        params, rules = batch_params(year)
    except ProgrammeYearError as error:
        return {"year": year, "error": str(error)}
    return {
        "year": year,
        "params": params,
        "thresholds": rules.portfolio,
        "cases": batch_cases(programme_year=year, rayon=rayon).count(),
    }


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def batch(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Start a re-score (POST) and list the jobs of the user's scope."""
    user = request.user
    if not batch_allowed(user):
        raise PermissionDenied
    form = BatchStartForm(request.POST if request.method == "POST" else None, user=user)
    if request.method == "POST" and form.is_valid():
        try:
            job = batch_start(
                actor=user,
                programme_year=form.cleaned_data["programme_year"],
                rayon=form.cleaned_data["rayon"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            # Queued once the job row is committed (inline in the embedded default).
            transaction.on_commit(lambda: rescore_year.delay(job.pk))
            messages.success(request, STARTED)
            return redirect("assessments:batch")
    own_rayon = None if user.is_superuser else user.rayon
    years = ProgrammeYear.objects.order_by("-year")
    context = {
        "form": form,
        "years": [_parameters(year, own_rayon) for year in years[:5]],
        "jobs": list(batch_jobs_for_user(user)[:HISTORY]),
    }
    return render(request, "assessments/batch/page.html", context)


@require_safe
@login_required
def batch_progress(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The progress fragment of one job, polled while it is queued or running."""
    if not batch_allowed(request.user):
        raise PermissionDenied
    job = batch_job_get_for_user(user=request.user, pk=pk)
    response = render(request, "assessments/batch/_progress.html", {"job": job})
    patch_cache_control(response, no_store=True)
    return response
