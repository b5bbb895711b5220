"""The clarification of a K decision: the teacher answers with doubtful evidence explained,
the rayon clears the doubts or confirms fraud."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from sergur.accounts.models import User
from sergur.assessments.models import ClarificationResponse, Result
from sergur.assessments.selectors import facts_of, parts_from_json, review_from_json
from sergur.assessments.services.decisions.reconciliation import reason_required
from sergur.assessments.services.rounds import result_record
from sergur.cases.models import Case, CaseEvent
from sergur.cases.services import case_event_record
from sergur.common.uploads import safe_file_name, upload_content_check, upload_size_check
from sergur.portfolios.selectors import portfolio_read, rules_year
from sergur.rules.assessment import SheetReview, outcome

NOT_IN_CLARIFICATION = _("This case is not awaiting a clarification.")
CLARIFICATION_OVER = _("The deadline for the clarification has passed.")
RESPONSE_REQUIRED = _("Write your clarification.")
NOT_OWNER = _("Only the teacher answers a clarification request on their own portfolio.")


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
        try:
            size = upload_size_check(upload, limit=settings.SERGUR_EVIDENCE_MAX_BYTES)
            response.content_type = upload_content_check(upload)
        except ValidationError as error:
            raise ValidationError({"scan": error}) from None
        response.size = size
        response.original_name = safe_file_name(
            upload.name or "", content_type=response.content_type
        )
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
    why = reason_required(reason)
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
