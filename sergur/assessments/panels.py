"""The assessment's panels on the case page (registered in AssessmentsConfig.ready())."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone

from sergur.accounts.models import User
from sergur.assessments.selectors import current_result
from sergur.assessments.selectors.decisions import ResultView, result_view
from sergur.cases.models import Case
from sergur.cases.panels import Panel
from sergur.cases.selectors import case_may_be_decided

RESULT_TEMPLATE = "assessments/panels/result.html"

ASSESSMENT_STATES = frozenset(
    {
        Case.State.RECEIVED,
        Case.State.IN_ASSESSMENT,
        Case.State.RECONCILIATION,
        Case.State.DECIDED,
    }
)
"""The states in which the case is with the rayon and no decision is published yet."""


@dataclass(frozen=True)
class ResultPanel:
    """What the result panel shows: a published result, or only where the case stands."""

    case: Case
    view: ResultView | None
    is_owner: bool
    can_clarify: bool
    is_rayon: bool = False


def result_panel(user: User, case: Case) -> Panel | None:
    """The published decision of the case for the teacher and the staff who see the case
    (at most two queries); before publication only the case's stage. Never an assessor's
    identity or a single assessor's scores."""
    owner = case.teacher.user_id == user.pk
    if not (owner or user.is_case_staff):
        return None
    # A result is recorded with the decision: before any decision there is none to ask.
    result = current_result(case) if case_may_be_decided(case) else None
    if result is None or result.published_at is None:
        if case.state not in ASSESSMENT_STATES:
            return None
        rayon = user.role == User.Role.RAYON_ADMIN
        return Panel(
            RESULT_TEMPLATE,
            {
                "result_panel": ResultPanel(
                    case=case, view=None, is_owner=owner, can_clarify=False, is_rayon=rayon
                )
            },
            order=25,
        )
    can_clarify = (
        owner
        and case.state == Case.State.CLARIFICATION
        and result.code == "K"
        and (result.respond_until is None or timezone.now() <= result.respond_until)
    )
    return Panel(
        RESULT_TEMPLATE,
        {
            "result_panel": ResultPanel(
                case=case,
                view=result_view(case, result),
                is_owner=owner,
                can_clarify=can_clarify,
            )
        },
        order=25,
    )
