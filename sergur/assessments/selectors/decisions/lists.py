"""The lists of decisions: awaiting reconciliation, publication or a clarification, the
PLPG list, the district's results and the teachers' clarifications."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, QuerySet, Subquery
from django.http import Http404

from sergur.accounts.models import User
from sergur.assessments.models import ClarificationResponse, Result
from sergur.assessments.selectors.decisions.access import (
    Role,
    district_committee_required,
    rayon_admin_required,
    scoped_cases,
)
from sergur.cases.models import Case
from sergur.cases.selectors import case_get_for_user
from sergur.registry.models import TeachingAssignment

CODES = ("L", "MA", "MS", "MPLPG", "K", "D")


def _main_school_name() -> Subquery:
    main = TeachingAssignment.objects.filter(teacher=OuterRef("case__teacher"), is_main=True)
    return Subquery(main.values("school__name")[:1])


def _results_of(user: User) -> QuerySet[Result]:
    return (
        Result.objects.filter(current=True, case__in=scoped_cases(user).values("pk"))
        .select_related("case", "case__teacher", "case__teacher__subject", "case__programme_year")
        .annotate(school_name=_main_school_name())
        .order_by("case__teacher__name", "pk")
    )


@dataclass(frozen=True)
class DecisionLists:
    """The rayon admin's decisions page: what is being reconciled, decided and unpublished,
    awaiting a clarification decision, and published (by code)."""

    reconciliation: list[Case]
    awaiting: list[Result]
    clarification: list[Case]
    published: QuerySet[Result]
    # How many of each there are: a list shows at most LIST_LIMIT (after a re-scoring
    # thousands of decisions may await publication; "publish all" publishes every one).
    reconciliation_total: int = 0
    awaiting_total: int = 0
    clarification_total: int = 0


LIST_LIMIT = 200


def _first(query: QuerySet[Any]) -> tuple[list[Any], int]:
    """At most LIST_LIMIT rows of `query`, and how many there are (a count only when the
    list is full)."""
    rows = list(query[:LIST_LIMIT])
    return rows, (query.count() if len(rows) == LIST_LIMIT else len(rows))


def decision_lists(*, user: User | AnonymousUser, code: str = "") -> DecisionLists:
    """The rayon's decisions in at most seven queries however many cases (the published ones
    as a query the page slices; the others at most LIST_LIMIT rows each, with their count)."""
    admin = rayon_admin_required(user)
    cases = scoped_cases(admin).select_related("teacher", "teacher__subject", "programme_year")
    results = _results_of(admin)
    published = results.filter(published_at__isnull=False)
    if code in CODES:
        published = published.filter(code=code)
    reconciliation, reconciliation_total = _first(
        cases.filter(state=Case.State.RECONCILIATION).order_by("teacher__name", "pk")
    )
    awaiting, awaiting_total = _first(
        results.filter(published_at__isnull=True, case__state=Case.State.DECIDED)
    )
    clarification, clarification_total = _first(
        cases.filter(state=Case.State.CLARIFICATION).order_by("teacher__name", "pk")
    )
    return DecisionLists(
        reconciliation=reconciliation,
        awaiting=awaiting,
        clarification=clarification,
        published=published,
        reconciliation_total=reconciliation_total,
        awaiting_total=awaiting_total,
        clarification_total=clarification_total,
    )


def awaiting_results(*, user: User | AnonymousUser, pks: list[int] | None) -> list[Result]:
    """The rayon's decided, unpublished results (those of `pks`, or all when None), locked
    for publication."""
    admin = rayon_admin_required(user)
    rows = Result.objects.filter(
        current=True,
        published_at__isnull=True,
        case__state=Case.State.DECIDED,
        case__in=scoped_cases(admin).values("pk"),
    ).order_by("pk")
    if pks is not None:
        rows = rows.filter(pk__in=pks)
    return list(rows)


def plpg_rows(*, user: User | AnonymousUser) -> QuerySet[Result]:
    """The rayon's PLPG list: the published MPLPG results (one query)."""
    admin = rayon_admin_required(user)
    return _results_of(admin).filter(published_at__isnull=False, code="MPLPG")


def district_results(*, user: User | AnonymousUser, code: str = "") -> QuerySet[Result]:
    """The published results of the district's teachers (one query)."""
    committee = district_committee_required(user)
    rows = _results_of(committee).filter(published_at__isnull=False)
    return rows.filter(code=code) if code in CODES else rows


def clarification_responses(case: Case) -> list[ClarificationResponse]:
    """The teacher's answers to the case's clarification request (one query)."""
    return list(case.clarifications.order_by("at", "pk"))


def clarification_response_get_for_user(
    *, user: User | AnonymousUser, pk: int, response_pk: int
) -> ClarificationResponse:
    """A clarification's file for the teacher who sent it or the rayon admin; 404 otherwise."""
    case = case_get_for_user(user=user, pk=pk)
    owner = isinstance(user, User) and case.teacher.user_id == user.pk
    admin = isinstance(user, User) and user.role == Role.RAYON_ADMIN
    if not (owner or admin):
        raise PermissionDenied
    response = case.clarifications.filter(pk=response_pk).exclude(file="").first()
    if response is None:
        raise Http404
    return response
