"""How well two blind assessors agree (issue 4, part 7): the statistics (`statistics`: weighted
kappa, ICC(1,1), severity) and their reading per assessor, part and month (`quality`).
docs/quality.md explains the choices."""

from __future__ import annotations

from sergur.rules.assessment.agreement.quality import (
    FLAG_LENIENT,
    FLAG_LOW_AGREEMENT,
    FLAG_SEVERE,
    AssessorQuality,
    FlagRules,
    PartQuality,
    PeriodQuality,
    QualityBook,
    QualityReport,
    Rating,
    flags_for,
)
from sergur.rules.assessment.agreement.statistics import (
    DECISION_SCALE,
    NO_PAIRS,
    NO_VARIATION,
    TOO_FEW_PAIRS,
    CodeTable,
    Differences,
    Estimate,
    MeanSquares,
    Number,
    Ratio,
    TwoRaters,
    Weights,
    as_ratio,
)

__all__ = [
    "DECISION_SCALE",
    "FLAG_LENIENT",
    "FLAG_LOW_AGREEMENT",
    "FLAG_SEVERE",
    "NO_PAIRS",
    "NO_VARIATION",
    "TOO_FEW_PAIRS",
    "AssessorQuality",
    "CodeTable",
    "Differences",
    "Estimate",
    "FlagRules",
    "MeanSquares",
    "Number",
    "PartQuality",
    "PeriodQuality",
    "QualityBook",
    "QualityReport",
    "Ratio",
    "Rating",
    "TwoRaters",
    "Weights",
    "as_ratio",
    "flags_for",
]
