"""A PLPG participant: the teacher's own page (class, timetable, venue, results per part and
competency with the reasons, the invitation letter), the grading forms of the class's
instructor, and the district committee's remedial records. Anyone else gets 404."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST, require_safe

from sergur.common.http import (
    AuthenticatedHttpRequest,
    attachment,
    form_error_messages,
    messages_error,
    posted_form,
)
from sergur.common.i18n import rules_lang
from sergur.common.worklists import worklist_read
from sergur.plpg.documents import invitation_pdf
from sergur.plpg.forms import PeerTeachingForm, RemedialForm, ScoreCorrectionForm, ScoreForm
from sergur.plpg.models import Participant
from sergur.plpg.selectors import (
    PARTICIPANT_WORKLIST,
    correctable_scores,
    participant_get_for_user,
    participant_list_for_user,
    participant_outcome,
    participant_rights,
    participant_scope,
    score_history,
)
from sergur.plpg.services import (
    peer_teaching_score,
    plpg_score_correct,
    plpg_score_enter,
    remedial_record,
)
from sergur.rules.messages import msg

SCORED = _("The score is entered.")
CORRECTED = _("The score is corrected; the earlier entry stays in the history.")
NOTHING_TO_CORRECT = _("No score of the open round can be corrected.")
PEER_SCORED = _("The appearance is scored.")
REMEDIAL_SAVED = _("The remedial activity is recorded.")


@require_safe
@login_required
def participant_list(request: AuthenticatedHttpRequest) -> HttpResponseBase:
    """The teacher goes to their own page; the district sees its teachers' PLPG results."""
    if participant_scope(request.user) is None:
        raise PermissionDenied
    rows = participant_list_for_user(user=request.user)
    own = rows.filter(case__teacher__user=request.user).first()
    if own is not None:
        return redirect("plpg:participant", pk=own.pk)
    listing = worklist_read(request, PARTICIPANT_WORKLIST, rows, now=timezone.now())
    context = {"listing": listing, "page": listing.page, "participants": listing.page.object_list}
    return render(request, "plpg/participant_list.html", context)


def _correction_form(participant: Participant, data: Any = None) -> ScoreCorrectionForm | None:
    """The form to correct an entry of the open round; None when there is none."""
    entries = [(s.pk, f"{s.part} · {s.score}") for s in correctable_scores(participant)]
    return ScoreCorrectionForm(data, entries=entries) if entries else None


def _context(request: AuthenticatedHttpRequest, participant: Participant) -> dict[str, Any]:
    params, outcome = participant_outcome(participant)
    lang = rules_lang()
    rights = participant_rights(user=request.user, participant=participant)
    parts = [(params.part(r.key), r, r.key in participant.retake_parts) for r in outcome.parts]
    choices = [(p.key, f"{p.key} · {p.name(lang)}") for p in params.inputs]
    return {
        "participant": participant,
        "plpg_class": participant.plpg_class,
        "sessions": participant.plpg_class.sessions.all(),
        "params": params,
        "outcome": outcome,
        "parts": parts,
        "competencies": [
            (c, msg(f"plpg.competency.{c.key}").text(lang)) for c in outcome.competencies
        ],
        "reasons": [m.text(lang) for m in outcome.reasons],
        "appearances": participant.appearances.all(),
        "scores": score_history(participant),
        "remedial": participant.remedial.all(),
        "grade": rights.grade,
        "is_owner": rights.is_owner,
        "may_record_remedial": rights.remedial and participant.status == Participant.Status.RETAKE,
        "score_form": ScoreForm(parts=choices),
        "correction_form": _correction_form(participant) if rights.grade else None,
        "peer_form": PeerTeachingForm(initial={"number": participant.appearances.count() + 1}),
        "remedial_form": RemedialForm(),
    }


@require_safe
@login_required
def participant_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The participant's class, timetable and results per part and competency."""
    participant = participant_get_for_user(user=request.user, pk=pk)
    return render(request, "plpg/participant.html", _context(request, participant))


@require_safe
@login_required
def invitation(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The invitation letter PDF (the teacher's, and the staff who see the participant)."""
    participant = participant_get_for_user(user=request.user, pk=pk)
    data = invitation_pdf(participant, now=timezone.now())
    response = HttpResponse(data, content_type="application/pdf")
    return attachment(response, filename=f"undangan-plpg-{participant.pk}.pdf")


def _grader(request: AuthenticatedHttpRequest, pk: int) -> Participant:
    participant = participant_get_for_user(user=request.user, pk=pk)
    if not participant_rights(user=request.user, participant=participant).grade:
        raise PermissionDenied
    return participant


@require_POST
@login_required
def score_enter(request: AuthenticatedHttpRequest, pk: int) -> HttpResponseBase:
    """Enter a part score (first round, or a retake of a failed part)."""
    participant = _grader(request, pk)
    params, _outcome = participant_outcome(participant)
    form = ScoreForm(request.POST, parts=[(p.key, p.key) for p in params.inputs])
    return posted_form(
        request,
        form,
        lambda data: plpg_score_enter(
            participant=participant,
            part=data["part"],
            score=data["score"],
            actor=request.user,
        ),
        done=SCORED,
        then=redirect("plpg:participant", pk=pk),
    )


@require_POST
@login_required
def score_correct(request: AuthenticatedHttpRequest, pk: int) -> HttpResponseBase:
    """Correct a score typed wrongly: a new entry with the reason; the old one stays."""
    participant = _grader(request, pk)
    form = _correction_form(participant, request.POST)
    if form is None:
        messages.error(request, NOTHING_TO_CORRECT)
        return redirect("plpg:participant", pk=pk)
    if not form.is_valid():
        for text in form_error_messages(form, labelled=True):
            messages.error(request, text)
        return redirect("plpg:participant", pk=pk)
    entry = correctable_scores(participant).get(pk=form.cleaned_data["entry"])
    try:
        plpg_score_correct(
            score=entry,
            value=form.cleaned_data["score"],
            reason=form.cleaned_data["reason"],
            actor=request.user,
        )
    except ValidationError as exc:
        messages_error(request, exc)
    else:
        messages.success(request, CORRECTED)
    return redirect("plpg:participant", pk=pk)


@require_POST
@login_required
def peer_teaching(request: AuthenticatedHttpRequest, pk: int) -> HttpResponseBase:
    """Score a peer-teaching appearance."""
    participant = _grader(request, pk)
    form = PeerTeachingForm(request.POST)
    return posted_form(
        request,
        form,
        lambda data: peer_teaching_score(participant=participant, actor=request.user, **data),
        done=PEER_SCORED,
        then=redirect("plpg:participant", pk=pk),
    )


@require_POST
@login_required
def remedial(request: AuthenticatedHttpRequest, pk: int) -> HttpResponseBase:
    """The district committee records a remedial activity."""
    participant = participant_get_for_user(user=request.user, pk=pk)
    if not participant_rights(user=request.user, participant=participant).remedial:
        raise PermissionDenied
    form = RemedialForm(request.POST)
    return posted_form(
        request,
        form,
        lambda data: remedial_record(participant=participant, actor=request.user, **data),
        done=REMEDIAL_SAVED,
        then=redirect("plpg:participant", pk=pk),
    )
