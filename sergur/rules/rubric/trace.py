"""The trace of a score: one line per scored entry, saying which table row gave the points."""

from __future__ import annotations

from decimal import Decimal

from msgspec import Struct

from sergur.rules.messages import Message


class TraceLine(Struct, frozen=True, gc=False):
    """One scored entry: the component, the entry's place in the file, its points, the rule."""

    component: str
    path: str
    entry: int | None
    points: Decimal | int
    rule: Message
    interpretations: tuple[str, ...] = ()


Trace = list[TraceLine] | None
