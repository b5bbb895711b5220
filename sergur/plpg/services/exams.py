"""Exams, the final score and retakes: a part score entered (by hand or from a CSV), the
result of each complete round under the year's formula, a retake of only the failed parts,
and the end: passed, or returned to the district after the last failed retake (docs/plpg.md,
"Exams and retakes"; docs/sources/domain.md §3.2)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sergur.accounts.models import User
from sergur.cases.models import Case, CaseEvent
from sergur.cases.services import case_event_record, case_transition
from sergur.common.i18n import rules_lang
from sergur.plpg.models import Participant, Score
from sergur.plpg.selectors import class_rights, standing_of, year_plpg_params
from sergur.rules.messages import Message
from sergur.rules.plpg import Outcome, PlpgParams, Status, evaluate, score_too_early

NOT_GRADER = _("Only the class's instructor or the rayon admin enters scores.")
UNKNOWN_PART = _("%(part)s is not a part of the %(year)s formula.")
CLOSED = _("This participant's PLPG is closed.")
ALREADY = _("%(part)s already has a score in this round.")
NOT_FAILED = _("Only the failed parts are retaken; %(part)s is not one of them (%(parts)s).")
NOT_EXAM = _("%(part)s is no exam; it is scored once, in the first round.")
NO_REASON = _("Say why the score is corrected.")
SUPERSEDED = _("This score was already corrected; correct the latest entry.")
CONCLUDED = _(
    "This round's result is already drawn; a score of a concluded round is not corrected here."
)


def today_local() -> dt.date:
    """Today where the programme is run (TIME_ZONE, Asia/Jakarta)."""
    return timezone.localdate()


def too_early(reason: Message | None) -> None:
    """Refuse a record dated after today, with the rule's reason."""
    if reason is not None:
        raise ValidationError(reason.text(rules_lang()), code="future")


def _both(outcome: Outcome) -> dict[str, list[str]]:
    return {lang: [m.text(lang) for m in outcome.reasons] for lang in ("id", "en")}


def _round_complete(participant: Participant, params: PlpgParams) -> bool:
    """The first round is complete when every entered part has a score; a retake round when
    every part to retake has a score of that round."""
    have = set(participant.scores.filter(round=participant.round).values_list("part", flat=True))
    wanted = (
        set(participant.retake_parts) if participant.round else {part.key for part in params.inputs}
    )
    return wanted <= have


def _conclude(participant: Participant, params: PlpgParams, actor: User) -> Outcome:
    """Apply the rules to a complete round and move the participant and the case on."""
    outcome = evaluate(params, standing_of(participant, params, round_done=True))
    participant.final_score = outcome.final
    lang = rules_lang()
    reason = " ".join(m.text(lang) for m in outcome.reasons)
    data = {"round": participant.round, "final": str(outcome.final), "reasons": _both(outcome)}
    if outcome.status is Status.PASSED:
        participant.status = Participant.Status.PASSED
        participant.retake_parts = []
        case_transition(
            case=participant.case,
            to_state=Case.State.PLPG_PASSED,
            actor=actor,
            kind=CaseEvent.Kind.PLPG_PASSED,
            reason=reason,
            data=data,
        )
    elif outcome.status is Status.RETAKE:
        participant.status = Participant.Status.RETAKE
        participant.round += 1
        participant.retake_parts = list(outcome.retake_parts)
        case_event_record(
            case=participant.case,
            actor=actor,
            kind=CaseEvent.Kind.PLPG_RETAKE,
            reason=reason,
            data={**data, "parts": list(outcome.retake_parts)},
        )
    else:  # returned, or not admitted: back to the district with the reasons
        participant.status = Participant.Status.RETURNED
        participant.retake_parts = []
        case_transition(
            case=participant.case,
            to_state=Case.State.PLPG_RETURNED,
            actor=actor,
            kind=CaseEvent.Kind.PLPG_RETURNED,
            reason=reason,
            data=data,
        )
    participant.full_clean()
    participant.save()
    return outcome


def score_obstacles(*, participant: Participant, part: str, params: PlpgParams) -> list[str]:
    """Why a score of `part` cannot be entered for the participant now (empty: it can)."""
    keys = {p.key: p for p in params.inputs}
    if part not in keys:
        return [str(UNKNOWN_PART % {"part": part, "year": params.year})]
    if participant.status in {Participant.Status.PASSED, Participant.Status.RETURNED}:
        return [str(CLOSED)]
    if participant.round:
        if not keys[part].exam:
            return [str(NOT_EXAM % {"part": part})]
        if part not in participant.retake_parts:
            parts = ", ".join(participant.retake_parts)
            return [str(NOT_FAILED % {"part": part, "parts": parts})]
    if participant.scores.filter(part=part, round=participant.round).exists():
        return [str(ALREADY % {"part": part})]
    return []


@transaction.atomic
def plpg_score_enter(
    *,
    participant: Participant,
    part: str,
    score: Decimal,
    actor: User,
    today: dt.date | None = None,
) -> Outcome | None:
    """Enter a part score for the participant's current round (a retake: only a failed part);
    when the round is complete, apply the year's formula and move on. Refused before the
    class's training starts (`today`, default today in Jakarta). Returns the outcome of a
    concluded round, None while the round is still open."""
    participant = (
        Participant.objects.select_for_update()
        .select_related("plpg_class", "case__programme_year")
        .get(pk=participant.pk)
    )
    if not class_rights(user=actor, plpg_class=participant.plpg_class).grade:
        raise ValidationError(NOT_GRADER, code="forbidden")
    too_early(
        score_too_early(starts_on=participant.plpg_class.starts_on, today=today or today_local())
    )
    params = year_plpg_params(participant.case.programme_year)
    reasons = score_obstacles(participant=participant, part=part, params=params)
    if reasons:
        raise ValidationError(reasons, code="score")
    row = Score(
        participant=participant, part=part, round=participant.round, score=score, entered_by=actor
    )
    row.full_clean()
    row.save()
    case_event_record(
        case=participant.case,
        actor=actor,
        kind=CaseEvent.Kind.PLPG_SCORED,
        data={"part": part, "round": participant.round, "score": str(score)},
    )
    if not _round_complete(participant, params):
        return None
    return _conclude(participant, params, actor)


@transaction.atomic
def plpg_score_correct(*, score: Score, value: Decimal, reason: str, actor: User) -> Score:
    """Correct a score typed wrongly: a new entry that replaces `score` (the latest entry of its
    part and round), with who and why; the old one stays in the history. Only while its round
    is open: once the round's result is drawn (a retake set, passed, returned), the result and
    the case have moved on from it."""
    participant = (
        Participant.objects.select_for_update()
        .select_related("plpg_class", "case")
        .get(pk=score.participant_id)
    )
    if not class_rights(user=actor, plpg_class=participant.plpg_class).grade:
        raise ValidationError(NOT_GRADER, code="forbidden")
    reason = reason.strip()
    if not reason:
        raise ValidationError(NO_REASON, code="reason")
    if Score.objects.filter(corrects=score).exists():
        raise ValidationError(SUPERSEDED, code="superseded")
    closed = {Participant.Status.PASSED, Participant.Status.RETURNED}
    if score.round != participant.round or participant.status in closed:
        raise ValidationError(CONCLUDED, code="concluded")
    row = Score(
        participant=participant,
        part=score.part,
        round=score.round,
        score=value,
        entered_by=actor,
        corrects=score,
        reason=reason,
    )
    row.full_clean()
    row.save()
    case_event_record(
        case=participant.case,
        actor=actor,
        kind=CaseEvent.Kind.PLPG_SCORED,
        reason=reason,
        data={
            "part": score.part,
            "round": score.round,
            "score": str(value),
            "corrects": str(score.score),
        },
    )
    return row
