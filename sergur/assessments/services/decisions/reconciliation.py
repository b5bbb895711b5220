"""The joint reconciliation: corrections logged with who, why, before and after, resolved
into a result."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from sergur.accounts.models import User
from sergur.assessments.models import Correction, FindingCorrection, Reconciliation, Result
from sergur.assessments.selectors import facts_of, parts_from_json, parts_to_json, review_to_json
from sergur.assessments.selectors.decisions import working_review
from sergur.assessments.services.rounds import result_record
from sergur.cases.models import Case, CaseEvent
from sergur.cases.services import case_event_record
from sergur.portfolios.selectors import portfolio_read, rules_year
from sergur.rules.assessment import outcome
from sergur.rules.assessment.sheet import PARTS

NOT_IN_RECONCILIATION = _("This case is not in reconciliation.")
NOT_JOINT = _("This reconciliation is settled by a third assessor, not by a joint review.")
RECONCILIATION_RESOLVED = _("This reconciliation is already resolved.")
UNKNOWN_PART = _("Choose one of the eleven parts of the score.")
BAD_POINTS = _("Points must be a number of 0 or more.")
UNCHANGED = _("The new value is the same as the current one; nothing to correct.")
REASON_REQUIRED = _("Say why the value is corrected.")

UNKNOWN_FINDING = _("Choose the administrative defects, the doubtful evidence or fraud.")
RESOLVED_REASON = _("Resolved in a joint review.")


def _ensure_joint_open(reconciliation: Reconciliation) -> Case:
    case = Case.objects.select_for_update().get(pk=reconciliation.case_id)
    if case.state != Case.State.RECONCILIATION:
        raise ValidationError(NOT_IN_RECONCILIATION, code="state")
    if reconciliation.mode != Reconciliation.Mode.JOINT:
        raise ValidationError(NOT_JOINT, code="mode")
    if reconciliation.resolved_at is not None:
        raise ValidationError(RECONCILIATION_RESOLVED, code="resolved")
    return case


def reason_required(reason: str) -> str:
    """The reason given for a correction or a resolution, stripped; refused when empty."""
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
    why = reason_required(reason)
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
    why = reason_required(reason)
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
