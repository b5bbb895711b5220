"""During the training: attendance per session and peer-teaching appearances (docs/plpg.md,
"During the training"; docs/sources/domain.md §3.1). The 3rd appearance is the practical exam:
its teaching score is entered as the first attempt of the year's practical part."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from sergur.accounts.models import User
from sergur.cases.models import CaseEvent
from sergur.cases.services import case_event_record
from sergur.plpg.models import Attendance, Participant, PeerTeaching, PlpgClass, Session
from sergur.plpg.selectors import class_rights, year_plpg_params
from sergur.plpg.services.exams import plpg_score_enter, today_local, too_early
from sergur.rules.plpg import attendance_too_early, score_too_early

NOT_GRADER = _("Only the class's instructor or the rayon admin records this.")
CLOSED = _("This participant's PLPG is closed.")
APPEARANCE_ORDER = _("Appearance %(number)s comes after appearance %(before)s.")
APPEARANCE_TWICE = _("Appearance %(number)s is already scored.")
PLAN_FIRST = _(
    "The lesson plan is discussed with the instructor before every appearance "
    "(the practical exam included)."
)


def grader_check(*, actor: User, plpg_class: PlpgClass) -> None:
    """Refuse anyone but the class's instructor and the rayon admin."""
    if not class_rights(user=actor, plpg_class=plpg_class).grade:
        raise ValidationError(NOT_GRADER, code="forbidden")


@transaction.atomic
def attendance_record(
    *, session: Session, present: Collection[int], actor: User, today: dt.date | None = None
) -> int:
    """Record who attended the session (participant ids in `present`, the others absent);
    logged on each case. Refused for a session after `today` (default: today in Jakarta).
    Returns the number present."""
    plpg_class = session.plpg_class
    grader_check(actor=actor, plpg_class=plpg_class)
    too_early(attendance_too_early(day=session.day, today=today or today_local()))
    count = 0
    for participant in plpg_class.participants.select_related("case"):
        here = participant.pk in present
        count += here
        Attendance.objects.update_or_create(
            session=session, participant=participant, defaults={"present": here}
        )
        case_event_record(
            case=participant.case,
            actor=actor,
            kind=CaseEvent.Kind.PLPG_ATTENDANCE,
            data={"session": session.pk, "day": session.day.isoformat(), "present": here},
        )
    return count


@transaction.atomic
def peer_teaching_score(
    *,
    participant: Participant,
    number: int,
    plan_discussed: bool,
    plan_score: Decimal,
    teaching_score: Decimal,
    actor: User,
    today: dt.date | None = None,
) -> PeerTeaching:
    """Score one peer-teaching appearance (the plan and the teaching, on the instrument); the
    year's practical appearance (the 3rd) is the practical exam and enters its score. Refused
    before the class's training starts."""
    participant = Participant.objects.select_for_update().get(pk=participant.pk)
    grader_check(actor=actor, plpg_class=participant.plpg_class)
    today = today or today_local()
    too_early(score_too_early(starts_on=participant.plpg_class.starts_on, today=today))
    if participant.status not in {Participant.Status.TRAINING}:
        raise ValidationError(CLOSED, code="closed")
    done = participant.appearances.count()
    if participant.appearances.filter(number=number).exists():
        raise ValidationError(APPEARANCE_TWICE, code="twice", params={"number": number})
    if number != done + 1:
        raise ValidationError(
            APPEARANCE_ORDER, code="order", params={"number": number, "before": done + 1}
        )
    params = year_plpg_params(participant.case.programme_year)
    practical = number == params.practical_appearance
    if practical and not plan_discussed:
        raise ValidationError(PLAN_FIRST, code="plan")
    entry = PeerTeaching(
        participant=participant,
        number=number,
        plan_discussed=plan_discussed,
        plan_score=plan_score,
        teaching_score=teaching_score,
        scored_by=actor,
    )
    entry.full_clean()
    entry.save()
    case_event_record(
        case=participant.case,
        actor=actor,
        kind=CaseEvent.Kind.PLPG_PEER_TEACHING,
        data={
            "number": number,
            "plan_discussed": plan_discussed,
            "plan_score": str(plan_score),
            "teaching_score": str(teaching_score),
            "practical_exam": practical,
        },
    )
    if practical:
        plpg_score_enter(
            participant=participant,
            part=params.practical_part,
            score=teaching_score,
            actor=actor,
            today=today,
        )
    return entry
