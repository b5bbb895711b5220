"""The case lists' counts on the home page (sergur/common/waiting.py): the closed envelopes whose
part the principal, supervisor or head of the district office must fill now, the portfolios the
rayon has to allocate."""

from __future__ import annotations

from django.utils.translation import ngettext

from sergur.accounts.models import User
from sergur.cases.models import Case
from sergur.cases.selectors import case_list_for_user, case_list_rows
from sergur.common.menu import roles
from sergur.common.waiting import Waiting


def _envelopes(user: User) -> int:
    # The same rows as the case list filtered by "envelope_waits" (the button's filter).
    return case_list_rows(user=user).filter(**{"envelope_waits": True}).count()


def _to_allocate(user: User) -> int:
    return case_list_for_user(user=user).filter(state=Case.State.RECEIVED).count()


CASE_WAITING = (
    Waiting(
        "envelopes",
        lambda n: (
            ngettext(
                "%(count)s closed envelope waiting for your part",
                "%(count)s closed envelopes waiting for your part",
                n,
            )
            % {"count": n}
        ),
        roles("principal", "supervisor", "district_head"),
        _envelopes,
        worklist="cases",
        filters={"envelope_waits": "yes"},
        order=10,
    ),
    Waiting(
        "to_allocate",
        lambda n: (
            ngettext(
                "%(count)s portfolio received, waiting for assessors",
                "%(count)s portfolios received, waiting for assessors",
                n,
            )
            % {"count": n}
        ),
        roles("rayon_admin"),
        _to_allocate,
        worklist="cases",
        filters={"state": Case.State.RECEIVED},
        order=30,
    ),
)
