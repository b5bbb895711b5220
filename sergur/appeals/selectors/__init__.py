"""Reads of appeals: who may see which appeal (the one place roles are checked), who may review
one, an appeal's page, the case-page panel and the statistics per rayon."""

from __future__ import annotations

from sergur.appeals.selectors.access import (
    APPEAL_RELATED,
    APPEAL_WORKLIST,
    AppealRights,
    appeal_get_for_user,
    appeal_list_for_user,
    appeal_rights,
    appeal_scope,
)
from sergur.appeals.selectors.reads import (
    CaseAppeals,
    SheetParts,
    appeal_of,
    case_appeals,
    case_sheets,
    published_result,
)
from sergur.appeals.selectors.reviewers import (
    CASE_ASSESSOR,
    NOT_ASSESSOR,
    OTHER_RAYON,
    Candidate,
    assessor_slot,
    case_assessor_ids,
    case_rayon,
    portfolio_slot,
    rayon_assessors,
    reviewer_candidates,
    reviewer_obstacles,
)
from sergur.appeals.selectors.stats import (
    SECONDS_A_DAY,
    RayonStats,
    appeal_stats,
    stats_rayons,
)

__all__ = [
    "APPEAL_RELATED",
    "APPEAL_WORKLIST",
    "AppealRights",
    "CASE_ASSESSOR",
    "Candidate",
    "CaseAppeals",
    "NOT_ASSESSOR",
    "OTHER_RAYON",
    "RayonStats",
    "SECONDS_A_DAY",
    "SheetParts",
    "appeal_get_for_user",
    "appeal_list_for_user",
    "appeal_of",
    "appeal_rights",
    "appeal_scope",
    "appeal_stats",
    "assessor_slot",
    "case_appeals",
    "case_assessor_ids",
    "case_rayon",
    "case_sheets",
    "portfolio_slot",
    "published_result",
    "rayon_assessors",
    "reviewer_candidates",
    "reviewer_obstacles",
    "stats_rayons",
]
