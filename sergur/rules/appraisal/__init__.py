"""The yearly performance appraisal (PKG) as rules: instruments as data (`instruments`), the
year's scoring and credit figures (`params`) and a result with every step (`score`);
docs/pkg.md, docs/sources/domain.md §7."""

from __future__ import annotations

from sergur.rules.appraisal.instruments import (
    Competency,
    Instrument,
    InstrumentError,
    instrument,
    instruments,
    latest_instruments,
)
from sergur.rules.appraisal.params import AppraisalParams, Category, RankStep, appraisal_params
from sergur.rules.appraisal.score import (
    CompetencyScore,
    Credit,
    PkgResult,
    ScoresError,
    check_points,
    decimal,
    evaluate,
    plain,
)

__all__ = [
    "AppraisalParams",
    "Category",
    "Competency",
    "CompetencyScore",
    "Credit",
    "Instrument",
    "InstrumentError",
    "PkgResult",
    "RankStep",
    "ScoresError",
    "appraisal_params",
    "check_points",
    "decimal",
    "evaluate",
    "instrument",
    "instruments",
    "latest_instruments",
    "plain",
]
