"""Transfer pages: the district's list with the request form, a transfer with its history and
the step the user may take (answer, dispute, decide). The NUPTK only ever travels by POST."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST, require_safe

from sergur.common.http import AuthenticatedHttpRequest, form_error_messages, messages_error
from sergur.transfers.forms import TransferAnswerForm, TransferEscalateForm, TransferRequestForm
from sergur.transfers.selectors import (
    destination_schools,
    transfer_get_for_user,
    transfer_list_for_user,
    transfer_rights,
    transfer_scope,
)
from sergur.transfers.services import (
    transfer_answer,
    transfer_decide,
    transfer_escalate,
    transfer_request,
)

REQUESTED = _("Transfer requested; the district of origin answers it.")
ANSWERED = _("Your answer is recorded.")
ESCALATED = _("The transfer is before the province now.")
DECIDED = _("The province's decision is recorded.")


def _list(
    request: AuthenticatedHttpRequest, form: TransferRequestForm, status: int = 200
) -> HttpResponse:
    if transfer_scope(request.user) is None:
        raise PermissionDenied
    context = {
        "transfers": transfer_list_for_user(user=request.user)[:200],
        "form": form,
        "may_request": destination_schools(user=request.user).exists(),
    }
    return render(request, "transfers/list.html", context, status=status)


@require_safe
@login_required
def transfer_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The transfers of the user's district (or the province's disputes) and the request form."""
    return _list(request, TransferRequestForm(schools=destination_schools(user=request.user)))


@require_POST
@login_required
def transfer_request_view(request: AuthenticatedHttpRequest) -> HttpResponseBase:
    """A district officer asks for a teacher of another district."""
    schools = destination_schools(user=request.user)
    if transfer_scope(request.user) is None or not schools.exists():
        raise PermissionDenied
    form = TransferRequestForm(request.POST, schools=schools)
    if not form.is_valid():
        return _list(request, form, status=400)
    try:
        transfer = transfer_request(
            actor=request.user,
            nuptk=form.cleaned_data["nuptk"],
            school=form.cleaned_data["school"],
            reason=form.cleaned_data["reason"],
            now=timezone.now(),
        )
    except ValidationError as exc:
        form.add_error(None, exc)
        return _list(request, form, status=400)
    messages.success(request, REQUESTED)
    return redirect("transfers:detail", pk=transfer.pk)


@require_safe
@login_required
def transfer_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """One transfer, its history and the forms of the steps the user may take."""
    transfer = transfer_get_for_user(user=request.user, pk=pk)
    rights = transfer_rights(user=request.user, transfer=transfer, now=timezone.now())
    context = {
        "transfer": transfer,
        "rights": rights,
        "steps": transfer.steps.select_related("actor"),
        "answer_form": TransferAnswerForm(),
        "escalate_form": TransferEscalateForm(),
    }
    return render(request, "transfers/detail.html", context)


def _step_done(
    request: AuthenticatedHttpRequest, pk: int, error: ValidationError | None, done: str
) -> HttpResponseBase:
    if error is not None:
        messages_error(request, error)
    else:
        messages.success(request, done)
    return redirect("transfers:detail", pk=pk)


@require_POST
@login_required
def transfer_answer_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponseBase:
    """The district of origin approves or refuses; the province decides a dispute."""
    transfer = transfer_get_for_user(user=request.user, pk=pk)
    rights = transfer_rights(user=request.user, transfer=transfer, now=timezone.now())
    if not (rights.answer or rights.decide):
        raise PermissionDenied
    form = TransferAnswerForm(request.POST)
    if not form.is_valid():
        for text in form_error_messages(form, labelled=True):
            messages.error(request, text)
        return redirect("transfers:detail", pk=pk)
    service = transfer_decide if rights.decide else transfer_answer
    try:
        service(
            transfer=transfer,
            actor=request.user,
            approve=form.cleaned_data["approve"],
            reason=form.cleaned_data["reason"],
            now=timezone.now(),
        )
    except ValidationError as exc:
        return _step_done(request, pk, exc, "")
    return _step_done(request, pk, None, str(DECIDED if rights.decide else ANSWERED))


@require_POST
@login_required
def transfer_escalate_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponseBase:
    """The destination district disputes a refusal or a silence before the province."""
    transfer = transfer_get_for_user(user=request.user, pk=pk)
    if not transfer_rights(user=request.user, transfer=transfer, now=timezone.now()).escalate:
        raise PermissionDenied
    form = TransferEscalateForm(request.POST)
    if not form.is_valid():
        for text in form_error_messages(form, labelled=True):
            messages.error(request, text)
        return redirect("transfers:detail", pk=pk)
    try:
        transfer_escalate(
            transfer=transfer,
            actor=request.user,
            reason=form.cleaned_data["reason"],
            now=timezone.now(),
        )
    except ValidationError as exc:
        return _step_done(request, pk, exc, "")
    return _step_done(request, pk, None, str(ESCALATED))
