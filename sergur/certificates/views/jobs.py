"""The bulk-issuance page of the rayon (a Celery job with a progress bar, like the re-scoring
job) and the NRG page of the ministry."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_safe

from sergur.certificates.forms import IssueJobForm
from sergur.certificates.selectors import (
    issue_job_get_for_user,
    issue_jobs_for_user,
    issue_rayon,
    may_issue,
    may_issue_nrg,
    nrg_pending,
    nrg_recent,
)
from sergur.certificates.services import issue_job_start, nrg_issue_bulk
from sergur.certificates.tasks import issue_year
from sergur.common.http import AuthenticatedHttpRequest

HISTORY = 50
STARTED = _("The issuance job was started.")


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def issue_jobs(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Start the issuance of a programme year (POST) and watch the jobs of the scope."""
    user = request.user
    if not may_issue(user):
        raise PermissionDenied
    form = IssueJobForm(request.POST if request.method == "POST" else None, rayon=issue_rayon(user))
    if request.method == "POST" and form.is_valid():
        try:
            job = issue_job_start(
                actor=user,
                programme_year=form.cleaned_data["programme_year"],
                rayon=form.cleaned_data.get("rayon"),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            transaction.on_commit(lambda: issue_year.delay(job.pk))
            messages.success(request, STARTED)
            return redirect("certificates:jobs")
    context = {"form": form, "jobs": list(issue_jobs_for_user(user)[:HISTORY])}
    return render(request, "certificates/jobs.html", context)


@require_safe
@login_required
def issue_job_progress(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The progress fragment of one job, polled while it is queued or running."""
    if not may_issue(request.user):
        raise PermissionDenied
    job = issue_job_get_for_user(user=request.user, pk=pk)
    response = render(request, "certificates/_progress.html", {"job": job})
    patch_cache_control(response, no_store=True)
    return response


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def nrg_page(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The ministry issues NRGs to newly certified teachers who have none, in bulk."""
    if not may_issue_nrg(request.user):
        raise PermissionDenied
    if request.method == "POST":
        count = nrg_issue_bulk(actor=request.user, now=timezone.now())
        messages.success(
            request,
            ngettext("%(count)d NRG issued.", "%(count)d NRGs issued.", count) % {"count": count},
        )
        return redirect("certificates:nrg")
    context = {"pending": nrg_pending().count(), "recent": list(nrg_recent())}
    return render(request, "certificates/nrg.html", context)
