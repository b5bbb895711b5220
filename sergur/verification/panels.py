"""The verification panel of the case page: where the portfolio stands in the chain and, when
it was returned, exactly which documents and why, and that the teacher must fix them and
submit again."""

from __future__ import annotations

from sergur.accounts.models import User
from sergur.cases.models import Case
from sergur.cases.panels import Panel
from sergur.verification.selectors import verification_status

PANEL_TEMPLATE = "verification/panel.html"


def verification_panel(user: User, case: Case) -> Panel | None:
    """The panel for the case's teacher and the verifying offices (two queries); none
    before the first submission or for anyone else."""
    owner = case.teacher.user_id == user.pk
    staff = user.is_case_staff
    if case.state == Case.State.DRAFT or not (owner or staff):
        return None
    status = verification_status(user=user, case=case)
    return Panel(
        template=PANEL_TEMPLATE,
        context={"status": status, "case": case, "is_owner": owner, "is_staff": staff},
        order=20,
    )
