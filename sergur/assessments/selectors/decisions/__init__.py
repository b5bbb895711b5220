"""Reads of the decisions: who may reconcile, decide on a clarification and publish (the
rayon's admin, for the cases of the provinces the rayon serves), the joint review as a page
lays it out, the lists of decisions, the PLPG list, the district's results, and the result
as the teacher reads it. Never an assessor's identity outside the rayon's own pages."""

from __future__ import annotations

from sergur.assessments.selectors.decisions.access import (
    clarification_case_for_teacher,
    rayon_case_get_for_user,
    reconciliation_get_for_user,
)
from sergur.assessments.selectors.decisions.lists import (
    CODES,
    LIST_LIMIT,
    DecisionLists,
    awaiting_results,
    clarification_response_get_for_user,
    clarification_responses,
    decision_lists,
    district_results,
    plpg_rows,
)
from sergur.assessments.selectors.decisions.result import (
    Line,
    ResultView,
    result_view,
)
from sergur.assessments.selectors.decisions.review import (
    BLIND_SLOTS,
    OverrideLine,
    PartRow,
    ReconciliationPage,
    SheetSide,
    reconciliation_page,
    working_review,
)

__all__ = [
    "BLIND_SLOTS",
    "CODES",
    "DecisionLists",
    "LIST_LIMIT",
    "Line",
    "OverrideLine",
    "PartRow",
    "ReconciliationPage",
    "ResultView",
    "SheetSide",
    "awaiting_results",
    "clarification_case_for_teacher",
    "clarification_response_get_for_user",
    "clarification_responses",
    "decision_lists",
    "district_results",
    "plpg_rows",
    "rayon_case_get_for_user",
    "reconciliation_get_for_user",
    "reconciliation_page",
    "result_view",
    "working_review",
]
