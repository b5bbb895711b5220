"""Assessment arithmetic: the scoring sheet, reconciliation of two assessors, the allocation
of assessors and the agreement statistics. Pure Python like the rest of the rules core."""

from __future__ import annotations

from sergur.rules.assessment.allocation import (
    AllocationPlan,
    AssessorSlot,
    PortfolioSlot,
    allocate,
    conflicts,
    obstacles,
)
from sergur.rules.assessment.params import AssessmentParams, assessment_params
from sergur.rules.assessment.reconcile import (
    Comparison,
    Scored,
    compare,
    compare_tallies,
    final_of_two,
    final_with_third,
)
from sergur.rules.assessment.sheet import (
    ASSESSED_PARTS,
    PART_MAXIMUM,
    PARTS,
    Facts,
    Outcome,
    Override,
    SheetError,
    SheetLine,
    SheetReview,
    Tally,
    apply_overrides,
    mean_of_two,
    mean_parts,
    outcome,
    parts_of,
    sheet_lines,
    tally,
    tally_of,
    trace_lines,
)

__all__ = [
    "ASSESSED_PARTS",
    "PART_MAXIMUM",
    "PARTS",
    "AllocationPlan",
    "AssessorSlot",
    "PortfolioSlot",
    "allocate",
    "conflicts",
    "obstacles",
    "AssessmentParams",
    "Comparison",
    "Facts",
    "Outcome",
    "Override",
    "Scored",
    "SheetError",
    "SheetLine",
    "SheetReview",
    "Tally",
    "apply_overrides",
    "assessment_params",
    "compare",
    "compare_tallies",
    "final_of_two",
    "final_with_third",
    "mean_of_two",
    "mean_parts",
    "outcome",
    "parts_of",
    "sheet_lines",
    "tally",
    "tally_of",
    "trace_lines",
]
