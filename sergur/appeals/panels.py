"""The appeal panel of the case page (registered in AppealsConfig.ready()): the appeal
window's end, the teacher's way to appeal, and the appeal's status and outcome with reasons.
The reviewer is never named here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from sergur.accounts.models import User
from sergur.appeals.models import Appeal
from sergur.appeals.selectors import appeal_of, case_appeals
from sergur.assessments.models import Result
from sergur.assessments.services.decisions import PUBLISHED_STATE
from sergur.cases.models import Case
from sergur.cases.panels import Panel

PANEL_TEMPLATE = "appeals/panel.html"


@dataclass(frozen=True)
class AppealPanel:
    """What the panel shows: the decision that may be appealed, its window, the appeals."""

    case: Case
    result: Result | None
    appeal: Appeal | None  # the appeal against the current decision
    appeals: list[Appeal]  # every appeal of the case, newest first
    is_owner: bool
    can_manage: bool
    window_open: bool
    can_file: bool
    final: bool  # the current decision was taken or upheld on appeal


def appeal_panel(user: User, case: Case) -> Panel | None:
    """The panel for the case's teacher and the staff who see the case (two queries); none
    before a decision is published, and none for assessors."""
    owner = case.teacher.user_id == user.pk
    if not (owner or user.is_case_staff):
        return None
    if case.state == Case.State.DRAFT:  # never decided yet (a reopened case is REOPENED)
        return None
    found = case_appeals(case)
    if found.result is None and not found.appeals:
        return None
    result = found.result
    appeal = appeal_of(result, found.appeals)
    now = timezone.now()
    until: dt.datetime | None = result.appeal_until if result is not None else None
    # Final once the appeal is decided, whether it changed the decision or upheld it.
    decided = appeal is not None and appeal.decided_at is not None
    final = result is not None and (result.source == Result.Source.APPEAL or decided)
    window_open = until is not None and now <= until and not final
    return Panel(
        template=PANEL_TEMPLATE,
        context={
            "appeal_panel": AppealPanel(
                case=case,
                result=result,
                appeal=appeal,
                appeals=found.appeals,
                is_owner=owner,
                can_manage=user.is_superuser or user.role == User.Role.RAYON_ADMIN,
                window_open=window_open,
                can_file=owner
                and window_open
                and appeal is None
                and case.state in PUBLISHED_STATE.values(),
                final=final,
            )
        },
        order=30,
    )
