"""The 2007 portfolio rubric (docs/sources/rubric-2007.md; Buku III 2007): tables as data, one small
function a component. Each function returns its points and, when asked, the trace: which
table row gave how many points, and which interpretation was applied.

The package keeps one module per group of components: `career` (1-3), `teaching` (4-5) and
`development` (6-10); `trace` is the line every component writes.
"""

from __future__ import annotations

from sergur.rules.rubric.career import (
    EXPERIENCE_BANDS,
    LEVEL_GROUP,
    QUALIFICATION_POINTS,
    QUARTER,
    TRAINING_BANDS,
    TRAINING_POINTS,
    qualification_row,
    score_experience,
    score_qualifications,
    score_trainings,
    training_band,
)
from sergur.rules.rubric.development import (
    ARTICLE_POINTS,
    AWARD_POINTS,
    BOOK_POINTS,
    COMPETITION_POINTS,
    DUTY_POINTS,
    FORUM_POINTS,
    MONUMENTAL_POINTS,
    ORGANIZATION_POINTS,
    PEER_COACHING_POINTS,
    RESEARCH_POINTS,
    SPECIAL_AREA_POINTS_PER_YEAR,
    STUDENT_COACHING_NO_WIN,
    STUDENT_COACHING_WIN_POINTS,
    WORK_POINTS,
    score_achievement,
    score_awards,
    score_forums,
    score_organizations,
    score_works,
    work_points,
)
from sergur.rules.rubric.teaching import (
    PROGRAMME_DIVISOR,
    PROGRAMME_WEIGHTS,
    REQUIRED_PLANS,
    score_observation,
    score_plans,
    score_superior,
)
from sergur.rules.rubric.trace import Trace, TraceLine

__all__ = [
    "ARTICLE_POINTS",
    "AWARD_POINTS",
    "BOOK_POINTS",
    "COMPETITION_POINTS",
    "DUTY_POINTS",
    "EXPERIENCE_BANDS",
    "FORUM_POINTS",
    "LEVEL_GROUP",
    "MONUMENTAL_POINTS",
    "ORGANIZATION_POINTS",
    "PEER_COACHING_POINTS",
    "PROGRAMME_DIVISOR",
    "PROGRAMME_WEIGHTS",
    "QUALIFICATION_POINTS",
    "QUARTER",
    "REQUIRED_PLANS",
    "RESEARCH_POINTS",
    "SPECIAL_AREA_POINTS_PER_YEAR",
    "STUDENT_COACHING_NO_WIN",
    "STUDENT_COACHING_WIN_POINTS",
    "TRAINING_BANDS",
    "TRAINING_POINTS",
    "Trace",
    "TraceLine",
    "WORK_POINTS",
    "qualification_row",
    "score_achievement",
    "score_awards",
    "score_experience",
    "score_forums",
    "score_observation",
    "score_organizations",
    "score_plans",
    "score_qualifications",
    "score_superior",
    "score_trainings",
    "score_works",
    "training_band",
    "work_points",
]
