"""The assessment's counts on the home page (sergur/common/waiting.py): the assessor's sheets
not yet submitted, the rayon's portfolios in reconciliation."""

from __future__ import annotations

from django.utils.translation import ngettext

from sergur.accounts.models import User
from sergur.assessments.selectors.sheets import worklist_rows
from sergur.cases.models import Case
from sergur.cases.selectors import case_list_for_user
from sergur.common.menu import roles
from sergur.common.waiting import Waiting


def _sheets(user: User) -> int:
    return worklist_rows(user=user).filter(sheet__submitted_at__isnull=True).count()


def _reconciliations(user: User) -> int:
    return case_list_for_user(user=user).filter(state=Case.State.RECONCILIATION).count()


ASSESSMENT_WAITING = (
    Waiting(
        "sheets",
        lambda n: (
            ngettext(
                "%(count)s scoring sheet not yet submitted",
                "%(count)s scoring sheets not yet submitted",
                n,
            )
            % {"count": n}
        ),
        roles("assessor"),
        _sheets,
        worklist="assessor",
        filters={"sheet": "open"},
        order=40,
    ),
    Waiting(
        "reconciliations",
        lambda n: (
            ngettext(
                "%(count)s portfolio in reconciliation", "%(count)s portfolios in reconciliation", n
            )
            % {"count": n}
        ),
        roles("rayon_admin"),
        _reconciliations,
        url_name="assessments:decisions",
        order=50,
    ),
)
