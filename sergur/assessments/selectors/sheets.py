"""Reads of the assessor's worklist and scoring sheet: who may open which sheet
(`allocation_get_for_user`), the allocated portfolios of an assessor, and a sheet as its page
shows it (the rules core's lines joined with the portfolio's rows, evidence codes and files).

Assessors are blind to each other (docs/sources/domain.md §2): nothing here reveals the other
assessor's sheet before both blind sheets of the round are submitted, and no read ever gives a
teacher a sheet.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from sergur.accounts.models import User
from sergur.assessments.models import Allocation, Sheet
from sergur.assessments.selectors import (
    both_submitted,
    parts_from_json,
    plan_rows,
    round_sheets,
    sheet_outcome,
    sheet_overrides,
    sheet_score,
)
from sergur.assessments.selectors.practice import PracticeView, practice_view
from sergur.cases.models import Case
from sergur.cases.selectors import case_scope
from sergur.common.i18n import rules_lang
from sergur.common.worklists import Choice, Sort, Worklist
from sergur.portfolios.models import Evidence
from sergur.portfolios.selectors import Portfolio, Row
from sergur.rules import ScoreResult
from sergur.rules.assessment import Outcome, SheetError, sheet_lines, with_uploaded_plans
from sergur.rules.assessment.sheet import PARTS, Points, SheetLine
from sergur.rules.instruments import sheet_practice
from sergur.rules.messages import component_names

WORKLIST_PER_PAGE = 25

SECTIONS_WITHOUT_ENTRIES = frozenset({"teaching_period", "lesson_plan", "counselor_practice"})
"""Tables whose rows are not entries of the scored file (periods sum to years; lesson plans
are scored on the RPP form; a counsellor's practice records on the 4b form)."""


class SheetStatus:
    """Where an assessor's sheet stands, as the worklist says it."""

    NOT_STARTED = "not_started"
    DRAFT = "draft"
    SUBMITTED = "submitted"


# -- access --------------------------------------------------------------------------------------


def _allocations() -> QuerySet[Allocation]:
    return Allocation.objects.select_related(
        "case",
        "case__teacher",
        "case__teacher__subject",
        "case__teacher__user",
        "case__programme_year",
        "assessor",
        "assessor__user",
        "sheet",
    )


def allocation_get_for_user(*, user: User, pk: int) -> Allocation:
    """The allocation whose sheet `user` may open: an assessor only their own active
    allocation; a rayon admin (read-only) any allocation of an assessor of their rayon on a
    case they can see; the operator any. 404 for everyone and everything else, so a sheet's
    existence is never revealed (one query)."""
    if not user.is_authenticated or not user.is_active:
        raise Http404
    rows = _allocations().filter(pk=pk)
    if user.is_superuser:
        pass
    elif user.role == User.Role.ASSESSOR:
        rows = rows.filter(assessor__user=user, active=True)
    elif user.role == User.Role.RAYON_ADMIN and user.rayon_id is not None:
        scope = case_scope(user)
        if scope is None:
            raise Http404
        rows = rows.filter(
            assessor__rayon_id=user.rayon_id, case__in=Case.objects.filter(scope).values("pk")
        )
    else:
        raise Http404
    allocation = rows.first()
    if allocation is None:
        raise Http404
    return allocation


def sheet_editable_by(allocation: Allocation, user: User) -> bool:
    """Whether `user` writes this sheet: only its own assessor, while the allocation is
    active (the services still refuse a submitted sheet or a case not in assessment)."""
    return allocation.active and allocation.assessor.user_id == user.pk


def sheet_of(allocation: Allocation) -> Sheet:
    """The allocation's sheet, or an empty unsaved one when nothing was saved yet (the first
    save creates it)."""
    try:
        return allocation.sheet
    except Sheet.DoesNotExist:
        return Sheet(allocation=allocation)


# -- the worklist --------------------------------------------------------------------------------


def sheet_status(sheet: Sheet | None) -> str:
    """Not started (nothing saved), draft, or submitted."""
    if sheet is None or sheet.pk is None:
        return SheetStatus.NOT_STARTED
    if sheet.submitted:
        return SheetStatus.SUBMITTED
    started = (
        any(item is not None for row in (sheet.plan_items or []) for item in (row or []))
        or any(item is not None for item in (sheet.practice_items or []))
        or sheet.overrides
        or sheet.administrative_defects
        or sheet.doubtful_evidence
        or sheet.fraud_found
        or sheet.notes
    )
    return SheetStatus.DRAFT if started else SheetStatus.NOT_STARTED


def worklist_rows(*, user: User) -> QuerySet[Allocation]:
    """The assessor's active allocations with case, subject, year and their own sheet, in one
    query however many rows; nothing of any other allocation of the case is read."""
    if user.role != User.Role.ASSESSOR:
        return Allocation.objects.none()
    return (
        Allocation.objects.filter(assessor__user=user, active=True)
        .select_related("case", "case__teacher__subject", "case__programme_year", "sheet")
        .order_by("-case__programme_year__year", "round", "case__participant_number", "pk")
    )


ASSESSOR_WORKLIST = Worklist(
    key="assessor",
    url_name="assessments:worklist",
    number="case__participant_number",
    state="case__state",
    states=[
        (state.value, state.label)
        for state in (Case.State.IN_ASSESSMENT, Case.State.RECONCILIATION, Case.State.DECIDED)
    ],
    state_label=_("Case state"),
    sorts={
        "year": Sort(
            _("Programme year, latest first"),
            ("-case__programme_year__year", "round", "case__participant_number", "pk"),
        ),
        "number": Sort(_("Participant number"), ("case__participant_number", "pk")),
        "allocated": Sort(_("Allocated, oldest first"), ("pk",)),
    },
    extra=(
        Choice(
            "sheet",
            _("Your sheet"),
            "sheet__submitted_at__isnull",
            [("open", _("Not submitted")), ("submitted", _("Submitted"))],
            coerce=lambda value: value == "open",
        ),
    ),
)
"""The assessor's worklist: by participant number only, never by name (blind: docs/assessment.md
"What an assessor sees of the teacher"), the case's state, the sheet submitted or not, and no
deadline (the year data set none for a sheet)."""


def worklist_sheet(allocation: Allocation) -> Sheet | None:
    """The allocation's own sheet from a worklist row (already joined)."""
    try:
        return allocation.sheet
    except Sheet.DoesNotExist:
        return None


# -- the sheet page ------------------------------------------------------------------------------


@dataclass
class LineView:
    """One suggested line: the row it comes from (label, evidence code, files), the rule in
    the reader's language, the suggestion and the assessor's override, if any."""

    index: int
    key: str
    part: str
    suggested: Points
    rule: str
    overridable: bool
    codes: list[str] = field(default_factory=list)
    files: list[Evidence] = field(default_factory=list)
    points: Points | None = None
    reason: str = ""

    @property
    def changed(self) -> bool:
        """Whether the assessor gave other points than the suggestion."""
        return self.points is not None and self.points != self.suggested


@dataclass
class PartView:
    """A part of the sheet (a component, or 4a/4b) and its lines."""

    key: str
    name: str
    lines: list[LineView]
    points: Points | None = None


@dataclass
class PlanView:
    """One lesson plan (guidance programme) on the RPP form: its item scores and the row of
    the portfolio it is (code and files), when the teacher uploaded it."""

    number: int
    items: list[int | None]
    code: str = ""
    files: list[Evidence] = field(default_factory=list)


@dataclass
class OtherSheet:
    """The other blind assessor's submitted outcome, named by slot only."""

    slot: int
    parts: dict[str, Points]
    total: Points | None
    code: str


@dataclass
class SheetPage:
    """Everything the sheet page shows, read in a fixed number of queries."""

    allocation: Allocation
    sheet: Sheet
    portfolio: Portfolio
    parts: list[PartView]
    lines: list[SheetLine]
    plans: list[PlanView]
    codes: list[str]
    outcome: Outcome | None
    outcome_error: str
    others: list[OtherSheet]
    counsellor: bool
    practice: PracticeView | None = None


def _entry_rows(portfolio: Portfolio) -> dict[str, list[Row]]:
    """The rows behind each path of the scored file (`qualifications[0]`...), built in the
    order `portfolio_document` writes them."""
    by_path: dict[str, list[Row]] = {}
    counters: dict[str, int] = {}
    for section in portfolio.sections:
        rows = [row for row in portfolio.section_rows(section.key) if row.typed is not None]
        if section.key == "teaching_period":
            by_path["teaching_experience"] = rows
            continue
        if section.key == "lesson_plan":
            for index, row in enumerate(rows):
                by_path[f"lesson_plans[{index}]"] = [row]
            continue
        for row in rows:
            assert row.typed is not None  # nosec B101 # typed rows only here, for mypy
            target, _values = section.to_schema(row.typed)
            index = counters.get(target, 0)
            counters[target] = index + 1
            by_path[f"{target}[{index}]"] = [row]
    return by_path


def line_codes(portfolio: Portfolio, lines: Iterable[SheetLine]) -> dict[str, str]:
    """How a message names each line: its evidence code(s), or the name of its part when it
    has no row (the envelope, a missing plan). Never the internal path (`trainings[0]`)."""
    rows_at = _entry_rows(portfolio)
    names = component_names(portfolio.role)
    lang = rules_lang()
    out: dict[str, str] = {}
    for line in lines:
        rows = rows_at.get(line.key.split("#", 1)[0], [])
        out[line.key] = ", ".join(row.code for row in rows) if rows else names[line.part][lang]
    return out


def line_names(portfolio: Portfolio, lines: Iterable[SheetLine]) -> dict[str, str]:
    """How a page names each line for an officer to pick or read: its evidence code(s) with
    the instrument table's title ("2.a · Training"), or the part's name when it has no row."""
    rows_at = _entry_rows(portfolio)
    names = component_names(portfolio.role)
    lang = rules_lang()
    out: dict[str, str] = {}
    for line in lines:
        rows = rows_at.get(line.key.split("#", 1)[0], [])
        part = names[line.part][lang]
        if not rows:
            out[line.key] = part
            continue
        codes = ", ".join(row.code for row in rows)
        out[line.key] = f"{codes} · {rows[0].section.for_role(portfolio.role).title}"
    return out


def portfolio_codes(portfolio: Portfolio) -> list[str]:
    """Every evidence code of the portfolio, in the instrument's order."""
    return [
        row.code for section in portfolio.sections for row in portfolio.section_rows(section.key)
    ]


def _other_sheets(allocation: Allocation) -> list[OtherSheet]:
    """The other blind sheet of the round, once both are submitted (never before; never to a
    third assessor)."""
    if allocation.slot == Allocation.Slot.THIRD:
        return []
    if not both_submitted(allocation.case, allocation.round):
        return []
    return [
        OtherSheet(
            slot=other.allocation.slot,
            parts=parts_from_json(other.parts),
            total=other.total,
            code=other.code,
        )
        for other in round_sheets(allocation.case, allocation.round)
        if other.allocation_id != allocation.pk
        and other.allocation.slot in (Allocation.Slot.FIRST, Allocation.Slot.SECOND)
        and other.submitted
    ]


def sheet_page(*, allocation: Allocation, sheet: Sheet, portfolio: Portfolio) -> SheetPage:
    """The sheet as its page shows it: per part the suggested lines with their rows and the
    assessor's overrides, the RPP form, the evidence codes to doubt, the outcome (or why it
    cannot be computed) and, after both blind sheets are in, the other one."""
    lang = rules_lang()
    result, outcome_or_error = _outcome(portfolio, sheet)
    plan_entries = [row for row in portfolio.section_rows("lesson_plan") if row.typed is not None]
    lines = list(with_uploaded_plans(sheet_lines(result), len(plan_entries)))
    overrides = sheet_overrides(sheet)
    rows_at = _entry_rows(portfolio)
    by_part: dict[str, list[LineView]] = {part: [] for part in PARTS}
    for index, line in enumerate(lines):
        base = line.key.split("#", 1)[0]
        rows = rows_at.get(base, [])
        override = overrides.get(line.key)
        by_part[line.part].append(
            LineView(
                index=index,
                key=line.key,
                part=line.part,
                suggested=line.suggested,
                rule=line.rule.text(lang),
                overridable=line.overridable,
                codes=[row.code for row in rows],
                files=[file for row in rows for file in row.evidence],
                points=override.points if override else None,
                reason=override.reason if override else "",
            )
        )
    outcome = outcome_or_error if isinstance(outcome_or_error, Outcome) else None
    parts = [
        PartView(
            key=part,
            name=component_names(portfolio.role)[part][lang],
            lines=by_part[part],
            points=outcome.parts[part] if outcome else None,
        )
        for part in PARTS
    ]
    plans = []
    for number, items in enumerate(plan_rows(sheet, portfolio.role), start=1):
        row = plan_entries[number - 1] if number <= len(plan_entries) else None
        plans.append(
            PlanView(
                number=number,
                items=items,
                code=row.code if row else "",
                files=list(row.evidence) if row else [],
            )
        )
    form = sheet_practice(portfolio.role)
    return SheetPage(
        allocation=allocation,
        sheet=sheet,
        portfolio=portfolio,
        parts=parts,
        lines=lines,
        plans=plans,
        codes=portfolio_codes(portfolio),
        outcome=outcome,
        outcome_error="" if outcome else str(outcome_or_error),
        others=_other_sheets(allocation) if sheet.submitted else [],
        counsellor=portfolio.role == "counselor",
        practice=None if form is None else practice_view(form, sheet, portfolio),
    )


def _outcome(portfolio: Portfolio, sheet: Sheet) -> tuple[ScoreResult, Outcome | str]:
    try:
        result, outcome = sheet_outcome(portfolio, sheet)
    except SheetError as error:
        return sheet_score(portfolio, sheet), error.message.text(rules_lang())
    return result, outcome
