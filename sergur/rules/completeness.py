"""What a portfolio still lacks before it can be submitted, component by component.

The vital components (qualification, teaching experience, the required plans) block
submission; the others are advice. Rayon 20's list of reasons for returning a portfolio
(docs/sources/domain.md §1.2) and Buku II's "every entry needs its evidence" are the source.
"""

from __future__ import annotations

from collections.abc import Mapping

from msgspec import Struct

from sergur.rules.messages import Message, msg, section_msg
from sergur.rules.rubric import REQUIRED_PLANS


class Holdings(Struct, frozen=True, gc=False):
    """What a portfolio holds: entries per section and how many of them lack evidence."""

    role: str
    entries: Mapping[str, int]
    without_evidence: Mapping[str, int]
    observation_done: bool
    """Whether the envelope's 4b is done (subject teachers; a counsellor's 4b is the
    assessor's, from the `counselor_practice` records)."""
    superior_done: bool


class Gap(Struct, frozen=True, gc=False):
    """One missing thing: the component, whether it blocks submission, and what to do."""

    component: int
    blocking: bool
    message: Message


GROUP_C_SECTIONS = (
    "forum",
    "organization",
    "additional_duty",
    "award",
    "special_area_service",
)


def gaps(h: Holdings) -> list[Gap]:
    """Every gap of the portfolio, in component order."""
    out: list[Gap] = []
    n = h.entries.get
    if not n("qualification", 0):
        out.append(Gap(1, True, msg("gap.qualification")))
    if not n("training", 0):
        out.append(Gap(2, False, msg("gap.training")))
    if not n("teaching_period", 0):
        out.append(Gap(3, True, msg("gap.teaching_period")))
    required = REQUIRED_PLANS[h.role]
    plans = n("lesson_plan", 0)
    if plans < required:
        key = "gap.programmes" if h.role == "counselor" else "gap.plans"
        out.append(Gap(4, True, msg(key, have=plans, required=required)))
    if h.role == "counselor":
        # A counsellor's 4b is scored by the assessor from the service records the teacher
        # uploads (seed 003, Buku II pp. 33–35), not by the principal and supervisor.
        if not n("counselor_practice", 0):
            out.append(Gap(4, False, msg("gap.counselor_practice")))
    elif not h.observation_done:
        out.append(Gap(4, False, msg("gap.observation")))
    if not h.superior_done:
        out.append(Gap(5, False, msg("gap.superior")))
    if not any(n(section, 0) for section in GROUP_C_SECTIONS):
        out.append(Gap(8, False, msg("gap.group_c")))
    for section, count in sorted(h.without_evidence.items(), key=lambda kv: _order(kv[0])):
        if count:
            out.append(
                Gap(
                    _COMPONENT.get(section, 0),
                    section in _VITAL,
                    msg("gap.evidence", count=count, section=section_msg(section, h.role)),
                )
            )
    return sorted(out, key=lambda g: g.component)


_COMPONENT = {
    "qualification": 1,
    "training": 2,
    "teaching_period": 3,
    "lesson_plan": 4,
    "counselor_practice": 4,
    "competition": 6,
    "peer_coaching": 6,
    "student_coaching_won": 6,
    "student_coaching": 6,
    "written_work": 7,
    "research": 7,
    "review": 7,
    "learning_media": 7,
    "artwork": 7,
    "forum": 8,
    "organization": 9,
    "additional_duty": 9,
    "award": 10,
    "special_area_service": 10,
}
_VITAL = frozenset({"qualification", "teaching_period", "lesson_plan"})
SECTIONS = tuple(_COMPONENT)
"""Every section of the instrument that holds entries, in the instrument's order."""


def component_of(section: str) -> int:
    """The component a section belongs to."""
    return _COMPONENT[section]


def _order(section: str) -> int:
    return SECTIONS.index(section)
