"""The assessor's draft of a scoring sheet: RPP item scores, confirmed or overridden lines and
findings, saved as often as needed until the sheet is submitted (`rounds.sheet_submit`).

A save is all or nothing: a bad value anywhere refuses the whole save with a message that
names the line, plan or item, and what was saved before stays as it was.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from sergur.accounts.models import User
from sergur.assessments.models import Allocation, Sheet
from sergur.assessments.selectors import PLANS_REQUIRED, sheet_score
from sergur.assessments.selectors.sheets import line_codes, portfolio_codes
from sergur.assessments.services.rounds import ALREADY_SUBMITTED, NOT_ASSESSING, NOT_YOURS
from sergur.cases.models import Case
from sergur.common.i18n import rules_lang
from sergur.portfolios.selectors import portfolio_read
from sergur.rules.assessment import Override, SheetError, SheetReview, apply_overrides, parts_of
from sergur.rules.assessment import sheet_lines as rules_sheet_lines
from sergur.rules.instruments import ITEM_SCORES, RPP, sheet_practice
from sergur.rules.messages import render

PLAN_COUNT = _("The RPP form has %(required)s lesson plans, not %(given)s.")
PLAN_SIZE = _("Lesson plan %(plan)s has %(size)s items, not %(given)s.")
ITEM_RANGE = _("Lesson plan %(plan)s, item %(item)s: a score is a whole number from 1 to 5.")
PRACTICE_SIZE = _("The guidance and counselling practice form has %(size)s items, not %(given)s.")
PRACTICE_RANGE = _(
    "Guidance and counselling practice, item %(item)s: a score is a whole number from 1 to 5."
)
PRACTICE_NOT_COUNSELLOR = _(
    "Only a counsellor's sheet scores the practice form; a subject teacher's 4b comes from the "
    "closed envelope."
)
UNKNOWN_CODE = _("Doubtful evidence %(code)s: this portfolio has no row with that code.")
DEFECT_TOO_LONG = _("Administrative defect %(number)s: at most %(limit)s characters.")
TOO_MANY_DEFECTS = _("At most %(limit)s administrative defects.")
FRAUD_NOTE_MISSING = _("Say what the fraud is when you record fraud.")
REASON_TOO_LONG = _("Line %(code)s: the reason has at most %(limit)s characters.")

DEFECT_MAX_LENGTH = 500
DEFECTS_MAX = 50
REASON_MAX_LENGTH = 500
ASSESSING = (Case.State.IN_ASSESSMENT, Case.State.RECONCILIATION)


def _locked_sheet(sheet: Sheet) -> Sheet:
    """The allocation locked, then its sheet (created on the first save)."""
    allocation = (
        Allocation.objects.select_for_update()
        .select_related("assessor", "case")
        .get(pk=sheet.allocation_id)
    )
    locked, _created = Sheet.objects.get_or_create(allocation=allocation)
    locked = Sheet.objects.select_for_update().get(pk=locked.pk)
    locked.allocation = allocation
    return locked


def _plan_errors(plan_items: Sequence[Sequence[int | None]], required: int) -> list[str]:
    errors: list[str] = []
    if len(plan_items) != required:
        return [str(PLAN_COUNT % {"required": required, "given": len(plan_items)})]
    for plan, row in enumerate(plan_items, start=1):
        if len(row) != RPP.size:
            errors.append(str(PLAN_SIZE % {"plan": plan, "size": RPP.size, "given": len(row)}))
            continue
        for item, value in enumerate(row, start=1):
            if value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, int) or value not in ITEM_SCORES:
                errors.append(str(ITEM_RANGE % {"plan": plan, "item": item}))
    return errors


def _practice_errors(practice_items: Sequence[int | None], role: str) -> list[str]:
    """What is wrong with the 4b item scores given for a portfolio of `role`."""
    form = sheet_practice(role)
    if form is None:
        return [str(PRACTICE_NOT_COUNSELLOR)] if practice_items else []
    if len(practice_items) != form.size:
        return [str(PRACTICE_SIZE % {"size": form.size, "given": len(practice_items)})]
    return [
        str(PRACTICE_RANGE % {"item": form.items[index].number})
        for index, value in enumerate(practice_items)
        if value is not None
        and (isinstance(value, bool) or not isinstance(value, int) or value not in ITEM_SCORES)
    ]


@transaction.atomic
def sheet_save(
    *,
    sheet: Sheet,
    actor: User,
    plan_items: Sequence[Sequence[int | None]],
    overrides: Mapping[str, Override],
    review: SheetReview,
    fraud_note: str = "",
    notes: str = "",
    practice_items: Sequence[int | None] = (),
) -> Sheet:
    """Save the assessor's draft (docs/sources/domain.md §2: the assessor confirms or overrides
    every suggested entry with a reason, scores the lesson plans on the RPP instrument and records
    administrative defects, doubtful evidence and fraud; for a counsellor it also scores the 4b
    practice form, seed 003 Buku II pp. 33-35). Refused, with nothing changed, for
    anyone but the allocated assessor, after submission, outside assessment, or for any bad
    value (every one is named)."""
    sheet = _locked_sheet(sheet)
    allocation = sheet.allocation
    if not allocation.active or allocation.assessor.user_id != actor.pk:
        raise ValidationError(NOT_YOURS, code="not_yours")
    if sheet.submitted:
        raise ValidationError(ALREADY_SUBMITTED, code="submitted")
    case = allocation.case
    if case.state not in ASSESSING:
        raise ValidationError(NOT_ASSESSING, code="state")
    portfolio = portfolio_read(case=case)
    errors = _plan_errors(plan_items, PLANS_REQUIRED[portfolio.role])
    practice_errors = _practice_errors(practice_items, portfolio.role)

    # The lines and their suggestion, as the rules core gives them for this portfolio.
    sheet.plan_items = [list(row) for row in plan_items] if not errors else sheet.plan_items
    if not practice_errors:
        sheet.practice_items = list(practice_items)
    errors.extend(practice_errors)
    result = sheet_score(portfolio, sheet)
    lines = rules_sheet_lines(result)
    parts = parts_of(result)
    suggested = {line.key: line.suggested for line in lines}
    codes = line_codes(portfolio, lines)
    stored: dict[str, dict[str, str]] = {}
    for key, override in overrides.items():
        code = codes.get(key, key)
        reason = override.reason.strip()
        if len(reason) > REASON_MAX_LENGTH:
            errors.append(str(REASON_TOO_LONG % {"code": code, "limit": REASON_MAX_LENGTH}))
            continue
        try:
            apply_overrides(lines, parts, {key: Override(override.points, reason)})
        except SheetError as error:
            # The rules core names the line by its key; the assessor reads its evidence code.
            params = {**dict(error.message.params), "key": code}
            errors.append(render(error.message.code, params, rules_lang()))
            continue
        if override.points == suggested[key] and not reason:
            continue  # confirmed as suggested: nothing to keep
        stored[key] = {"points": str(override.points), "reason": reason}

    known = set(portfolio_codes(portfolio))
    errors.extend(
        str(UNKNOWN_CODE % {"code": code}) for code in review.doubtful_evidence if code not in known
    )
    defects = [d.strip() for d in review.administrative_defects if d.strip()]
    if len(defects) > DEFECTS_MAX:
        errors.append(str(TOO_MANY_DEFECTS % {"limit": DEFECTS_MAX}))
    errors.extend(
        str(DEFECT_TOO_LONG % {"number": number, "limit": DEFECT_MAX_LENGTH})
        for number, defect in enumerate(defects, start=1)
        if len(defect) > DEFECT_MAX_LENGTH
    )
    if review.fraud_found and not fraud_note.strip():
        errors.append(str(FRAUD_NOTE_MISSING))
    if errors:
        raise ValidationError(errors, code="invalid")

    sheet.plan_items = [list(row) for row in plan_items]
    sheet.practice_items = list(practice_items)
    sheet.overrides = stored
    sheet.administrative_defects = defects
    sheet.doubtful_evidence = list(dict.fromkeys(review.doubtful_evidence))
    sheet.fraud_found = review.fraud_found
    sheet.fraud_note = fraud_note.strip()
    sheet.notes = notes.strip()
    # Empty finding lists are valid values (no defect, nothing doubtful), not blanks.
    sheet.full_clean(exclude=["administrative_defects", "doubtful_evidence", "allocation"])
    sheet.save()
    return sheet
