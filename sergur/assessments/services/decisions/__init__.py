"""Decisions after the assessment: the joint reconciliation (corrections logged with who,
why, before and after; resolved into a result), publication of results (each code moves the
case on: L and MPLPG published, MA/MS reopened, K to clarification, D disqualified) and the
teacher's clarification of doubtful evidence."""

from __future__ import annotations

from sergur.assessments.services.decisions.clarification import (
    CLARIFICATION_OVER,
    NOT_IN_CLARIFICATION,
    NOT_OWNER,
    RESPONSE_REQUIRED,
    clarification_resolve,
    clarification_respond,
)
from sergur.assessments.services.decisions.publication import (
    ALREADY_PUBLISHED,
    DISQUALIFIED_REASON,
    NOT_CURRENT,
    NOT_DECIDED,
    PUBLISHED_STATE,
    UNKNOWN_CODE,
    result_publish,
    results_publish,
)
from sergur.assessments.services.decisions.reconciliation import (
    BAD_POINTS,
    NOT_IN_RECONCILIATION,
    NOT_JOINT,
    REASON_REQUIRED,
    RECONCILIATION_RESOLVED,
    RESOLVED_REASON,
    UNCHANGED,
    UNKNOWN_FINDING,
    UNKNOWN_PART,
    reconciliation_correct,
    reconciliation_correct_finding,
    reconciliation_resolve,
)

__all__ = [
    "ALREADY_PUBLISHED",
    "BAD_POINTS",
    "CLARIFICATION_OVER",
    "DISQUALIFIED_REASON",
    "NOT_CURRENT",
    "NOT_DECIDED",
    "NOT_IN_CLARIFICATION",
    "NOT_IN_RECONCILIATION",
    "NOT_JOINT",
    "NOT_OWNER",
    "PUBLISHED_STATE",
    "REASON_REQUIRED",
    "RECONCILIATION_RESOLVED",
    "RESOLVED_REASON",
    "RESPONSE_REQUIRED",
    "UNCHANGED",
    "UNKNOWN_CODE",
    "UNKNOWN_FINDING",
    "UNKNOWN_PART",
    "clarification_resolve",
    "clarification_respond",
    "reconciliation_correct",
    "reconciliation_correct_finding",
    "reconciliation_resolve",
    "result_publish",
    "results_publish",
]
