"""The rayon's decisions: the joint reconciliation, publication, the PLPG list, the decision
on a clarification; the district's results; the teacher's clarification. Thin: access through
the selectors' helpers, every write through services/decisions.py."""

from __future__ import annotations

from sergur.assessments.views.decisions.clarification import (
    CLARIFICATION_DECIDED,
    SENT,
    clarification_decide,
    clarification_file,
    clarify,
)
from sergur.assessments.views.decisions.publication import (
    NOTHING_CHOSEN,
    NOTHING_TO_PUBLISH,
    PUBLISHED,
    decisions,
    publish,
)
from sergur.assessments.views.decisions.reconciliation import CORRECTED, RESOLVED, reconcile
from sergur.assessments.views.decisions.results import district_results_page, plpg

__all__ = [
    "CLARIFICATION_DECIDED",
    "CORRECTED",
    "NOTHING_CHOSEN",
    "NOTHING_TO_PUBLISH",
    "PUBLISHED",
    "RESOLVED",
    "SENT",
    "clarification_decide",
    "clarification_file",
    "clarify",
    "decisions",
    "district_results_page",
    "plpg",
    "publish",
    "reconcile",
]
