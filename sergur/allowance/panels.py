"""Panels on the teacher's "My allowance" from the apps that follow the eligibility (the
SKTP and the payments, above this app in the layers): each registers a function in its
AppConfig.ready() that returns a panel for the teacher and the semester shown (the computed
row, or None when nothing is computed yet), or None. The page knows none of them; the panel
is the case page's (`sergur/cases/panels.py`), rendered by the same tag.

A panel function must answer in a fixed number of queries (the page stays bounded)."""

from __future__ import annotations

from collections.abc import Callable

from sergur.allowance.models import SemesterEligibility
from sergur.cases.panels import Panel
from sergur.registry.models import Teacher

AllowancePanelSource = Callable[[Teacher, SemesterEligibility | None], Panel | None]

_SOURCES: list[AllowancePanelSource] = []


def allowance_panel_register(source: AllowancePanelSource) -> AllowancePanelSource:
    """Add a panel source (once; registering the same function again changes nothing)."""
    if source not in _SOURCES:
        _SOURCES.append(source)
    return source


def allowance_panels(*, teacher: Teacher, row: SemesterEligibility | None) -> list[Panel]:
    """The panels of the teacher's page for the semester of `row`, in their order."""
    panels = [panel for source in _SOURCES if (panel := source(teacher, row)) is not None]
    return sorted(panels, key=lambda panel: panel.order)
