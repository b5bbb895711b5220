"""The proposal of PLPG classes: participants grouped by subject, a small group merged into a
related subject by the rayon's mapping, each group split into classes of at most the year's
size, as evenly as possible (docs/sources/domain.md §3.1: at most 10 participants per group and
instructor; §3.2, retakes 2012: small subject groups may be merged with related subjects)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ProposedClass:
    """One class: its subject group, its place among the group's classes, its participants."""

    subject: str
    number: int
    participants: tuple[int, ...]


def subject_group(subject: str, merges: Mapping[str, str]) -> str:
    """The subject a participant is taught in: the mapping's target (followed to its end, a
    cycle stops where it would repeat), or the participant's own subject."""
    seen = {subject}
    while subject in merges and merges[subject] not in seen:
        subject = merges[subject]
        seen.add(subject)
    return subject


def split(items: tuple[int, ...], size: int) -> list[tuple[int, ...]]:
    """`items` in the fewest classes of at most `size`, their sizes differing by at most 1."""
    count = -(-len(items) // size)
    base, extra = divmod(len(items), count)
    out, start = [], 0
    for index in range(count):
        end = start + base + (1 if index < extra else 0)
        out.append(items[start:end])
        start = end
    return out


def propose_classes(
    participants: Iterable[tuple[int, str]], merges: Mapping[str, str], size: int
) -> list[ProposedClass]:
    """Classes for (participant id, subject code) pairs, by subject group in code order."""
    if size < 1:
        raise ValueError("a class holds at least 1 participant")
    groups: dict[str, list[int]] = {}
    for ident, subject in participants:
        groups.setdefault(subject_group(subject, merges), []).append(ident)
    return [
        ProposedClass(subject, number, members)
        for subject in sorted(groups)
        for number, members in enumerate(split(tuple(sorted(groups[subject])), size), start=1)
    ]
