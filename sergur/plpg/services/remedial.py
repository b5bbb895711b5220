"""The remedial programme between a failure and the retake, recorded by the district office
(docs/sources/seeds/003_358fe984fbae11df.txt, FAQ question 21 and the district's tasks k and l:
self-study, MGMP meetings, training by the Dinas, PMPTK or others; the Dinas helps arrange it
and facilitates the retake)."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from sergur.accounts.models import User
from sergur.cases.models import CaseEvent
from sergur.cases.services import case_event_record
from sergur.plpg.models import Participant, RemedialActivity
from sergur.plpg.selectors import participant_list_for_user

NOT_DISTRICT = _(
    "Only the district committee of the teacher's district records remedial activities."
)
NO_RETAKE_DUE = _("A remedial activity is recorded between a failed exam and its retake.")
DATES_ORDER = _("The activity ends before it starts.")


@transaction.atomic
def remedial_record(
    *,
    participant: Participant,
    kind: str,
    description: str,
    starts_on: dt.date,
    ends_on: dt.date,
    actor: User,
) -> RemedialActivity:
    """Record one remedial activity of a participant with a retake due; logged on the case."""
    own = participant_list_for_user(user=actor).filter(pk=participant.pk).exists()
    if actor.role != User.Role.DISTRICT_COMMITTEE or not own:
        raise ValidationError(NOT_DISTRICT, code="forbidden")
    if participant.status != Participant.Status.RETAKE:
        raise ValidationError(NO_RETAKE_DUE, code="state")
    if ends_on < starts_on:
        raise ValidationError(DATES_ORDER, code="dates")
    entry = RemedialActivity(
        participant=participant,
        kind=kind,
        description=description.strip(),
        starts_on=starts_on,
        ends_on=ends_on,
        recorded_by=actor,
    )
    entry.full_clean()
    entry.save()
    case_event_record(
        case=participant.case,
        actor=actor,
        kind=CaseEvent.Kind.PLPG_REMEDIAL,
        data={"kind": kind, "from": starts_on.isoformat(), "until": ends_on.isoformat()},
    )
    return entry
