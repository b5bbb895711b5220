"""The rayon's decisions: the joint reconciliation, publication, the PLPG list, the decision
on a clarification; the district's results; the teacher's clarification. Thin: access through
the selectors' helpers, every write through services/decisions.py."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import (
    FileResponse,
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    StreamingHttpResponse,
)
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from sergur.accounts.models import User
from sergur.assessments.forms.decisions import (
    ClarificationDecisionForm,
    ClarificationForm,
    CodeFilterForm,
    FindingCorrectionForm,
    PartCorrectionForm,
    PublishForm,
)
from sergur.assessments.models import Result
from sergur.assessments.selectors import current_result
from sergur.assessments.selectors.decisions import (
    awaiting_results,
    clarification_case_for_teacher,
    clarification_response_get_for_user,
    clarification_responses,
    decision_lists,
    district_results,
    plpg_rows,
    rayon_case_get_for_user,
    reconciliation_get_for_user,
    reconciliation_page,
)
from sergur.assessments.services.decisions import (
    clarification_resolve,
    clarification_respond,
    reconciliation_correct,
    reconciliation_correct_finding,
    reconciliation_resolve,
    results_publish,
)
from sergur.cases.models import Case
from sergur.common.i18n import rules_lang
from sergur.common.uploads import install_capped_upload_handler
from sergur.tabular.spreadsheet import neutralise

PAGE_SIZE = 50

CORRECTED = _("The correction is recorded.")
RESOLVED = _("The reconciliation is resolved: the decision awaits publication.")
PUBLISHED = _("%(count)d decisions published.")
NOTHING_CHOSEN = _("Tick the decisions to publish, or use “Publish all”.")
NOTHING_TO_PUBLISH = _("No decision awaits publication.")
SENT = _("Your clarification is sent. The rayon will decide on it.")
CLARIFICATION_DECIDED = _("The clarification is decided: the new decision awaits publication.")


class AuthenticatedHttpRequest(HttpRequest):
    """A request past login_required: its user is a signed-in User."""

    user: User


def _errors(error: ValidationError) -> list[str]:
    return [str(message) for message in error.messages]


# -- reconciliation ------------------------------------------------------------------------------


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def reconcile(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The joint review of a case whose two assessments disagree: correct parts and findings
    (each with a reason), then resolve. In "third" mode it shows where the third stands."""
    reconciliation = reconciliation_get_for_user(user=request.user, pk=pk)
    lang = rules_lang()
    part_form = PartCorrectionForm(lang=lang, prefix="part")
    finding_form = FindingCorrectionForm(prefix="finding")
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            if action == "part":
                part_form = PartCorrectionForm(request.POST, lang=lang, prefix="part")
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
                for text in _errors(error):
                    messages.error(request, text)
    page = reconciliation_page(reconciliation)
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


# -- decisions and publication -------------------------------------------------------------------


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
        for text in _errors(error):
            messages.error(request, text)
        return redirect("assessments:decisions")
    messages.success(request, PUBLISHED % {"count": len(done)})
    return redirect("assessments:decisions")


class _Echo:
    def write(self, value: str) -> str:
        return value


def _csv(rows: Iterable[list[str]], header: list[str], filename: str) -> StreamingHttpResponse:
    writer = csv.writer(_Echo())

    def lines() -> Iterator[str]:
        yield "\ufeff" + writer.writerow(header)
        for row in rows:
            yield writer.writerow([neutralise(cell) for cell in row])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    patch_cache_control(response, private=True, no_store=True)
    return response


def _result_cells(result: Result) -> list[str]:
    case = result.case
    return [
        case.participant_number,
        case.teacher.name,
        str(getattr(result, "school_name", "") or ""),
        str(case.teacher.subject or ""),
        result.code,
        str(result.total.normalize()),
        f"{timezone.localtime(result.published_at):%Y-%m-%d}" if result.published_at else "",
    ]


def _result_header() -> list[str]:
    return [
        _g("participant number"),
        _g("name"),
        _g("school"),
        _g("subject"),
        _g("decision"),
        _g("total"),
        _g("published"),
    ]


@require_safe
@login_required
def plpg(request: AuthenticatedHttpRequest) -> HttpResponseBase:
    """The PLPG list: the teachers whose published decision is MPLPG (CSV with ?format=csv)."""
    rows = plpg_rows(user=request.user)
    if request.GET.get("format") == "csv":
        return _csv(
            (_result_cells(r) for r in rows.iterator(chunk_size=2000)),
            _result_header(),
            "plpg.csv",
        )
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "assessments/decisions/plpg.html", {"page": page})


@require_safe
@login_required
def district_results_page(request: AuthenticatedHttpRequest) -> HttpResponseBase:
    """The district committee's view of its teachers' published decisions, by code (CSV with
    ?format=csv)."""
    filter_form = CodeFilterForm(request.GET or None)
    code = filter_form.cleaned_data["code"] if filter_form.is_valid() else ""
    rows = district_results(user=request.user, code=code)
    lang = rules_lang()
    if request.GET.get("format") == "csv":
        return _csv(
            (
                [*_result_cells(r), " | ".join(r.reasons.get(lang, []))]
                for r in rows.iterator(chunk_size=2000)
            ),
            [*_result_header(), _g("reasons")],
            f"results{'-' + code if code else ''}.csv",
        )
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "assessments/decisions/district.html",
        {
            "page": page,
            "rows": [(r, r.reasons.get(lang, [])) for r in page.object_list],
            "filter_form": filter_form,
            "code": code,
        },
    )


# -- clarification -------------------------------------------------------------------------------


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
                    for text in _errors(error):
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
                for text in _errors(error):
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
    response = FileResponse(
        answer.file.open("rb"),
        content_type=answer.content_type or "application/octet-stream",
        as_attachment=False,
        filename=answer.original_name or "scan",
    )
    response["X-Content-Type-Options"] = "nosniff"
    patch_cache_control(response, private=True, no_store=True)
    return response
