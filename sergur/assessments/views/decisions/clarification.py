"""The clarification of a K decision: the teacher's answer with its scan, and the rayon's
decision on it."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_safe

from sergur.assessments.forms.decisions import ClarificationDecisionForm, ClarificationForm
from sergur.assessments.selectors import current_result
from sergur.assessments.selectors.decisions import (
    clarification_case_for_teacher,
    clarification_response_get_for_user,
    clarification_responses,
    rayon_case_get_for_user,
)
from sergur.assessments.services.decisions import clarification_resolve, clarification_respond
from sergur.cases.models import Case
from sergur.cases.selectors import case_district_id
from sergur.common.audit import audit_download
from sergur.common.http import AuthenticatedHttpRequest, error_messages, file_download
from sergur.common.i18n import rules_lang
from sergur.common.uploads import install_capped_upload_handler

SENT = _("Your clarification is sent. The rayon will decide on it.")
CLARIFICATION_DECIDED = _("The clarification is decided: the new decision awaits publication.")


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def clarify(request: AuthenticatedHttpRequest, pk: int) -> HttpResponseBase:
    """The teacher answers a K decision, with a scan of an original if they like."""
    # The upload cap must be in place before anything reads request.POST (the CSRF check
    # does): the same order as the evidence upload.
    if request.method == "POST":
        install_capped_upload_handler(request, max_bytes=settings.SERGUR_EVIDENCE_MAX_BYTES)
    response: HttpResponseBase = csrf_protect(_clarify)(request, pk=pk)
    return response


def _clarify(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    case = clarification_case_for_teacher(user=request.user, pk=pk)
    result = current_result(case)
    form = ClarificationForm()
    if request.method == "POST":
        form = ClarificationForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                clarification_respond(
                    case=case,
                    actor=request.user,
                    text=form.cleaned_data["text"],
                    upload=form.cleaned_data["scan"],
                    now=timezone.now(),
                )
            except ValidationError as error:
                if hasattr(error, "error_dict"):
                    for field, problems in error.error_dict.items():
                        for problem in problems:
                            form.add_error(field if field in form.fields else None, problem)
                else:
                    for text in error_messages(error):
                        form.add_error(None, text)
            else:
                messages.success(request, SENT)
                return redirect(reverse("portfolios:case", args=[case.pk]))
    return render(
        request,
        "assessments/decisions/clarify.html",
        {
            "case": case,
            "result": result,
            "form": form,
            "responses": clarification_responses(case),
            "reasons": (result.reasons.get(rules_lang(), []) if result else []),
        },
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def clarification_decide(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The rayon reads the teacher's clarification and decides: cleared or fraud."""
    case = rayon_case_get_for_user(user=request.user, pk=pk, state=Case.State.CLARIFICATION)
    form = ClarificationDecisionForm()
    if request.method == "POST":
        form = ClarificationDecisionForm(request.POST)
        if form.is_valid():
            try:
                clarification_resolve(
                    case=case,
                    actor=request.user,
                    fraud=form.cleaned_data["outcome"] == "fraud",
                    reason=form.cleaned_data["reason"],
                    now=timezone.now(),
                )
            except ValidationError as error:
                for text in error_messages(error):
                    form.add_error(None, text)
            else:
                messages.success(request, CLARIFICATION_DECIDED)
                return redirect("assessments:decisions")
    result = current_result(case)
    return render(
        request,
        "assessments/decisions/clarification_decide.html",
        {
            "case": case,
            "result": result,
            "reasons": (result.reasons.get(rules_lang(), []) if result else []),
            "responses": clarification_responses(case),
            "form": form,
        },
        status=400 if form.errors else 200,
    )


@require_safe
@login_required
def clarification_file(
    request: AuthenticatedHttpRequest, pk: int, response_pk: int
) -> FileResponse:
    """A clarification's scan, for the teacher who sent it and the rayon's admin."""
    answer = clarification_response_get_for_user(user=request.user, pk=pk, response_pk=response_pk)
    audit_download(
        request=request,
        file="clarification",
        object_kind="case",
        object_id=answer.case_id,
        district_id=case_district_id(answer.case),
        detail={"clarification": answer.pk},
    )
    return file_download(
        answer.file.open("rb"),
        filename=answer.original_name or "scan",
        content_type=answer.content_type or "application/octet-stream",
        as_attachment=False,
    )
