"""What waits on the signed-in person, counted for the home page: each app registers its counts
in its AppConfig.ready() (envelopes to fill, portfolios to verify, sheets to score, appeals
...), with who sees them and the worklist each opens, already filtered (sergur/common/
worklists.py). A count costs one query; a person sees only the counts of their role.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.urls import reverse

from sergur.common.menu import User


@dataclass(frozen=True)
class Waiting:
    """One count of the home page: its words for a number (through ngettext), who sees it
    (from the user row alone), how to count (one query), and the worklist it opens with the
    filters that show exactly what was counted."""

    key: str
    words: Callable[[int], str]
    visible: Callable[[User | None], bool]
    count: Callable[[Any], int]
    worklist: str = ""  # the worklist's key, when the list is filtered (common:worklist_filter)
    filters: Mapping[str, str] = field(default_factory=dict)
    url_name: str = ""  # a page without filters
    order: int = 100


_WAITING: dict[str, Waiting] = {}


def waiting_register(*entries: Waiting) -> None:
    """Add counts to the home page (registering a key again replaces it)."""
    for entry in entries:
        _WAITING[entry.key] = entry


def waiting_for(user: Any) -> list[dict[str, Any]]:
    """The counts this person sees that are not zero, in order, each with its words, the
    worklist and filters to post (or the address to open)."""
    if user is None or not user.is_authenticated:
        return []
    shown = sorted(
        (entry for entry in _WAITING.values() if entry.visible(user)),
        key=lambda entry: (entry.order, entry.key),
    )
    out = []
    for entry in shown:
        number = entry.count(user)
        if not number:
            continue
        out.append(
            {
                "key": entry.key,
                "count": number,
                "words": entry.words(number),
                "worklist": entry.worklist,
                "filters": dict(entry.filters),
                "url": reverse(entry.url_name) if entry.url_name else "",
            }
        )
    return out
