"""Pages of verification: each office's worklist, one case's documents with a verdict form
each (htmx or a plain POST), carrying verdicts over, completing the stage, and the rayon's
receipt of every verified portfolio."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from django.views.decorators.http import require_POST, require_safe

from sergur.common.http import AuthenticatedHttpRequest, error_messages, messages_error
from sergur.common.worklists import worklist_read
from sergur.verification.forms import VerdictForm
from sergur.verification.models import Stage, StageReview
from sergur.verification.selectors import (
    STRICT_STAGES,
    VERIFICATION_WORKLIST,
    CaseVerification,
    Document,
    case_verification,
    stage_of,
    verification_get_for_user,
    worklist,
)
from sergur.verification.services import (
    cases_receive_all,
    stage_complete,
    verdict_record,
    verdicts_accept_suggested,
    verdicts_meet_remaining,
)

CASE_TEMPLATE = "verification/case.html"
WORKLIST_TEMPLATE = "verification/worklist.html"

VERDICT_SAVED = _("Verdict %(verdict)s recorded for %(code)s.")
SUGGESTIONS_ACCEPTED = ngettext_lazy(
    "%(count)s verdict carried over from the earlier submission.",
    "%(count)s verdicts carried over from the earlier submission.",
    "count",
)
REMAINING_MET = ngettext_lazy(
    "%(count)s document without a verdict recorded as MP.",
    "%(count)s documents without a verdict recorded as MP.",
    "count",
)
STAGE_PASSED = _("The portfolio of %(name)s was passed on.")
STAGE_RETURNED = ngettext_lazy(
    "The portfolio of %(name)s was returned to the teacher (%(count)s finding).",
    "The portfolio of %(name)s was returned to the teacher (%(count)s findings).",
    "count",
)
RECEIVED_ALL = ngettext_lazy(
    "%(received)s portfolio received.", "%(received)s portfolios received.", "received"
)
SKIPPED = ngettext_lazy(
    "%(skipped)s portfolio carries verdicts of the rayon and was left to be completed on its "
    "own page.",
    "%(skipped)s portfolios carry verdicts of the rayon and were left to be completed on "
    "their own page.",
    "skipped",
)


@dataclass
class DocumentForm:
    """A document of the page with its verdict form and the errors of the last try."""

    doc: Document
    form: VerdictForm
    errors: list[str]


def _form(doc: Document, data: Any = None) -> VerdictForm:
    current = doc.current or doc.suggestion
    initial: dict[str, Any] = {"evidence": doc.file.pk}
    if current is not None:
        initial |= {"verdict": current.verdict, "reason": current.reason}
    return VerdictForm(data, initial=initial, auto_id=f"doc{doc.file.pk}_%s")


def _document_form(
    doc: Document, data: Any = None, errors: list[str] | None = None
) -> DocumentForm:
    return DocumentForm(doc=doc, form=_form(doc, data), errors=errors or [])


def _page_context(view: CaseVerification, bound: DocumentForm | None = None) -> dict[str, Any]:
    def form_of(doc: Document) -> DocumentForm:
        if bound is not None and bound.doc.file.pk == doc.file.pk:
            return bound
        return _document_form(doc)

    stage_reviews = [r for r in view.reviews if r.submission_id == view.submission.pk]
    return {
        "case": view.case,
        "view": view,
        "stage": view.stage,
        "strict": view.stage in STRICT_STAGES,
        "is_district": view.stage == Stage.DISTRICT,
        "diplomas": [form_of(doc) for doc in view.diplomas],
        "others": [form_of(doc) for doc in view.others],
        "stage_reviews": stage_reviews,
        "earlier_returns": [
            r
            for r in view.reviews
            if r.submission_id != view.submission.pk and r.outcome == StageReview.Outcome.RETURNED
        ],
    }


def _page_url(pk: int, evidence_id: int | None = None) -> str:
    url = reverse("verification:case", kwargs={"pk": pk})
    return f"{url}#doc-{evidence_id}" if evidence_id else url


@require_safe
@login_required
def worklist_page(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The portfolios waiting for the user's office, searched, sorted and paginated (the
    queries do not grow with the rows); 403 for anyone who verifies nothing."""
    stage = stage_of(request.user)
    if stage is None:
        raise PermissionDenied
    listing = worklist_read(
        request, VERIFICATION_WORKLIST, worklist(user=request.user), now=timezone.now()
    )
    context = {
        "stage": stage,
        "listing": listing,
        "page": listing.page,
        "is_rayon": stage == Stage.RAYON,
    }
    return render(request, WORKLIST_TEMPLATE, context)


@require_safe
@login_required
def case_page(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Every document of the latest submission with its verdict form, the diplomas first."""
    case, stage = verification_get_for_user(user=request.user, pk=pk)
    view = case_verification(case=case, stage=stage)
    return render(request, CASE_TEMPLATE, _page_context(view))


@require_POST
@login_required
def verdict(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Record one document's verdict; a refused verdict is explained next to the document and
    nothing typed is lost."""
    case, stage = verification_get_for_user(user=request.user, pk=pk)
    view = case_verification(case=case, stage=stage)
    try:
        evidence_id = int(request.POST.get("evidence", ""))
    except ValueError:
        evidence_id = 0
    doc = view.document(evidence_id)  # 404 for a file of another portfolio
    form = _form(doc, request.POST)
    errors: list[str] = []
    if form.is_valid():
        try:
            saved = verdict_record(
                case=case,
                evidence_id=doc.file.pk,
                verdict=form.cleaned_data["verdict"],
                reason=form.cleaned_data["reason"],
                actor=request.user,
                now=timezone.now(),
            )
        except ValidationError as exc:
            errors = error_messages(exc)
        else:
            text = VERDICT_SAVED % {"verdict": saved.verdict, "code": saved.code}
            if not _fragment(request):
                messages.success(request, text)
                return redirect(_page_url(case.pk, doc.file.pk))
            view = case_verification(case=case, stage=stage)
            fresh = _document_form(view.document(doc.file.pk))
            return _render_fragment(request, view, fresh, saved=str(text))
    bound = DocumentForm(doc=doc, form=form, errors=errors)
    if _fragment(request):
        return _render_fragment(request, view, bound)
    return render(request, CASE_TEMPLATE, _page_context(view, bound))


def _fragment(request: AuthenticatedHttpRequest) -> bool:
    return bool(request.htmx) and not request.htmx.boosted


def _render_fragment(
    request: AuthenticatedHttpRequest, view: CaseVerification, item: DocumentForm, saved: str = ""
) -> HttpResponse:
    context = {**_page_context(view, item), "item": item, "saved": saved}
    document = render_to_string(f"{CASE_TEMPLATE}#document", context, request)
    # The stage's progress (documents still without a verdict) follows out of band.
    progress = render_to_string(f"{CASE_TEMPLATE}#progress", {**context, "oob": True}, request)
    response = HttpResponse(document + progress)
    patch_vary_headers(response, ["HX-Request"])
    return response


@require_POST
@login_required
def accept_suggestions(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Record the verdicts carried over from the unchanged files of the earlier submission."""
    case, _stage = verification_get_for_user(user=request.user, pk=pk)
    try:
        rows = verdicts_accept_suggested(case=case, actor=request.user, now=timezone.now())
    except ValidationError as exc:
        messages_error(request, exc)
    else:
        messages.success(request, SUGGESTIONS_ACCEPTED % {"count": len(rows)})
    return redirect(_page_url(case.pk))


@require_POST
@login_required
def meet_remaining(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Record MP for every document still without a verdict in the office's stage."""
    case, _stage = verification_get_for_user(user=request.user, pk=pk)
    try:
        rows = verdicts_meet_remaining(case=case, actor=request.user, now=timezone.now())
    except ValidationError as exc:
        messages_error(request, exc)
    else:
        messages.success(request, REMAINING_MET % {"count": len(rows)})
    return redirect(_page_url(case.pk))


@require_POST
@login_required
def complete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Complete the office's stage: pass the portfolio on or return it to the teacher. A
    refusal (documents without a verdict) is explained on the page."""
    case, _stage = verification_get_for_user(user=request.user, pk=pk)
    try:
        review = stage_complete(case=case, actor=request.user, now=timezone.now())
    except ValidationError as exc:
        messages_error(request, exc)
        return redirect(_page_url(case.pk))
    name = case.teacher.name
    if review.outcome == StageReview.Outcome.PASSED:
        messages.success(request, STAGE_PASSED % {"name": name})
    else:
        messages.warning(request, STAGE_RETURNED % {"name": name, "count": len(review.findings)})
    return redirect("verification:worklist")


@require_POST
@login_required
def receive_all(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The rayon receives every verified portfolio of its list; 403 for anyone else."""
    if stage_of(request.user) != Stage.RAYON:
        raise PermissionDenied
    summary = cases_receive_all(actor=request.user, now=timezone.now())
    messages.success(request, RECEIVED_ALL % {"received": len(summary.received)})
    if summary.skipped:
        messages.warning(request, SKIPPED % {"skipped": len(summary.skipped)})
    return redirect("verification:worklist")
