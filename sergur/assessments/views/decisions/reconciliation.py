"""The joint reconciliation of a case whose two assessments disagree: corrections with
their reasons, then the resolution."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from sergur.assessments.forms.decisions import FindingCorrectionForm, PartCorrectionForm
from sergur.assessments.selectors.decisions import reconciliation_get_for_user, reconciliation_page
from sergur.assessments.services.decisions import (
    reconciliation_correct,
    reconciliation_correct_finding,
    reconciliation_resolve,
)
from sergur.common.http import AuthenticatedHttpRequest, messages_error
from sergur.common.i18n import rules_lang
from sergur.portfolios.selectors import teacher_role

CORRECTED = _("The correction is recorded.")
RESOLVED = _("The reconciliation is resolved: the decision awaits publication.")


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def reconcile(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The joint review of a case whose two assessments disagree: correct parts and findings
    (each with a reason), then resolve. In "third" mode it shows where the third stands."""
    reconciliation = reconciliation_get_for_user(user=request.user, pk=pk)
    lang = rules_lang()
    role = teacher_role(reconciliation.case)
    page = reconciliation_page(reconciliation)
    lines = page.line_choices
    part_form = PartCorrectionForm(lang=lang, role=role, lines=lines, prefix="part")
    finding_form = FindingCorrectionForm(prefix="finding")
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            if action == "part":
                part_form = PartCorrectionForm(
                    request.POST, lang=lang, role=role, lines=lines, prefix="part"
                )
                if part_form.is_valid():
                    reconciliation_correct(
                        reconciliation=reconciliation,
                        part=part_form.cleaned_data["part"],
                        line=part_form.cleaned_data["line"],
                        after=part_form.cleaned_data["after"],
                        reason=part_form.cleaned_data["reason"],
                        actor=request.user,
                    )
                    messages.success(request, CORRECTED)
                    return redirect("assessments:reconcile", pk=pk)
            elif action == "finding":
                finding_form = FindingCorrectionForm(request.POST, prefix="finding")
                if finding_form.is_valid():
                    reconciliation_correct_finding(
                        reconciliation=reconciliation,
                        finding=finding_form.cleaned_data["finding"],
                        after=finding_form.value(),
                        reason=finding_form.cleaned_data["reason"],
                        actor=request.user,
                    )
                    messages.success(request, CORRECTED)
                    return redirect("assessments:reconcile", pk=pk)
            elif action == "resolve":
                reconciliation_resolve(
                    reconciliation=reconciliation, actor=request.user, now=timezone.now()
                )
                messages.success(request, RESOLVED)
                return redirect("assessments:decisions")
        except ValidationError as error:
            form = finding_form if action == "finding" else part_form
            if hasattr(error, "error_dict"):
                for field, problems in error.error_dict.items():
                    name = field if field in form.fields else None
                    if field == "after" and action == "finding":
                        name = "items"
                    for problem in problems:
                        form.add_error(name, problem)
            else:
                messages_error(request, error)
    status = 400 if part_form.errors or finding_form.errors else 200
    return render(
        request,
        "assessments/decisions/reconcile.html",
        {
            "case": reconciliation.case,
            "page": page,
            "part_form": part_form,
            "finding_form": finding_form,
        },
        status=status,
    )
