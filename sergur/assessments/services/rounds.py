"""A round of assessment: an assessor submits their sheet; when both blind sheets of the
round are in, they are compared (rules.assessment.compare) and either decided on their mean
or sent to reconciliation; a third assessor's sheet settles a reconciliation in "third" mode.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from sergur.accounts.models import User
from sergur.assessments.models import Allocation, Reconciliation, Result, Sheet
from sergur.assessments.selectors import (
    facts_of,
    params_for,
    parts_to_json,
    plan_rows,
    practice_row,
    reasons_json,
    review_to_json,
    round_sheets,
    sheet_outcome,
    sheet_review,
    stored_outcome,
)
from sergur.assessments.services.allocation import third_assessor_allocate
from sergur.cases.models import Case, CaseEvent
from sergur.cases.services import case_event_record, case_transition
from sergur.common.i18n import rules_lang
from sergur.portfolios.selectors import portfolio_read, rules_year
from sergur.rules import PortfolioInvalid
from sergur.rules.assessment import (
    Facts,
    Outcome,
    Scored,
    SheetError,
    SheetReview,
    compare,
    final_of_two,
    mean_parts,
)
from sergur.rules.assessment.reconcile import closer_to

NOT_YOURS = _("This sheet is not allocated to you.")
ALREADY_SUBMITTED = _("This sheet was already submitted; it can no longer be changed.")
PLANS_INCOMPLETE = _("Score every item of every lesson plan before submitting.")
PRACTICE_INCOMPLETE = _(
    "Score every item of the guidance and counselling practice form (4b) before submitting."
)
NOT_ASSESSING = _("This portfolio is not being assessed at the moment.")


def _ensure_assessor(sheet: Sheet, actor: User) -> None:
    allocation = sheet.allocation
    if not allocation.active or allocation.assessor.user_id != actor.pk:
        raise ValidationError(NOT_YOURS, code="not_yours")
    if sheet.submitted:
        raise ValidationError(ALREADY_SUBMITTED, code="submitted")


@transaction.atomic
def sheet_submit(*, sheet: Sheet, actor: User, now: dt.datetime) -> Sheet:
    """Store the sheet's outcome and lock it; when the round's sheets are complete, conclude
    the round. The case's log says that an assessment was submitted, never its scores."""
    sheet = (
        Sheet.objects.select_for_update()
        .select_related("allocation", "allocation__assessor", "allocation__case")
        .get(pk=sheet.pk)
    )
    _ensure_assessor(sheet, actor)
    allocation = sheet.allocation
    case = Case.objects.select_for_update().get(pk=allocation.case_id)
    if case.state not in (Case.State.IN_ASSESSMENT, Case.State.RECONCILIATION):
        raise ValidationError(NOT_ASSESSING, code="state")
    portfolio = portfolio_read(case=case)
    if any(item is None for row in plan_rows(sheet, portfolio.role) for item in row):
        raise ValidationError(PLANS_INCOMPLETE, code="plans")
    if any(item is None for item in practice_row(sheet, portfolio.role)):
        raise ValidationError(PRACTICE_INCOMPLETE, code="practice")
    try:
        _, result = sheet_outcome(portfolio, sheet)
    except SheetError as error:
        raise ValidationError(error.message.text(rules_lang()), code="override") from error
    except PortfolioInvalid as error:  # item scores outside 1-5 stored by other means
        raise ValidationError(PLANS_INCOMPLETE, code="plans") from error
    sheet.parts = parts_to_json(result.parts)
    sheet.total = result.total
    sheet.code = result.decision.code
    sheet.submitted_at = now
    sheet.save(update_fields=["parts", "total", "code", "submitted_at", "updated_at"])
    case_event_record(
        case=case,
        actor=actor,
        kind=CaseEvent.Kind.SHEET_SUBMITTED,
        data={"round": allocation.round, "slot": allocation.slot},
    )
    if allocation.slot == Allocation.Slot.THIRD:
        third_conclude(case=case, round=allocation.round, now=now)
    else:
        round_conclude(case=case, round=allocation.round, now=now)
    return sheet


def _scored(sheet: Sheet, case: Case, facts: Facts) -> Scored:
    return Scored(stored_outcome(sheet, facts, case), sheet_review(sheet))


def round_conclude(
    *, case: Case, round: int, now: dt.datetime, actor: User | None = None
) -> Result | Reconciliation | None:
    """Both blind sheets in: decide on their mean, or open a reconciliation (the programme
    year says how). Nothing happens while a sheet is missing."""
    sheets = {s.allocation.slot: s for s in round_sheets(case, round) if s.submitted}
    if Allocation.Slot.FIRST not in sheets or Allocation.Slot.SECOND not in sheets:
        return None
    facts = facts_of(portfolio_read(case=case))
    a = _scored(sheets[Allocation.Slot.FIRST], case, facts)
    b = _scored(sheets[Allocation.Slot.SECOND], case, facts)
    params = params_for(case)
    comparison = compare(a.outcome, b.outcome, params)
    if not comparison.needs_reconciliation:
        final = final_of_two(a, b, facts, rules_year(case))
        return result_record(
            case=case,
            round=round,
            final=final,
            review=a.review.union(b.review),
            source=Result.Source.MEAN,
            actor=actor,
            now=now,
        )
    reconciliation = Reconciliation.objects.create(
        case=case,
        round=round,
        mode=params.reconciliation,
        reasons={
            lang: [reason.text(lang) for reason in comparison.reasons] for lang in ("id", "en")
        },
        parts=parts_to_json(mean_parts(a.outcome.parts, b.outcome.parts)),
    )
    case_transition(
        case=case,
        to_state=Case.State.RECONCILIATION,
        actor=actor,
        kind=CaseEvent.Kind.RECONCILIATION,
        reason=" ".join(reconciliation.reasons["en"]),
        data={"round": round, "mode": reconciliation.mode},
    )
    if reconciliation.mode == Reconciliation.Mode.THIRD:
        third_assessor_allocate(case=case, round=round, actor=actor)
    return reconciliation


def third_conclude(*, case: Case, round: int, now: dt.datetime) -> Result | None:
    """The third assessor's sheet is in: the final is the mean of the third and the closer of
    the first two (rules.assessment.final_with_third)."""
    sheets = {s.allocation.slot: s for s in round_sheets(case, round) if s.submitted}
    if len(sheets) < 3:
        return None
    facts = facts_of(portfolio_read(case=case))
    a, b, c = (_scored(sheets[slot], case, facts) for slot in Allocation.Slot.values)
    partner = closer_to(c.outcome, a, b)
    final = final_of_two(c, partner, facts, rules_year(case))  # = final_with_third
    reconciliation = Reconciliation.objects.get(case=case, round=round)
    reconciliation.resolved_at = now
    reconciliation.save(update_fields=["resolved_at"])
    return result_record(
        case=case,
        round=round,
        final=final,
        review=c.review.union(partner.review),
        source=Result.Source.THIRD,
        actor=None,
        now=now,
    )


@transaction.atomic
def result_record(
    *,
    case: Case,
    round: int,
    final: Outcome,
    review: SheetReview,
    source: str,
    actor: User | None,
    now: dt.datetime,
    reason: str = "",
) -> Result:
    """Store a decision (superseding the case's current one) and move the case to DECIDED,
    awaiting publication. The log records the code and how it was reached."""
    case.results.filter(current=True).update(current=False)
    result = Result.objects.create(
        case=case,
        round=round,
        source=source,
        parts=parts_to_json(final.parts),
        review=review_to_json(review),
        total=final.total,
        code=final.decision.code,
        reasons=reasons_json(final.decision),
        decided_at=now,
        decided_by=actor,
    )
    case_transition(
        case=case,
        to_state=Case.State.DECIDED,
        actor=actor,
        kind=CaseEvent.Kind.DECIDED,
        reason=reason,
        data={"round": round, "code": result.code, "source": source},
    )
    return result
