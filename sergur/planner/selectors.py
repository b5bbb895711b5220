"""Reads of the planner (docs/allowance.md, "The page"): a district committee member sees
the runs of their own district only."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet
from django.http import Http404

from sergur.accounts.models import User
from sergur.allowance.selectors import district_committee
from sergur.planner.models import PlanRun


def run_list_for_user(*, user: User | AnonymousUser) -> QuerySet[PlanRun]:
    """The runs of the committee member's district, newest first; 403 for anyone else."""
    person = district_committee(user)
    return PlanRun.objects.filter(district=person.district)


def run_get_for_user(*, user: User | AnonymousUser, pk: int) -> PlanRun:
    """The access helper of a run: the run if it is of the user's district; 404 for another
    district's run, 403 for anyone who is not a district committee member."""
    found = run_list_for_user(user=user).select_related("district").filter(pk=pk).first()
    if found is None:
        raise Http404
    return found
