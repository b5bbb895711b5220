"""PKB as rules: the year's parameters (`params`: steps, training bands, collective values) and
a teacher's credits and balance towards the next rank with their reasons (`credits`);
docs/pkb.md."""

from __future__ import annotations

from sergur.rules.development.credits import (
    ASSESSED,
    ELEMENT_OF,
    ActivityCredit,
    Balance,
    Earned,
    Element,
    Kind,
    Line,
    Suggestion,
    activity_credit,
    balance,
)
from sergur.rules.development.params import (
    Collective,
    DevelopmentParams,
    Step,
    TrainingBand,
    development_params,
)

__all__ = [
    "ASSESSED",
    "ELEMENT_OF",
    "ActivityCredit",
    "Balance",
    "Collective",
    "DevelopmentParams",
    "Earned",
    "Element",
    "Kind",
    "Line",
    "Step",
    "Suggestion",
    "TrainingBand",
    "activity_credit",
    "balance",
    "development_params",
]
