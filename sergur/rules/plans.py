"""The variety the instrument asks of the lesson plans (component 4a): a warning, never a
refusal. Seed 003, Buku II: "Tuliskan lima jenis RPP/RP/SP/RPI terbaik yang pernah Bapak/Ibu
buat dari semester dan materi yang berbeda"; for counsellors, "empat jenis PPBK ... dari
semester dan bidang pelayanan yang berbeda" (the PPBK's topic names its service area).
"""

from __future__ import annotations

from collections.abc import Sequence

from msgspec import UnsetType

from sergur.rules.messages import Message, msg
from sergur.rules.model import LessonPlan


def plan_variety_warnings(plans: Sequence[LessonPlan], role: str) -> tuple[Message, ...]:
    """`variety_warnings` of a portfolio file's lesson plans."""
    return variety_warnings(
        [
            (
                None if isinstance(p.topic, UnsetType) else p.topic,
                None if isinstance(p.semester, UnsetType) else p.semester,
            )
            for p in plans
        ],
        role,
    )


def variety_warnings(
    plans: Sequence[tuple[str | None, int | None]], role: str
) -> tuple[Message, ...]:
    """What the assessor and the teacher should look at, from each plan's (topic, semester):
    a topic (materi, or a counsellor's service area) given twice, and plans that all name one
    semester. A plan without the field is not compared on it."""
    warnings: list[Message] = []
    shown: dict[str, str] = {}  # a topic compared case- and space-blind, shown as first written
    counts: dict[str, int] = {}
    for topic, _semester in plans:
        if topic is not None and topic.strip():
            key = topic.strip().casefold()
            shown.setdefault(key, topic.strip())
            counts[key] = counts.get(key, 0) + 1
    code = "warning.plans_same_area" if role == "counselor" else "warning.plans_same_topic"
    warnings.extend(msg(code, topic=shown[key]) for key in sorted(counts) if counts[key] > 1)
    semesters = [semester for _topic, semester in plans if semester is not None]
    if len(semesters) > 1 and len(set(semesters)) == 1:
        warnings.append(msg("warning.plans_one_semester", semester=semesters[0]))
    return tuple(warnings)
