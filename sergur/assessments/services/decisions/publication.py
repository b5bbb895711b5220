"""Publication of results: each code moves the case on (L and MPLPG published, MA/MS
reopened, K to clarification, D disqualified), one at a time or in bulk."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sergur.accounts.models import User
from sergur.assessments.models import Result
from sergur.assessments.selectors import params_for
from sergur.cases.models import Case, CaseEvent
from sergur.cases.services import case_transition_check
from sergur.cases.signals import events_logged
from sergur.rules.workflow import sources_of

NOT_CURRENT = _("This result has been superseded; only the current result can be published.")
ALREADY_PUBLISHED = _("This result is already published.")
NOT_DECIDED = _("The case is not awaiting publication.")
UNKNOWN_CODE = _("This result has an unknown decision code and cannot be published.")

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
    events_logged.send(sender=CaseEvent, events=[event])
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
    events_logged.send(sender=CaseEvent, events=events)
    return locked
