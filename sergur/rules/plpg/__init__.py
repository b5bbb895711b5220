"""The PLPG training and its exams as rules: the year's parameters (`params`) and a
participant's result with its reasons (`evaluate`); docs/plpg.md."""

from __future__ import annotations

from sergur.rules.plpg.entries import attendance_too_early, score_too_early
from sergur.rules.plpg.evaluate import (
    CompetencyResult,
    Outcome,
    PartResult,
    Standing,
    Status,
    admission,
    competencies,
    evaluate,
    final_score,
    minimum_jp,
)
from sergur.rules.plpg.params import COMPETENCIES, Part, PlpgParams, plpg_params, plpg_years

__all__ = [
    "COMPETENCIES",
    "CompetencyResult",
    "Outcome",
    "Part",
    "PartResult",
    "PlpgParams",
    "Standing",
    "Status",
    "admission",
    "attendance_too_early",
    "competencies",
    "evaluate",
    "final_score",
    "minimum_jp",
    "plpg_params",
    "plpg_years",
    "score_too_early",
]
