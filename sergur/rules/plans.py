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
    """What the assessor and the teacher should look at: a topic (materi, or a counsellor's
    service area) given twice, and plans that all name one semester. Plans without the
    field are not compared on it."""
    warnings: list[Message] = []
    shown: dict[str, str] = {}  # a topic compared case- and space-blind, shown as first written
    counts: dict[str, int] = {}
    for p in plans:
        if not isinstance(p.topic, UnsetType):
            key = p.topic.strip().casefold()
            shown.setdefault(key, p.topic.strip())
            counts[key] = counts.get(key, 0) + 1
    code = "warning.plans_same_area" if role == "counselor" else "warning.plans_same_topic"
    warnings.extend(msg(code, topic=shown[key]) for key in sorted(counts) if counts[key] > 1)
    semesters = {p.semester for p in plans if not isinstance(p.semester, UnsetType)}
    named = sum(1 for p in plans if not isinstance(p.semester, UnsetType))
    if named > 1 and len(semesters) == 1:
        warnings.append(msg("warning.plans_one_semester", semester=semesters.pop()))
    return tuple(warnings)
