"""The appeals' counts on the home page (sergur/common/waiting.py): for the rayon the appeals
awaiting a reviewer, for an assessor the appeals they review."""

from __future__ import annotations

from collections.abc import Callable

from django.utils.translation import ngettext

from sergur.accounts.models import User
from sergur.appeals.models import Appeal
from sergur.appeals.selectors import appeal_list_for_user
from sergur.common.menu import roles
from sergur.common.waiting import Waiting


def _status(status: str) -> Callable[[User], int]:
    def count(user: User) -> int:
        return appeal_list_for_user(user=user).filter(**{"list_status": status}).count()

    return count


APPEAL_WAITING = (
    Waiting(
        "appeals_filed",
        lambda n: (
            ngettext(
                "%(count)s appeal awaiting a reviewer", "%(count)s appeals awaiting a reviewer", n
            )
            % {"count": n}
        ),
        roles("rayon_admin"),
        _status(Appeal.Status.FILED),
        worklist="appeals",
        filters={"state": Appeal.Status.FILED},
        order=60,
    ),
    Waiting(
        "appeals_review",
        lambda n: (
            ngettext("%(count)s appeal to review", "%(count)s appeals to review", n) % {"count": n}
        ),
        roles("assessor"),
        _status(Appeal.Status.IN_REVIEW),
        worklist="appeals",
        filters={"state": Appeal.Status.IN_REVIEW},
        order=45,
    ),
)
