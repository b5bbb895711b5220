"""Reads of the decisions: who may reconcile, decide on a clarification and publish (the
rayon's admin, for the cases of the provinces the rayon serves), the joint review as a page
lays it out, the lists of decisions, the PLPG list, the district's results, and the result
as the teacher reads it. Never an assessor's identity outside the rayon's own pages."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, QuerySet, Subquery
from django.http import Http404

from sergur.accounts.models import User
from sergur.assessments.models import (
    Allocation,
    ClarificationResponse,
    Correction,
    FindingCorrection,
    Reconciliation,
    Result,
    Sheet,
)
from sergur.assessments.selectors import (
    facts_of,
    parts_from_json,
    points_from,
    review_from_json,
    sheet_overrides,
    sheet_review,
    sheet_score,
)
from sergur.cases.models import Case
from sergur.cases.selectors import case_get_for_user, case_scope
from sergur.common.i18n import rules_lang
from sergur.portfolios.models import EnvelopeInstrument
from sergur.portfolios.selectors import portfolio_read, rules_year
from sergur.registry.models import TeachingAssignment
from sergur.rules.assessment import Facts, Outcome, SheetReview, outcome, sheet_lines
from sergur.rules.assessment.sheet import PARTS
from sergur.rules.messages import COMPONENTS, DECISIONS, GROUPS
from sergur.rules.scoring import COMPONENT_KEYS

Role = User.Role
BLIND_SLOTS = (Allocation.Slot.FIRST, Allocation.Slot.SECOND)
CODES = ("L", "MA", "MS", "MPLPG", "K", "D")


# -- who may act ---------------------------------------------------------------------------------


def _rayon_admin(user: User | AnonymousUser) -> User:
    """The signed-in admin of a rayon; 403 for anyone else."""
    if (
        not isinstance(user, User)
        or not user.is_active
        or user.role != Role.RAYON_ADMIN
        or user.rayon_id is None
    ):
        raise PermissionDenied
    return user


def _district_committee(user: User | AnonymousUser) -> User:
    """The signed-in district committee member; 403 for anyone else."""
    if (
        not isinstance(user, User)
        or not user.is_active
        or user.role != Role.DISTRICT_COMMITTEE
        or user.district_id is None
    ):
        raise PermissionDenied
    return user


def _cases_of(user: User) -> QuerySet[Case]:
    scope = case_scope(user)
    return Case.objects.none() if scope is None else Case.objects.filter(scope)


def rayon_case_get_for_user(*, user: User | AnonymousUser, pk: int, state: str) -> Case:
    """A case of the rayon admin's rayon in `state`: 403 for another role, 404 for a case
    the admin does not see or that is not in that state."""
    admin = _rayon_admin(user)
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


# -- the joint review ----------------------------------------------------------------------------


def _blind_sheets(reconciliation: Reconciliation) -> list[Sheet]:
    return list(
        Sheet.objects.filter(
            allocation__case_id=reconciliation.case_id,
            allocation__round=reconciliation.round,
            allocation__active=True,
            allocation__slot__in=BLIND_SLOTS,
            submitted_at__isnull=False,
        )
        .select_related("allocation")
        .order_by("allocation__slot")
    )


def _review_of(sheets: list[Sheet]) -> SheetReview:
    review = SheetReview()
    for sheet in sheets:
        review = review.union(sheet_review(sheet))
    return review


def _corrected(review: SheetReview, corrections: list[FindingCorrection]) -> SheetReview:
    defects = review.administrative_defects
    doubtful = review.doubtful_evidence
    fraud = review.fraud_found
    for correction in corrections:
        if correction.finding == FindingCorrection.Finding.DEFECTS:
            defects = tuple(str(item) for item in correction.after)
        elif correction.finding == FindingCorrection.Finding.DOUBTFUL:
            doubtful = tuple(str(item) for item in correction.after)
        else:
            fraud = bool(correction.after)
    return SheetReview(
        administrative_defects=defects, doubtful_evidence=doubtful, fraud_found=fraud
    )


def working_review(reconciliation: Reconciliation) -> SheetReview:
    """The findings under review: both assessors' findings, then the corrections in order
    (two queries)."""
    return _corrected(
        _review_of(_blind_sheets(reconciliation)),
        list(reconciliation.finding_corrections.order_by("at", "pk")),
    )


@dataclass(frozen=True)
class OverrideLine:
    """A line one assessor scored differently from the suggestion, and why."""

    slot: int
    key: str
    suggested: Any
    points: Any
    reason: str


@dataclass(frozen=True)
class PartRow:
    """One of the eleven parts: both assessors, the working value, their overridden lines."""

    part: str
    name: str
    first: Any
    second: Any
    working: Any
    lines: list[OverrideLine]

    @property
    def differs(self) -> bool:
        """Whether the two assessors scored this part differently."""
        return bool(self.first != self.second)


@dataclass(frozen=True)
class SheetSide:
    """One blind sheet's total, code and findings (no assessor identity)."""

    slot: int
    total: Decimal | None
    code: str
    review: SheetReview


@dataclass(frozen=True)
class ReconciliationPage:
    """Everything the joint review page shows."""

    reconciliation: Reconciliation
    reasons: list[str]
    rows: list[PartRow]
    sides: list[SheetSide]
    review: SheetReview
    working: Outcome | None
    corrections: list[Correction]
    finding_corrections: list[FindingCorrection]
    third_status: str  # "" (joint), "waiting" (allocated, not submitted), "missing"

    @property
    def decision_name(self) -> str:
        """The working decision's code name in the reader's language."""
        if self.working is None:
            return ""
        return DECISIONS[self.working.decision.code][rules_lang()]


def _third_status(reconciliation: Reconciliation) -> str:
    sheet = Sheet.objects.filter(
        allocation__case_id=reconciliation.case_id,
        allocation__round=reconciliation.round,
        allocation__active=True,
        allocation__slot=Allocation.Slot.THIRD,
    ).first()
    if sheet is None:
        return "missing"
    return "submitted" if sheet.submitted else "waiting"


def reconciliation_page(reconciliation: Reconciliation) -> ReconciliationPage:
    """The joint review as the page lays it out: the two sheets side by side per part and per
    overridden line (with the assessors' reasons), the working parts and findings, the
    corrections so far. In "third" mode only where the third assessor stands."""
    lang = rules_lang()
    reasons = [str(r) for r in reconciliation.reasons.get(lang, [])]
    if reconciliation.mode == Reconciliation.Mode.THIRD:
        return ReconciliationPage(
            reconciliation=reconciliation,
            reasons=reasons,
            rows=[],
            sides=[],
            review=SheetReview(),
            working=None,
            corrections=[],
            finding_corrections=[],
            third_status=_third_status(reconciliation),
        )
    case = reconciliation.case
    sheets = _blind_sheets(reconciliation)
    by_slot = {sheet.allocation.slot: sheet for sheet in sheets}
    portfolio = portfolio_read(case=case)
    suggested: dict[str, tuple[str, Any]] = {}
    if sheets:
        lines = sheet_lines(sheet_score(portfolio, sheets[0]))
        suggested = {line.key: (line.part, line.suggested) for line in lines}
    overridden: dict[str, list[OverrideLine]] = {}
    for sheet in sheets:
        for key, override in sorted(sheet_overrides(sheet).items()):
            part, points = suggested.get(key, ("", None))
            overridden.setdefault(part, []).append(
                OverrideLine(
                    slot=sheet.allocation.slot,
                    key=key,
                    suggested=points,
                    points=override.points,
                    reason=override.reason,
                )
            )
    working_parts = parts_from_json(reconciliation.parts)
    first = parts_from_json(by_slot[1].parts) if 1 in by_slot else {}
    second = parts_from_json(by_slot[2].parts) if 2 in by_slot else {}
    rows = [
        PartRow(
            part=part,
            name=COMPONENTS[part][lang],
            first=first.get(part),
            second=second.get(part),
            working=working_parts[part],
            lines=overridden.get(part, []),
        )
        for part in PARTS
    ]
    finding_corrections = list(
        reconciliation.finding_corrections.select_related("by").order_by("at", "pk")
    )
    review = _corrected(_review_of(sheets), finding_corrections)
    working = outcome(working_parts, facts_of(portfolio), review, rules_year(case))
    return ReconciliationPage(
        reconciliation=reconciliation,
        reasons=reasons,
        rows=rows,
        sides=[
            SheetSide(
                slot=sheet.allocation.slot,
                total=sheet.total,
                code=sheet.code,
                review=sheet_review(sheet),
            )
            for sheet in sheets
        ],
        review=review,
        working=working,
        corrections=list(reconciliation.corrections.select_related("by").order_by("at", "pk")),
        finding_corrections=finding_corrections,
        third_status="",
    )


# -- the lists -----------------------------------------------------------------------------------


def _main_school_name() -> Subquery:
    main = TeachingAssignment.objects.filter(teacher=OuterRef("case__teacher"), is_main=True)
    return Subquery(main.values("school__name")[:1])


def _results_of(user: User) -> QuerySet[Result]:
    return (
        Result.objects.filter(current=True, case__in=_cases_of(user).values("pk"))
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
    admin = _rayon_admin(user)
    cases = _cases_of(admin).select_related("teacher", "teacher__subject", "programme_year")
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
    admin = _rayon_admin(user)
    rows = Result.objects.filter(
        current=True,
        published_at__isnull=True,
        case__state=Case.State.DECIDED,
        case__in=_cases_of(admin).values("pk"),
    ).order_by("pk")
    if pks is not None:
        rows = rows.filter(pk__in=pks)
    return list(rows)


def plpg_rows(*, user: User | AnonymousUser) -> QuerySet[Result]:
    """The rayon's PLPG list: the published MPLPG results (one query)."""
    admin = _rayon_admin(user)
    return _results_of(admin).filter(published_at__isnull=False, code="MPLPG")


def district_results(*, user: User | AnonymousUser, code: str = "") -> QuerySet[Result]:
    """The published results of the district's teachers (one query)."""
    committee = _district_committee(user)
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


# -- the result as the teacher reads it ----------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """A named number of the result (a component or a group)."""

    name: str
    points: Any


@dataclass(frozen=True)
class ResultView:
    """A published result for the teacher and staff: code and name, total, components,
    groups, every reason, what to do next and by when. No assessor, no single sheet."""

    result: Result
    name: str
    total: Any
    reasons: list[str]
    components: list[Line]
    groups: list[Line]
    group_c_counted: Any
    respond_until: dt.datetime | None
    appeal_until: dt.datetime | None


def result_view(case: Case, result: Result) -> ResultView:
    """Arrange a published result (one query: the envelope, for component 5's presence)."""
    lang = rules_lang()
    envelope = EnvelopeInstrument.objects.filter(case=case).first()
    facts = Facts(
        special_area=case.teacher.special_area,
        superior_present=envelope is not None and envelope.filled,
    )
    scored = outcome(
        parts_from_json(result.parts),
        facts,
        review_from_json(result.review),
        rules_year(case),
    )
    return ResultView(
        result=result,
        name=DECISIONS.get(result.code, {}).get("id", result.code),
        total=points_from(result.total),
        reasons=[str(r) for r in result.reasons.get(lang, [])],
        components=[
            Line(name=COMPONENTS[key][lang], points=scored.components[key])
            for key in COMPONENT_KEYS
        ],
        groups=[
            Line(name=GROUPS["A"][lang], points=scored.group_a),
            Line(name=GROUPS["B"][lang], points=scored.group_b),
            Line(name=GROUPS["C"][lang], points=scored.group_c),
        ],
        group_c_counted=scored.group_c_counted,
        respond_until=result.respond_until,
        appeal_until=result.appeal_until,
    )
