"""Panels on the case page from the apps that follow the portfolio (verification,
assessment, appeals...). The case page knows none of them: each app registers a function in
its AppConfig.ready() that returns a panel for a user and a case, or None.

A panel function must answer in a fixed number of queries (the case page stays bounded).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sergur.accounts.models import User
from sergur.cases.models import Case


@dataclass(frozen=True)
class Panel:
    """One section of the case page: its template, its context and its place (low first)."""

    template: str
    context: dict[str, Any] = field(default_factory=dict)
    order: int = 50


PanelSource = Callable[[User, Case], Panel | None]

_SOURCES: list[PanelSource] = []


def panel_register(source: PanelSource) -> PanelSource:
    """Add a panel source (once; registering the same function again changes nothing)."""
    if source not in _SOURCES:
        _SOURCES.append(source)
    return source


def case_panels(*, user: User, case: Case) -> list[Panel]:
    """The panels `user` sees on `case`, in their order."""
    panels = [panel for source in _SOURCES if (panel := source(user, case)) is not None]
    return sorted(panels, key=lambda panel: panel.order)
