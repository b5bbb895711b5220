"""Decisions after the assessment: the joint reconciliation (corrections logged with who,
why, before and after; resolved into a result), publication of results (each code moves the
case on: L and MPLPG published, MA/MS reopened, K to clarification, D disqualified) and the
teacher's clarification of doubtful evidence."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sergur.accounts.models import User
from sergur.assessments.models import (
    ClarificationResponse,
    Correction,
    FindingCorrection,
    Reconciliation,
    Result,
)
from sergur.assessments.selectors import (
    facts_of,
    params_for,
    parts_from_json,
    parts_to_json,
    review_from_json,
    review_to_json,
)
from sergur.assessments.selectors.decisions import working_review
from sergur.assessments.services.rounds import result_record
from sergur.cases.models import Case, CaseEvent
from sergur.cases.services import case_event_record, case_transition_check
from sergur.portfolios.selectors import portfolio_read, rules_year
from sergur.portfolios.services import TOO_LARGE, human_size, safe_file_name
from sergur.portfolios.services import evidence_content_check as check_content
from sergur.rules.assessment import SheetReview, outcome
from sergur.rules.assessment.sheet import PARTS
from sergur.rules.workflow import sources_of

NOT_CURRENT = _("This result has been superseded; only the current result can be published.")
ALREADY_PUBLISHED = _("This result is already published.")
NOT_DECIDED = _("The case is not awaiting publication.")
UNKNOWN_CODE = _("This result has an unknown decision code and cannot be published.")
NOT_IN_RECONCILIATION = _("This case is not in reconciliation.")
NOT_JOINT = _("This reconciliation is settled by a third assessor, not by a joint review.")
RECONCILIATION_RESOLVED = _("This reconciliation is already resolved.")
UNKNOWN_PART = _("Choose one of the eleven parts of the score.")
BAD_POINTS = _("Points must be a number of 0 or more.")
UNCHANGED = _("The new value is the same as the current one; nothing to correct.")
REASON_REQUIRED = _("Say why the value is corrected.")
NOT_IN_CLARIFICATION = _("This case is not awaiting a clarification.")
CLARIFICATION_OVER = _("The deadline for the clarification has passed.")
RESPONSE_REQUIRED = _("Write your clarification.")
NOT_OWNER = _("Only the teacher answers a clarification request on their own portfolio.")
UNKNOWN_FINDING = _("Choose the administrative defects, the doubtful evidence or fraud.")
RESOLVED_REASON = _("Resolved in a joint review.")

DISQUALIFIED_REASON = (
    "Disqualified: the portfolio is struck off and returned to the district education office."
)

# The state the case moves to when a result of each code is published.
PUBLISHED_STATE = {
    "L": Case.State.PUBLISHED,
    "MPLPG": Case.State.PUBLISHED,
    "MA": Case.State.REOPENED,
    "MS": Case.State.REOPENED,
    "K": Case.State.CLARIFICATION,
    "D": Case.State.DISQUALIFIED,
}


# -- publication ---------------------------------------------------------------------------------


def _publishable(result: Result, case: Case, actor: User | None) -> str:
    """The state publishing `result` moves its (locked) case to; refused with the reason when
    it cannot be published (the workflow's table says from where and by whom)."""
    if not result.current:
        raise ValidationError(NOT_CURRENT, code="not_current")
    if result.published_at is not None:
        raise ValidationError(ALREADY_PUBLISHED, code="published")
    if case.state not in sources_of(CaseEvent.Kind.PUBLISHED):
        raise ValidationError(NOT_DECIDED, code="state")
    to_state = PUBLISHED_STATE.get(result.code)
    if to_state is None:
        raise ValidationError(UNKNOWN_CODE, code="code")
    case_transition_check(from_state=case.state, to_state=to_state, actor=actor)
    return to_state


def _published(
    result: Result, case: Case, *, to_state: str, actor: User | None, now: dt.datetime
) -> CaseEvent:
    """Set on `result` and `case` what publication changes (not saved) and return the
    PUBLISHED event to append (not saved): the appeal window opens; MA/MS reopen the
    portfolio until a deadline, K asks for a clarification by a deadline, D is final."""
    params = params_for(case)
    result.published_at = now
    result.published_by = actor
    result.appeal_until = now + dt.timedelta(days=params.appeal_days)
    if result.code in ("MA", "MS"):
        result.respond_until = now + dt.timedelta(days=params.reopen_days)
    elif result.code == "K":
        result.respond_until = now + dt.timedelta(days=params.clarification_days)
    if to_state == Case.State.REOPENED:
        case.reopen_until = result.respond_until
    data: dict[str, object] = {"round": result.round, "code": result.code}
    if result.respond_until is not None:
        data["respond_until"] = result.respond_until.isoformat()
    event = CaseEvent(
        case=case,
        actor=actor,
        kind=CaseEvent.Kind.PUBLISHED,
        reason=DISQUALIFIED_REASON if result.code == "D" else "",
        data=data,
        from_state=case.state,
        to_state=to_state,
    )
    case.state = to_state
    return event


_RESULT_FIELDS = ["published_at", "published_by", "appeal_until", "respond_until"]


@transaction.atomic
def result_publish(*, result: Result, actor: User | None, now: dt.datetime) -> Result:
    """Publish the case's current decision to the teacher and the district (`_published`).
    One PUBLISHED event (the code, never an assessor)."""
    result = Result.objects.select_for_update().select_related("case").get(pk=result.pk)
    case = Case.objects.select_for_update().select_related("programme_year").get(pk=result.case_id)
    to_state = _publishable(result, case, actor)
    event = _published(result, case, to_state=to_state, actor=actor, now=now)
    result.save(update_fields=_RESULT_FIELDS)
    case.full_clean()
    case.save(update_fields=["state", "reopen_until", "updated_at"])
    event.full_clean()
    event.save()
    return result


@transaction.atomic
def results_publish(
    *, results: Iterable[Result], actor: User | None, now: dt.datetime
) -> list[Result]:
    """Publish several decisions in one transaction, all of them or none when one cannot be
    published; the same changes as `result_publish`, written in bulk (a few queries per
    thousand decisions, however many a rayon publishes at once)."""
    pks = sorted({result.pk for result in results})
    locked = list(Result.objects.select_for_update().filter(pk__in=pks).order_by("pk"))
    if len(locked) != len(pks):
        raise ValidationError(NOT_CURRENT, code="not_current")
    cases = {
        case.pk: case
        for case in Case.objects.select_for_update()
        .select_related("programme_year")
        .filter(pk__in={result.case_id for result in locked})
        .order_by("pk")
    }
    events = []
    for result in locked:
        case = cases[result.case_id]
        to_state = _publishable(result, case, actor)
        events.append(_published(result, case, to_state=to_state, actor=actor, now=now))
    Result.objects.bulk_update(locked, _RESULT_FIELDS, batch_size=1000)
    updated = timezone.now()
    for case in cases.values():
        case.updated_at = updated
    Case.objects.bulk_update(
        list(cases.values()), ["state", "reopen_until", "updated_at"], batch_size=1000
    )
    CaseEvent.objects.bulk_create(events, batch_size=1000)
    return locked


# -- joint reconciliation -----------------------------------------------------------------------


def _ensure_joint_open(reconciliation: Reconciliation) -> Case:
    case = Case.objects.select_for_update().get(pk=reconciliation.case_id)
    if case.state != Case.State.RECONCILIATION:
        raise ValidationError(NOT_IN_RECONCILIATION, code="state")
    if reconciliation.mode != Reconciliation.Mode.JOINT:
        raise ValidationError(NOT_JOINT, code="mode")
    if reconciliation.resolved_at is not None:
        raise ValidationError(RECONCILIATION_RESOLVED, code="resolved")
    return case


def _reason(reason: str) -> str:
    text = reason.strip()
    if not text:
        raise ValidationError({"reason": ValidationError(REASON_REQUIRED, code="reason")})
    return text


def _points(value: Decimal | int | str) -> Decimal:
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        number = Decimal(-1)
    if not number.is_finite() or number < 0:
        raise ValidationError({"after": ValidationError(BAD_POINTS, code="points")})
    return number


@transaction.atomic
def reconciliation_correct(
    *,
    reconciliation: Reconciliation,
    part: str,
    after: Decimal | int | str,
    reason: str,
    actor: User,
    line: str = "",
) -> Correction:
    """Correct one part of the working score of a joint review: the Correction keeps who,
    why, before and after; the case's log says that a score was corrected, and why."""
    reconciliation = Reconciliation.objects.select_for_update().get(pk=reconciliation.pk)
    case = _ensure_joint_open(reconciliation)
    if part not in PARTS:
        raise ValidationError({"part": ValidationError(UNKNOWN_PART, code="part")})
    new = _points(after)
    why = _reason(reason)
    parts = parts_from_json(reconciliation.parts)
    before = Decimal(parts[part])
    if new == before:
        raise ValidationError({"after": ValidationError(UNCHANGED, code="unchanged")})
    parts[part] = int(new) if new == new.to_integral_value() else new
    reconciliation.parts = parts_to_json(parts)
    reconciliation.save(update_fields=["parts"])
    correction = Correction(
        reconciliation=reconciliation,
        part=part,
        line=line.strip()[:80],
        before=before,
        after=new,
        reason=why,
        by=actor,
    )
    correction.full_clean()
    correction.save()
    case_event_record(
        case=case,
        actor=actor,
        kind=CaseEvent.Kind.CORRECTED,
        reason=why,
        data={
            "round": reconciliation.round,
            "part": part,
            "before": str(before),
            "after": str(new),
        },
    )
    return correction


@transaction.atomic
def reconciliation_correct_finding(
    *,
    reconciliation: Reconciliation,
    finding: str,
    after: list[str] | bool,
    reason: str,
    actor: User,
) -> FindingCorrection:
    """Correct one finding of a joint review (the defects, the doubtful codes, fraud): logged
    with who, why, before and after, and in the case's log with its reason."""
    reconciliation = Reconciliation.objects.select_for_update().get(pk=reconciliation.pk)
    case = _ensure_joint_open(reconciliation)
    if finding not in FindingCorrection.Finding.values:
        raise ValidationError({"finding": ValidationError(UNKNOWN_FINDING, code="finding")})
    why = _reason(reason)
    current = review_to_json(working_review(reconciliation))
    before = current[finding]
    if finding == FindingCorrection.Finding.FRAUD:
        new: list[str] | bool = bool(after)
    else:
        items: list[str] = (
            [after] if isinstance(after, str) else list(after) if isinstance(after, list) else []
        )
        new = list(dict.fromkeys(str(item).strip() for item in items if str(item).strip()))
    if new == before:
        raise ValidationError({"after": ValidationError(UNCHANGED, code="unchanged")})
    correction = FindingCorrection(
        reconciliation=reconciliation,
        finding=finding,
        before=before,
        after=new,
        reason=why,
        by=actor,
    )
    correction.full_clean()
    correction.save()
    case_event_record(
        case=case,
        actor=actor,
        kind=CaseEvent.Kind.CORRECTED,
        reason=why,
        data={"round": reconciliation.round, "finding": finding},
    )
    return correction


@transaction.atomic
def reconciliation_resolve(
    *, reconciliation: Reconciliation, actor: User, now: dt.datetime
) -> Result:
    """Close a joint review: the working parts and findings become the round's decision."""
    reconciliation = Reconciliation.objects.select_for_update().get(pk=reconciliation.pk)
    case = _ensure_joint_open(reconciliation)
    case = Case.objects.select_related("teacher", "programme_year").get(pk=case.pk)
    review = working_review(reconciliation)
    facts = facts_of(portfolio_read(case=case))
    final = outcome(parts_from_json(reconciliation.parts), facts, review, rules_year(case))
    reconciliation.resolved_at = now
    reconciliation.resolved_by = actor
    reconciliation.save(update_fields=["resolved_at", "resolved_by"])
    return result_record(
        case=case,
        round=reconciliation.round,
        final=final,
        review=review,
        source=Result.Source.JOINT,
        actor=actor,
        now=now,
        reason=str(RESOLVED_REASON),
    )


# -- clarification (K) --------------------------------------------------------------------------


def _ensure_clarification(case: Case) -> Result:
    if case.state != Case.State.CLARIFICATION:
        raise ValidationError(NOT_IN_CLARIFICATION, code="state")
    result = Result.objects.filter(case=case, current=True, code="K").first()
    if result is None or result.published_at is None:
        raise ValidationError(NOT_IN_CLARIFICATION, code="state")
    return result


@transaction.atomic
def clarification_respond(
    *,
    case: Case,
    actor: User,
    text: str,
    upload: UploadedFile[Any] | None,
    now: dt.datetime,
) -> ClarificationResponse:
    """The teacher answers a K decision before its deadline, with a scan of an original if
    they like (the same checks as evidence: PDF, JPEG or PNG, readable, within the limit)."""
    case = Case.objects.select_for_update().select_related("teacher").get(pk=case.pk)
    if case.teacher.user_id != actor.pk:
        raise ValidationError(NOT_OWNER, code="owner")
    result = _ensure_clarification(case)
    if result.respond_until is not None and now > result.respond_until:
        raise ValidationError(CLARIFICATION_OVER, code="deadline")
    body = text.strip()
    if not body:
        raise ValidationError({"text": ValidationError(RESPONSE_REQUIRED, code="required")})
    response = ClarificationResponse(case=case, result=result, text=body, by=actor, at=now)
    if upload is not None:
        limit = settings.SERGUR_EVIDENCE_MAX_BYTES
        size = upload.size or 0
        if size > limit:
            raise ValidationError(
                {
                    "scan": ValidationError(
                        TOO_LARGE,
                        code="too_large",
                        params={"size": human_size(size), "limit": human_size(limit)},
                    )
                }
            )
        try:
            response.content_type = check_content(upload)
        except ValidationError as error:
            raise ValidationError({"scan": error}) from None
        response.size = size
        response.original_name = safe_file_name(upload.name or "")
        response.file.save("scan", upload, save=False)
    response.full_clean()
    response.save()
    case_event_record(
        case=case,
        actor=actor,
        kind=CaseEvent.Kind.CLARIFICATION,
        data={"scan": upload is not None},
    )
    return response


@transaction.atomic
def clarification_resolve(
    *, case: Case, actor: User, fraud: bool, reason: str, now: dt.datetime
) -> Result:
    """The rayon decides on a clarification: the doubts are cleared (the doubtful codes are
    dropped and the score decides again) or fraud is confirmed (D). Either way a new result
    awaits publication."""
    case = (
        Case.objects.select_for_update().select_related("teacher", "programme_year").get(pk=case.pk)
    )
    result = _ensure_clarification(case)
    why = _reason(reason)
    stored = review_from_json(result.review)
    review = SheetReview(
        administrative_defects=stored.administrative_defects,
        doubtful_evidence=(),
        fraud_found=fraud or stored.fraud_found,
    )
    facts = facts_of(portfolio_read(case=case))
    final = outcome(parts_from_json(result.parts), facts, review, rules_year(case))
    return result_record(
        case=case,
        round=result.round,
        final=final,
        review=review,
        source=Result.Source.CLARIFICATION,
        actor=actor,
        now=now,
        reason=why,
    )
