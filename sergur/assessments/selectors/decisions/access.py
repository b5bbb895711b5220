"""Who may act on a decision: the rayon's admin on the cases of the provinces the rayon
serves, the district committee on its district's, the teacher on their own clarification."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from sergur.accounts.models import User
from sergur.assessments.models import Reconciliation
from sergur.cases.models import Case
from sergur.cases.selectors import case_get_for_user, case_scope

Role = User.Role


def rayon_admin_required(user: User | AnonymousUser) -> User:
    """The signed-in admin of a rayon; 403 for anyone else."""
    if (
        not isinstance(user, User)
        or not user.is_active
        or user.role != Role.RAYON_ADMIN
        or user.rayon_id is None
    ):
        raise PermissionDenied
    return user


def district_committee_required(user: User | AnonymousUser) -> User:
    """The signed-in district committee member; 403 for anyone else."""
    if (
        not isinstance(user, User)
        or not user.is_active
        or user.role != Role.DISTRICT_COMMITTEE
        or user.district_id is None
    ):
        raise PermissionDenied
    return user


def scoped_cases(user: User) -> QuerySet[Case]:
    """The cases the user sees (`case_scope`); none outside every scope."""
    scope = case_scope(user)
    return Case.objects.none() if scope is None else Case.objects.filter(scope)


def rayon_case_get_for_user(*, user: User | AnonymousUser, pk: int, state: str) -> Case:
    """A case of the rayon admin's rayon in `state`: 403 for another role, 404 for a case
    the admin does not see or that is not in that state."""
    admin = rayon_admin_required(user)
    case = case_get_for_user(user=admin, pk=pk)
    if case.state != state:
        raise Http404
    return case


def reconciliation_get_for_user(*, user: User | AnonymousUser, pk: int) -> Reconciliation:
    """The open reconciliation of a case (by the case's pk) for the rayon admin who runs it."""
    case = rayon_case_get_for_user(user=user, pk=pk, state=Case.State.RECONCILIATION)
    reconciliation = (
        Reconciliation.objects.filter(case=case, resolved_at__isnull=True)
        .order_by("-round")
        .first()
    )
    if reconciliation is None:
        raise Http404
    reconciliation.case = case
    return reconciliation


def clarification_case_for_teacher(*, user: User | AnonymousUser, pk: int) -> Case:
    """The teacher's own case awaiting a clarification: 404 for a case the user does not see,
    403 for someone else's case, 404 when no clarification is asked."""
    case = case_get_for_user(user=user, pk=pk)
    if not isinstance(user, User) or case.teacher.user_id != user.pk:
        raise PermissionDenied
    if case.state != Case.State.CLARIFICATION:
        raise Http404
    return case
