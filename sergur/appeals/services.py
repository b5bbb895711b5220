"""Writes of appeals: the teacher files one within the programme year's window, the rayon
admin assigns an independent reviewer, the reviewer decides with reasons.

No formal appeal procedure was found for portfolio results (docs/sources/domain.md §2, "[NOT
FOUND]"): the window is the programme year's `appeal_days` (a product default,
rules/years/<year>.toml) and the steps below are the product's own, described in docs/appeals.md.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from sergur.accounts.models import User
from sergur.appeals.models import Appeal
from sergur.appeals.selectors import (
    case_assessor_ids,
    case_rayon,
    portfolio_slot,
    reviewer_obstacles,
)
from sergur.assessments.models import Assessor, Result
from sergur.assessments.selectors import (
    facts_of,
    parts_from_json,
    review_from_json,
    review_to_json,
)
from sergur.assessments.services.decisions import PUBLISHED_STATE, result_publish
from sergur.assessments.services.rounds import result_record
from sergur.cases.models import Case, CaseEvent
from sergur.cases.services import case_event_record
from sergur.common.i18n import rules_lang
from sergur.common.uploads import safe_file_name, upload_content_check, upload_size_check
from sergur.portfolios.selectors import portfolio_read, rules_year
from sergur.rules.assessment import ASSESSED_PARTS, PART_MAXIMUM, PARTS, SheetReview, outcome
from sergur.rules.assessment.sheet import Points
from sergur.rules.messages import COMPONENTS, Message

NOT_OWNER = _("Only the teacher whose decision it is may appeal.")
NOT_PUBLISHED = _("There is no published decision to appeal against.")
APPEAL_FINAL = _("This decision was taken on appeal; it is final and cannot be appealed again.")
MOVED_ON = _(
    "The case has moved on since the decision was published; it can no longer be appealed."
)
WINDOW_CLOSED = _("The appeal window closed on %(until)s.")
ALREADY_APPEALED = _("This decision has already been appealed (on %(at)s).")
GROUNDS_REQUIRED = _("Write the grounds of the appeal: what is wrong with the decision, and why.")
NO_RAYON = _("No rayon serves this case's province; the appeal cannot be filed.")
NOT_RAYON_ADMIN = _("Only the admin of the rayon that assessed the case assigns its reviewer.")
ALREADY_DECIDED = _("This appeal has already been decided.")
NOT_ELIGIBLE = _("%(name)s may not review this appeal: %(reasons)s")
NOT_REVIEWER = _("Only the reviewer assigned to this appeal decides it.")
REASONS_REQUIRED = _("Write the reasons of the decision on the appeal.")
SUPERSEDED = _(
    "The decision appealed against has been superseded, or the case has moved on since; the "
    "appeal can only be upheld, not change it."
)
PART_RANGE = _("Points for %(part)s must be a number from %(minimum)s to %(maximum)s.")
INSTRUMENT_PART = _(
    "Points for %(part)s come from a scored instrument (the RPP form or the closed envelope) "
    "and are not changed on appeal: they stay %(points)s."
)
MISSING_PART = _("Points for %(part)s are missing.")
TOTAL_TOO_LARGE = _(
    "With these points the total would be %(total)s; a decision holds at most %(maximum)s."
)

PUBLISHED_STATES = frozenset(PUBLISHED_STATE.values())


def _stored_maximum() -> Decimal:
    """The largest total a decision can store (`Result.total`'s digits)."""
    field = Result._meta.get_field("total")
    assert isinstance(field, models.DecimalField)  # nosec B101 # narrows the field's type for mypy
    places = field.decimal_places
    return Decimal(10) ** (field.max_digits - places) - Decimal(10) ** -places


STORED_MAXIMUM = _stored_maximum()

# The most a corrected part may hold: the rubric's fixed maxima (PART_MAXIMUM, as on the
# scoring sheet); the instrument parts are not corrected at all (ASSESSED_PARTS); the other
# parts have no cap, so only what a decision stores bounds them.


def _local(moment: dt.datetime) -> str:
    return date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def _check_upload(upload: UploadedFile[Any]) -> str:
    """The file's real type, after the same checks as portfolio evidence (size, content)."""
    upload_size_check(upload, limit=settings.SERGUR_EVIDENCE_MAX_BYTES)
    return upload_content_check(upload)


def _ensure_appealable(case: Case, result: Result | None, now: dt.datetime) -> Result:
    if result is None or result.published_at is None:
        raise ValidationError(NOT_PUBLISHED, code="not_published")
    if result.source == Result.Source.APPEAL:
        raise ValidationError(APPEAL_FINAL, code="final")
    if case.state not in PUBLISHED_STATES:
        raise ValidationError(MOVED_ON, code="moved_on")
    if result.appeal_until is None or now > result.appeal_until:
        until = _local(result.appeal_until or result.published_at)
        raise ValidationError(WINDOW_CLOSED, code="window", params={"until": until})
    earlier = Appeal.objects.filter(result=result).only("filed_at").first()
    if earlier is not None:
        raise ValidationError(
            ALREADY_APPEALED, code="appealed", params={"at": _local(earlier.filed_at)}
        )
    return result


def appeal_refusal(*, case: Case, now: dt.datetime) -> ValidationError | None:
    """Why the case's current decision cannot be appealed now (None: it can). Reads only; the
    teacher's form shows it instead of the form."""
    result = Result.objects.filter(case=case, current=True).first()
    try:
        _ensure_appealable(case, result, now)
    except ValidationError as refusal:
        return refusal
    return None


def appeal_file(
    *,
    case: Case,
    actor: User,
    grounds: str,
    upload: UploadedFile[Any] | None = None,
    now: dt.datetime,
) -> Appeal:
    """File the teacher's appeal against the case's current published decision, while its
    window (`appeal_until`, set at publication) is open; one appeal per decision. The file, if
    any, is checked like portfolio evidence and stored under a random name, and removed again
    when the filing fails after it was stored. One APPEAL_FILED event (the code appealed,
    never the grounds)."""
    appeal: Appeal | None = None
    try:
        with transaction.atomic():
            appeal = _appeal_new(case=case, actor=actor, grounds=grounds, now=now)
            if upload is not None:
                appeal.evidence_type = _check_upload(upload)
                appeal.evidence_size = upload.size or 0
                appeal.evidence_name = safe_file_name(
                    upload.name or "", content_type=appeal.evidence_type
                )
                appeal.evidence.save("appeal", upload, save=False)
            appeal.full_clean()
            appeal.save()
            result = appeal.result
            assert result.appeal_until is not None  # nosec B101 # _ensure_appealable refuses one without
            case_event_record(
                case=appeal.case,
                actor=actor,
                kind=CaseEvent.Kind.APPEAL_FILED,
                data={"code": result.code, "appeal_until": result.appeal_until.isoformat()},
            )
    except BaseException:
        # The rollback does not reach the storage (and on_commit never runs on one): a failed
        # filing, up to and including the commit, takes its stored file away itself.
        if appeal is not None and appeal.evidence:
            appeal.evidence.delete(save=False)
        raise
    return appeal


def _appeal_new(*, case: Case, actor: User, grounds: str, now: dt.datetime) -> Appeal:
    """The appeal to file, not saved yet, after every check but the file's (the case locked;
    inside the filing's transaction)."""
    case = Case.objects.select_for_update(of=("self",)).select_related("teacher").get(pk=case.pk)
    if case.teacher.user_id != actor.pk:
        raise ValidationError(NOT_OWNER, code="not_owner")
    result = Result.objects.filter(case=case, current=True).first()
    result = _ensure_appealable(case, result, now)
    text = grounds.strip()
    if not text:
        raise ValidationError(GROUNDS_REQUIRED, code="grounds")
    rayon = case_rayon(case)
    if rayon is None:
        raise ValidationError(NO_RAYON, code="rayon")
    return Appeal(case=case, result=result, rayon=rayon, grounds=text, filed_at=now, filed_by=actor)


def _reasons_text(reasons: tuple[Message | str, ...]) -> str:
    lang = rules_lang()
    return "; ".join(r.text(lang) if isinstance(r, Message) else str(r) for r in reasons)


@transaction.atomic
def appeal_reviewer_assign(
    *, appeal: Appeal, reviewer: Assessor, actor: User, now: dt.datetime
) -> Appeal:
    """Assign (or replace, before the decision) the appeal's reviewer: an assessor of the
    rayon's register who assessed the case in no round and has no conflict of interest with
    the teacher (rules.assessment.allocation.conflicts). The reviewer is never named to the
    teacher, so the case's log gets no event."""
    appeal = Appeal.objects.select_for_update().select_related("case").get(pk=appeal.pk)
    if not (
        actor.is_superuser
        or (actor.role == User.Role.RAYON_ADMIN and actor.rayon_id == appeal.rayon_id)
    ):
        raise ValidationError(NOT_RAYON_ADMIN, code="not_admin")
    if appeal.decided_at is not None:
        raise ValidationError(ALREADY_DECIDED, code="decided")
    reviewer = (
        Assessor.objects.select_related("user")
        .prefetch_related("subjects", "relations")
        .get(pk=reviewer.pk)
    )
    obstacles = reviewer_obstacles(
        assessor=reviewer,
        case_assessors=case_assessor_ids(appeal.case),
        portfolio=portfolio_slot(appeal.case),
        rayon_id=appeal.rayon_id,
    )
    if obstacles:
        raise ValidationError(
            NOT_ELIGIBLE,
            code="not_eligible",
            params={"name": str(reviewer.user), "reasons": _reasons_text(obstacles)},
        )
    appeal.reviewer = reviewer
    appeal.assigned_at = now
    appeal.assigned_by = actor
    appeal.full_clean()
    appeal.save(update_fields=["reviewer", "assigned_at", "assigned_by"])
    return appeal


def _checked_parts(parts: Mapping[str, Any], decided: Mapping[str, Points]) -> dict[str, Points]:
    """The reviewer's parts. A part equal to the decision's is kept as it is; a corrected one
    must be a number from 0 to the part's maximum, and an instrument part (4a, 4b, 5: the
    scoring sheet does not override them either) cannot be corrected. Every bad part is
    named, with what it may hold."""
    lang = rules_lang()
    errors: list[ValidationError] = []
    checked: dict[str, Points] = {}
    for part in PARTS:
        name = COMPONENTS[part][lang]
        if part not in parts or parts[part] is None:
            errors.append(ValidationError(MISSING_PART, code="part", params={"part": name}))
            continue
        try:
            value = Decimal(str(parts[part]))
        except ArithmeticError:
            value = Decimal("NaN")
        before = decided[part]
        if value.is_finite() and value == before:
            checked[part] = before
            continue
        if part in ASSESSED_PARTS:
            errors.append(
                ValidationError(
                    INSTRUMENT_PART,
                    code="instrument_part",
                    params={"part": name, "points": str(before)},
                )
            )
            continue
        maximum = PART_MAXIMUM.get(part, STORED_MAXIMUM)
        if not value.is_finite() or not 0 <= value <= maximum:
            errors.append(
                ValidationError(
                    PART_RANGE,
                    code="part_range",
                    params={"part": name, "minimum": 0, "maximum": str(maximum)},
                )
            )
            continue
        checked[part] = int(value) if value == value.to_integral_value() else value
    if errors:
        raise ValidationError(errors)
    return checked


def _corrections(
    before: dict[str, Points],
    after: dict[str, Points],
    review_before: SheetReview,
    review_after: SheetReview,
) -> dict[str, Any]:
    changed_parts = {
        part: {"before": str(before[part]), "after": str(after[part])}
        for part in PARTS
        if Decimal(before[part]) != Decimal(after[part])
    }
    corrections: dict[str, Any] = {}
    if changed_parts:
        corrections["parts"] = changed_parts
    if review_before != review_after:
        corrections["review"] = {
            "before": review_to_json(review_before),
            "after": review_to_json(review_after),
        }
    return corrections


@transaction.atomic
def appeal_decide(
    *,
    appeal: Appeal,
    actor: User,
    parts: Mapping[str, Any],
    review: SheetReview,
    reasons: str,
    now: dt.datetime,
) -> Appeal:
    """The reviewer's decision. Unchanged parts and findings uphold the decision. Corrected
    ones are decided by the decision rules (rules.assessment.outcome), recorded as a new
    result (source APPEAL, superseding the appealed one) and published at once: the case moves
    on by the new code. One APPEAL_DECIDED event with the reviewer's reasons; the teacher's
    log never names the reviewer (an assessor)."""
    appeal = (
        # Only the appeal's row is locked (the reviewer is on the nullable side of a join).
        Appeal.objects.select_for_update(of=("self",))
        .select_related("case", "case__programme_year", "case__teacher", "result", "reviewer")
        .get(pk=appeal.pk)
    )
    if appeal.reviewer is None or appeal.reviewer.user_id != actor.pk:
        raise ValidationError(NOT_REVIEWER, code="not_reviewer")
    if appeal.decided_at is not None:
        raise ValidationError(ALREADY_DECIDED, code="decided")
    why = reasons.strip()
    if not why:
        raise ValidationError(REASONS_REQUIRED, code="reasons")
    result = appeal.result
    old_parts = parts_from_json(result.parts)
    new_parts = _checked_parts(parts, old_parts)
    old_review = review_from_json(result.review)
    corrections = _corrections(old_parts, new_parts, old_review, review)
    case = Case.objects.select_for_update().get(pk=appeal.case_id)
    if not corrections:
        appeal.outcome = Appeal.Outcome.UPHELD
    else:
        result.refresh_from_db(fields=["current"])
        if not result.current or case.state not in PUBLISHED_STATES:
            raise ValidationError(SUPERSEDED, code="superseded")
        final = outcome(new_parts, facts_of(portfolio_read(case=case)), review, rules_year(case))
        if final.total > STORED_MAXIMUM:  # parts within their range can still add up past it
            raise ValidationError(
                TOTAL_TOO_LARGE,
                code="total",
                params={"total": str(final.total), "maximum": str(STORED_MAXIMUM)},
            )
        new = result_record(
            case=case,
            round=result.round,
            final=final,
            review=review,
            source=Result.Source.APPEAL,
            actor=actor,
            now=now,
            reason=why,
        )
        new = result_publish(result=new, actor=actor, now=now)
        appeal.outcome = Appeal.Outcome.CHANGED
        appeal.new_result = new
        appeal.new_code = new.code
        corrections["total"] = {"before": str(result.total), "after": str(new.total)}
    appeal.corrections = corrections
    appeal.reasons = why
    appeal.decided_at = now
    appeal.full_clean()
    appeal.save()
    case_event_record(
        case=case,
        actor=actor,
        kind=CaseEvent.Kind.APPEAL_DECIDED,
        reason=why,
        data={
            "outcome": appeal.outcome,
            "code": appeal.new_code or result.code,
            "appealed": result.code,
        },
    )
    return appeal
