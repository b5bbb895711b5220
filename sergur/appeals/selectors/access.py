"""Who may see which appeal and what they may do with it: the one place roles are checked."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import F, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from sergur.accounts.models import User
from sergur.appeals.models import Appeal
from sergur.cases.selectors import identity_hidden
from sergur.common.worklists import Sort, Worklist

Role = User.Role

APPEAL_RELATED = (
    "case",
    "case__teacher",
    "case__teacher__subject",
    "case__programme_year",
    "result",
    "new_result",
    "rayon",
    "reviewer",
    "reviewer__user",
)


def appeal_scope(user: User | AnonymousUser) -> Q | None:
    """The appeals a user may see, as a filter; None when the user may see none. The teacher
    sees their own, the rayon admin those of their rayon, an assessor those they review."""
    if not user.is_authenticated or not user.is_active:
        return None
    if user.is_superuser:
        return Q()
    if user.role == Role.TEACHER:
        return Q(case__teacher__user=user)
    if user.role == Role.RAYON_ADMIN and user.rayon_id is not None:
        return Q(rayon_id=user.rayon_id)
    if user.role == Role.ASSESSOR:
        return Q(reviewer__user=user, reviewer__active=True)
    return None


def appeal_get_for_user(*, user: User | AnonymousUser, pk: int) -> Appeal:
    """The appeal if the user may see it; 404 otherwise (existence is not revealed)."""
    scope = appeal_scope(user)
    if scope is None:
        raise Http404
    appeal = Appeal.objects.filter(scope, pk=pk).select_related(*APPEAL_RELATED).first()
    if appeal is None:
        raise Http404
    return appeal


@dataclass(frozen=True)
class AppealRights:
    """What one user may do on one appeal they can already see."""

    is_owner: bool
    manage: bool  # the rayon's admin (or the operator): assigns the reviewer
    review: bool  # the assigned reviewer
    decide: bool  # the assigned reviewer, while the appeal is open


def appeal_rights(*, user: User, appeal: Appeal) -> AppealRights:
    """The rights of `user` on an appeal from appeal_get_for_user."""
    owner = appeal.case.teacher.user_id == user.pk
    manage = user.is_superuser or (
        user.role == Role.RAYON_ADMIN and user.rayon_id == appeal.rayon_id
    )
    review = appeal.reviewer is not None and appeal.reviewer.user_id == user.pk
    return AppealRights(
        is_owner=owner,
        manage=manage,
        review=review,
        decide=review and appeal.decided_at is None,
    )


def appeal_list_for_user(*, user: User) -> QuerySet[Appeal]:
    """The appeals a rayon admin manages or an assessor reviews (the operator: all), open ones
    first, with what the list shows in the same query; PermissionDenied for other roles."""
    if not (user.is_superuser or user.role in (Role.RAYON_ADMIN, Role.ASSESSOR)):
        raise PermissionDenied
    scope = appeal_scope(user)
    if scope is None:
        return Appeal.objects.none()
    return (
        Appeal.objects.filter(scope)
        .select_related(*APPEAL_RELATED)
        .annotate(
            list_status=models.Case(
                models.When(decided_at__isnull=False, then=models.Value(Appeal.Status.DECIDED)),
                models.When(reviewer__isnull=False, then=models.Value(Appeal.Status.IN_REVIEW)),
                default=models.Value(Appeal.Status.FILED),
                output_field=models.CharField(),
            )
        )
        .order_by(F("decided_at").desc(nulls_first=True), "filed_at", "pk")
    )


APPEAL_WORKLIST = Worklist(
    key="appeals",
    url_name="appeals:list",
    number="case__participant_number",
    name="case__teacher__name",
    state="list_status",
    states=Appeal.Status.choices,
    state_label=_("Status"),
    sorts={
        "open": Sort(
            _("Open first, oldest first"),
            (F("decided_at").desc(nulls_first=True), "filed_at", "pk"),
        ),
        "filed": Sort(_("Filed, latest first"), ("-filed_at", "-pk")),
        "number": Sort(_("Participant number"), ("case__participant_number", "pk")),
        "name": Sort(_("Teacher's name"), ("case__teacher__name", "pk"), by_name=True),
    },
    blind_for=identity_hidden,
)
"""The appeals list: search by participant number or name (number only for a reviewing
assessor), filter by status, sorts (sergur/common/worklists.py); appeals have no deadline
of their own in the year data, so no deadline filter."""
