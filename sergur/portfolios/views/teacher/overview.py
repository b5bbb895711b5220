"""The case page's parts, arranged from what the selectors and the rules core return: the ten
components with their tables, the checklist, the closed envelope as the reader may see it, the
estimate and the log. No queries, no rules."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sergur.accounts.models import User
from sergur.cases.models import SEALED_KINDS, Case, CaseEvent
from sergur.cases.selectors import CaseRights
from sergur.common.i18n import rules_lang
from sergur.portfolios.models import EnvelopeInstrument
from sergur.portfolios.sections import Section
from sergur.portfolios.selectors import Portfolio
from sergur.portfolios.views.teacher.rows import TableSummary, table_summary
from sergur.rules import COMPONENT_KEYS, Message, ScoreResult
from sergur.rules.completeness import Gap
from sergur.rules.estimate import ASSESSED_MAXIMA, Estimate
from sergur.rules.messages import GROUPS, component_names

# Components 4 and 5 are scored from what the teacher does not declare: the plans by the
# assessors, the practice and the superior assessment from the closed envelope.
ASSESSED_COMPONENTS = {4: "A", 5: "B"}


@dataclass(frozen=True)
class ComponentView:
    """One of the ten components with its tables and their counts."""

    number: int
    name: str
    tables: list[tuple[Section, TableSummary]]
    assessed: bool

    @property
    def rows(self) -> int:
        """Rows over all the component's tables."""
        return sum(summary.rows for _section, summary in self.tables)

    @property
    def files(self) -> int:
        """Files over all the component's tables."""
        return sum(summary.files for _section, summary in self.tables)


def components(portfolio: Portfolio) -> list[ComponentView]:
    """The ten components in the instrument's order, with the tables this teacher fills."""
    lang = rules_lang()
    names = component_names(portfolio.role)
    out = []
    for number, key in enumerate(COMPONENT_KEYS, start=1):
        tables = [
            (section, table_summary(portfolio, section))
            for section in portfolio.sections
            if section.component == number
        ]
        out.append(
            ComponentView(
                number=number,
                name=names[key][lang],
                tables=tables,
                assessed=number in ASSESSED_COMPONENTS,
            )
        )
    return out


@dataclass(frozen=True)
class GapView:
    """One line of the checklist, with the table that closes it (when there is one)."""

    text: str
    blocking: bool
    component: int
    section: Section | None


def checklist(portfolio: Portfolio, found: list[Gap]) -> list[GapView]:
    """The gaps as a checklist: the blocking ones first, each in component order."""
    lang = rules_lang()
    by_key = {section.key: section for section in portfolio.sections}
    out = []
    for gap in sorted(found, key=lambda g: (not g.blocking, g.component)):
        out.append(
            GapView(
                text=gap.message.text(lang),
                blocking=gap.blocking,
                component=gap.component,
                section=_gap_section(gap, portfolio, by_key),
            )
        )
    return out


def _gap_section(gap: Gap, portfolio: Portfolio, by_key: dict[str, Section]) -> Section | None:
    # A gap about a table's evidence names the table; any other points at the component.
    for name, value in gap.message.params:
        if name == "section" and isinstance(value, Message):
            key = value.code.split(".", 1)[-1]  # section.x or counselor_section.x
            if key in by_key:
                return by_key[key]
    if gap.message.code in ("gap.observation", "gap.superior"):
        return None  # the closed envelope: the principal and the supervisor act
    if gap.message.code == "gap.counselor_practice":
        return by_key.get("counselor_practice")
    return next((s for s in portfolio.sections if s.component == gap.component), None)


@dataclass(frozen=True)
class EnvelopeStatus:
    """The closed envelope as the teacher may see it: who has confirmed, never the scores."""

    principal_done: bool
    supervisor_done: bool
    complete: bool
    deadline: dt.datetime
    passed: bool
    scored: int | None
    size: int | None


def envelope_status(
    envelope: EnvelopeInstrument | None, case: Case, rights: CaseRights, now: dt.datetime
) -> EnvelopeStatus:
    """Done or not done per author; item counts only for those who may see the items."""
    deadline = case.programme_year.envelope_deadline
    scored = size = None
    if rights.see_envelope_items and envelope is not None:
        items = [*envelope.observation_items, *envelope.superior_items]
        scored = sum(1 for item in items if isinstance(item, int))
        size = len(items)
    return EnvelopeStatus(
        principal_done=envelope is not None and envelope.principal_confirmed_at is not None,
        supervisor_done=envelope is not None and envelope.supervisor_confirmed_at is not None,
        complete=envelope is not None and envelope.complete,
        deadline=deadline,
        passed=now > deadline,
        scored=scored,
        size=size,
    )


@dataclass(frozen=True)
class GroupLine:
    """One group of the estimate."""

    group: str
    name: str
    declared: Decimal | int
    minimum: Decimal | int
    gap: Decimal | int
    still_possible: int
    reachable: bool
    empty: bool
    counted: Decimal | int


@dataclass(frozen=True)
class ComponentLine:
    """One component of the estimate: declared points, or what the assessment may add."""

    number: int
    name: str
    points: Decimal | int
    assessed_max: int | None


@dataclass(frozen=True)
class EstimateView:
    """The estimate as the case page lays it out."""

    result: ScoreResult
    estimate: Estimate
    components: list[ComponentLine]
    groups: list[GroupLine]
    group_c_cap: Decimal | int


def estimate_view(result: ScoreResult, estimate: Estimate, *, role: str) -> EstimateView:
    """Arrange the rules core's estimate: components, groups, pass mark, in the words of the
    teacher's kind (`role`)."""
    lang = rules_lang()
    names = component_names(role)
    lines = []
    for number, key in enumerate(COMPONENT_KEYS, start=1):
        group = ASSESSED_COMPONENTS.get(number)
        lines.append(
            ComponentLine(
                number=number,
                name=names[key][lang],
                points=result.components[key],
                assessed_max=ASSESSED_MAXIMA[group] if group else None,
            )
        )
    counted = {"A": result.group_a, "B": result.group_b, "C": result.group_c_counted}
    groups = [
        GroupLine(
            group=g.group,
            name=GROUPS[g.group][lang],
            declared=g.declared,
            minimum=g.minimum,
            gap=g.gap,
            still_possible=g.still_possible,
            reachable=g.reachable,
            empty=g.empty,
            counted=counted[g.group],
        )
        for g in estimate.groups
    ]
    return EstimateView(
        result=result,
        estimate=estimate,
        components=lines,
        groups=groups,
        group_c_cap=result.year.portfolio.group_c_cap,
    )


# -- the case's log ---------------------------------------------------------------------------
@dataclass(frozen=True)
class EventLine:
    """One event of the log as the teacher reads it: who, when, what, why."""

    at: dt.datetime
    who: str
    what: str
    why: str
    details: list[str]


def actor_visible(actor: User, viewer: User | None) -> bool:
    """Whether `viewer` may read the name of `actor` in a case's log: an assessor's name is
    shown only to staff and to the assessor themself."""
    if actor.role != User.Role.ASSESSOR:
        return True
    if viewer is None:
        return False
    return viewer.pk == actor.pk or viewer.is_case_staff_or_operator


# SEALED_KINDS (sergur/cases/models.py): the rayon's own steps towards a decision; the
# teacher reads the published decision in the result panel, and a third assessor scores
# without knowing what the first two decided. The teacher's own copy seals them alike.


def sealed_for(viewer: User | None) -> bool:
    """Whether the codes and reasons of the sealed steps are hidden from `viewer`."""
    if viewer is None:
        return True
    return not (viewer.is_superuser or viewer.role == User.Role.RAYON_ADMIN)


def event_lines(
    events: list[CaseEvent],
    *,
    system: str,
    by_names: dict[str, str],
    viewer: User | None = None,
    assessor_label: str = "",
) -> list[EventLine]:
    """The log in words; the item scores of the envelope never reach it, and an assessor's
    name reaches only the rayon's and the district's staff and the assessor themself (the
    teacher never learns who assessed them; assessors stay blind to each other)."""
    states = dict(Case.State.choices)
    # get_kind_display() hashes every choice for each event: look the words up once.
    kinds = dict(CaseEvent.Kind.choices)
    sealed = sealed_for(viewer)
    out = []
    for event in events:
        if (
            viewer is not None
            and viewer.role == User.Role.ASSESSOR
            and event.kind == CaseEvent.Kind.SHEET_SUBMITTED
            and event.actor_id != viewer.pk
        ):
            continue  # assessors are blind to each other's progress until both submit
        actor = event.actor
        who = str(actor) if actor is not None else system
        if actor is not None and not actor_visible(actor, viewer):
            who = assessor_label
        details: list[str] = []
        if event.from_state or event.to_state:
            before = str(states.get(event.from_state, event.from_state or "—"))
            after = str(states.get(event.to_state, event.to_state))
            details.append(f"{before} → {after}")
        data = event.data if isinstance(event.data, dict) else {}
        why = event.reason
        if sealed and event.kind in SEALED_KINDS:
            data, why = {}, ""
        if data.get("code"):
            details.append(str(data["code"]))
        if data.get("by"):
            details.append(by_names.get(str(data["by"]), str(data["by"])))
        if data.get("files"):
            details.append(f"× {data['files']}")
        if data.get("sha256"):
            details.append(f"SHA-256 {str(data['sha256'])[:16]}…")
        out.append(
            EventLine(
                at=event.at,
                who=who,
                what=str(kinds.get(event.kind, event.kind)),
                why=why,
                details=details,
            )
        )
    return out
