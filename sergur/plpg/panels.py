"""The PLPG panel of the case page (registered in PlpgConfig.ready()): the class, venue,
dates and instructor, and the result per part and per competency with its reasons."""

from __future__ import annotations

from sergur.accounts.models import User
from sergur.cases.models import Case
from sergur.cases.panels import Panel, panel_register
from sergur.cases.selectors import case_may_be_decided
from sergur.plpg.selectors import participant_of_case

PANEL_TEMPLATE = "plpg/panel.html"


def plpg_panel(user: User, case: Case) -> Panel | None:
    """A link to the PLPG page for the case's teacher and the staff who see the case (one
    query); none before the case is placed in a class."""
    if not (case.teacher.user_id == user.pk or user.is_case_staff):
        return None
    if not case_may_be_decided(case):
        return None  # a case is placed in a class only once its decision is published
    participant = participant_of_case(case)
    if participant is None:
        return None
    return Panel(template=PANEL_TEMPLATE, context={"plpg_participant": participant}, order=70)


def register() -> None:
    """Register the panel with the case page."""
    panel_register(plpg_panel)
