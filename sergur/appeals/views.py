"""Pages of the appeal: the teacher's form, the rayon admin's list and assignment, the
reviewer's page to decide, the file download and the statistics per rayon."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from sergur.appeals.forms import (
    AppealDecideForm,
    AppealFileForm,
    ReviewerForm,
    StatsFilterForm,
    part_label,
)
from sergur.appeals.models import Appeal
from sergur.appeals.selectors import (
    APPEAL_WORKLIST,
    AppealRights,
    appeal_get_for_user,
    appeal_list_for_user,
    appeal_rights,
    appeal_stats,
    case_sheets,
    published_result,
    rayon_assessors,
    reviewer_candidates,
)
from sergur.appeals.services import (
    appeal_decide,
    appeal_file,
    appeal_refusal,
    appeal_reviewer_assign,
)
from sergur.cases.selectors import case_district_id, case_get_for_user, case_rights
from sergur.common.audit import audit_download
from sergur.common.http import AuthenticatedHttpRequest, error_messages, file_download
from sergur.common.i18n import rules_lang
from sergur.common.uploads import install_capped_upload_handler
from sergur.common.worklists import worklist_read
from sergur.rules.assessment import PARTS
from sergur.rules.messages import Lang, Message

PER_PAGE = 50

FILED = _("Your appeal was filed. The rayon assigns an independent reviewer, who decides it.")
ASSIGNED = _("The reviewer was assigned.")
DECIDED = _("The appeal was decided; the teacher sees the outcome and your reasons.")


def _text(reason: Message | str, lang: Lang) -> str:
    return reason.text(lang) if isinstance(reason, Message) else str(reason)


# -- the teacher ---------------------------------------------------------------------------------


# CSRF is checked inside the view, right after the capped upload handler is installed: the
# handler must be in place before anything reads request.POST (as the evidence upload does).
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def appeal_file_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponseBase:
    """The teacher's appeal form: the grounds and one optional file, while the window is
    open; the reason it is not open otherwise."""
    if request.method == "POST":
        install_capped_upload_handler(request, max_bytes=settings.SERGUR_EVIDENCE_MAX_BYTES)
    response: HttpResponseBase = csrf_protect(_appeal_file)(request, pk=pk)
    return response


def _appeal_file(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    case = case_get_for_user(user=request.user, pk=pk)
    if not case_rights(user=request.user, case=case).is_owner:
        raise PermissionDenied
    now = timezone.now()
    form = AppealFileForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            appeal_file(
                case=case,
                actor=request.user,
                grounds=form.cleaned_data["grounds"],
                upload=form.cleaned_data["evidence"],
                now=now,
            )
        except ValidationError as exc:
            errors = error_messages(exc)
        else:
            messages.success(request, FILED)
            return redirect("portfolios:case", pk=case.pk)
    refusal = appeal_refusal(case=case, now=now)
    result = published_result(case)
    context: dict[str, Any] = {
        "case": case,
        "result": result,
        "form": form,
        "errors": errors,
        "refusal": error_messages(refusal) if refusal is not None else [],
        "max_size": settings.SERGUR_EVIDENCE_MAX_BYTES,
    }
    return render(request, "appeals/file.html", context)


# -- the rayon and the reviewer --------------------------------------------------------------


@require_safe
@login_required
def appeal_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The rayon admin's appeals (the assessor: those they review), open ones first, with
    their status; a fixed number of queries per page."""
    rows = appeal_list_for_user(user=request.user)
    now = timezone.now()
    listing = worklist_read(request, APPEAL_WORKLIST, rows, now=now, per_page=PER_PAGE)
    page = listing.page
    context = {"listing": listing, "page": page, "appeals": list(page.object_list), "now": now}
    return render(request, "appeals/list.html", context)


def _detail_context(
    request: AuthenticatedHttpRequest,
    appeal: Appeal,
    rights: AppealRights,
    *,
    assign_form: ReviewerForm | None = None,
    decide_form: AppealDecideForm | None = None,
    errors: list[str] | None = None,
) -> dict[str, Any]:
    lang = rules_lang()
    result = appeal.result
    sheets = case_sheets(appeal.case)
    context: dict[str, Any] = {
        "appeal": appeal,
        "rights": rights,
        "errors": errors or [],
        "result": result,
        "reasons": result.reasons.get(lang, []) if isinstance(result.reasons, dict) else [],
        "sheets": sheets,
        "part_rows": [
            (
                part_label(p, lang),
                result.parts.get(p, "0"),
                [sheet.parts.get(p, "—") for sheet in sheets],
            )
            for p in PARTS
        ],
        "corrections": [
            (part_label(p, lang), values)
            for p, values in appeal.corrections.get("parts", {}).items()
        ],
    }
    if rights.manage:
        context["candidates"] = [
            (candidate, [_text(reason, lang) for reason in candidate.obstacles])
            for candidate in reviewer_candidates(appeal=appeal)
        ]
        if appeal.decided_at is None:
            context["assign_form"] = assign_form or ReviewerForm(
                assessors=rayon_assessors(appeal.rayon_id),
                initial={"reviewer": appeal.reviewer_id},
            )
    if rights.decide:
        context["decide_form"] = decide_form or AppealDecideForm(
            lang=lang, initial=AppealDecideForm.initial_of(result.parts, result.review)
        )
    return context


def _detail_access(request: AuthenticatedHttpRequest, pk: int) -> tuple[Appeal, AppealRights]:
    """The appeal (404 when it may not be seen) for its rayon's admin or its reviewer (403
    for the teacher, whose page is the case's)."""
    appeal = appeal_get_for_user(user=request.user, pk=pk)
    rights = appeal_rights(user=request.user, appeal=appeal)
    if not (rights.manage or rights.review):
        raise PermissionDenied
    return appeal, rights


@require_safe
@login_required
def appeal_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """One appeal: the decision appealed, the sheets' parts, the grounds and file; the rayon
    admin assigns the reviewer here, the reviewer decides here."""
    appeal, rights = _detail_access(request, pk)
    return render(request, "appeals/detail.html", _detail_context(request, appeal, rights))


@require_POST
@login_required
def appeal_assign(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Assign the reviewer (the rayon admin); a refusal is explained on the page."""
    appeal, rights = _detail_access(request, pk)
    if not rights.manage:
        raise PermissionDenied
    form = ReviewerForm(request.POST, assessors=rayon_assessors(appeal.rayon_id))
    errors: list[str] = []
    if form.is_valid():
        try:
            appeal_reviewer_assign(
                appeal=appeal,
                reviewer=form.cleaned_data["reviewer"],
                actor=request.user,
                now=timezone.now(),
            )
        except ValidationError as exc:
            errors = error_messages(exc)
        else:
            messages.success(request, ASSIGNED)
            return redirect("appeals:detail", pk=appeal.pk)
    context = _detail_context(request, appeal, rights, assign_form=form, errors=errors)
    return render(request, "appeals/detail.html", context)


@require_POST
@login_required
def appeal_decide_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The reviewer's decision; a refusal is explained on the page, the values kept."""
    appeal, rights = _detail_access(request, pk)
    if not rights.review:
        raise PermissionDenied
    form = AppealDecideForm(request.POST, lang=rules_lang())
    errors: list[str] = []
    if form.is_valid():
        try:
            appeal_decide(
                appeal=appeal,
                actor=request.user,
                parts=form.parts(),
                review=form.review(),
                reasons=form.cleaned_data["reasons"],
                now=timezone.now(),
            )
        except ValidationError as exc:
            errors = error_messages(exc)
        else:
            messages.success(request, DECIDED)
            return redirect("appeals:detail", pk=appeal.pk)
    context = _detail_context(request, appeal, rights, decide_form=form, errors=errors)
    return render(request, "appeals/detail.html", context)


@require_safe
@login_required
def appeal_evidence(request: AuthenticatedHttpRequest, pk: int) -> FileResponse:
    """The appeal's file, as stored, to the teacher, the rayon admin and the reviewer."""
    appeal = appeal_get_for_user(user=request.user, pk=pk)
    rights = appeal_rights(user=request.user, appeal=appeal)
    if not (rights.is_owner or rights.manage or rights.review):
        raise PermissionDenied
    if not appeal.evidence:
        raise Http404
    audit_download(
        request=request,
        file="appeal_evidence",
        object_kind="appeal",
        object_id=appeal.pk,
        district_id=case_district_id(appeal.case),
    )
    return file_download(
        appeal.evidence.open("rb"),
        filename=appeal.evidence_name,  # sanitised by the service when it was stored
        content_type=appeal.evidence_type,  # the type found in the bytes
    )


@require_safe
@login_required
def appeal_stats_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Appeal statistics per rayon (the rayon admin: theirs; the operator: all), aggregated
    in the database; of one programme year or all."""
    form = StatsFilterForm(request.GET or None)
    rows = appeal_stats(user=request.user, year=form.year_value())
    codes = sorted({code for row in rows for code in (*row.by_code, *row.changed_to)})
    context = {
        "rows": rows,
        "codes": codes,
        "by_code": [(row, [row.by_code.get(c, 0) for c in codes]) for row in rows],
        "changed_to": [(row, [row.changed_to.get(c, 0) for c in codes]) for row in rows],
        "list_url": reverse("appeals:list"),
        "form": form,
    }
    return render(request, "appeals/stats.html", context)
