"""The PLPG pages: the rayon's, a class's and a participant's."""

from __future__ import annotations

from sergur.plpg.views.classes import (
    attendance,
    class_detail,
    class_list,
    class_update,
    scores_import,
    session_add,
)
from sergur.plpg.views.participants import (
    invitation,
    participant_detail,
    participant_list,
    peer_teaching,
    remedial,
    score_correct,
    score_enter,
)
from sergur.plpg.views.rayon import (
    instructor_add,
    merge_set,
    propose,
    rayon_page,
    relation_declare,
)

__all__ = [
    "attendance",
    "class_detail",
    "class_list",
    "class_update",
    "instructor_add",
    "invitation",
    "merge_set",
    "participant_detail",
    "participant_list",
    "peer_teaching",
    "propose",
    "rayon_page",
    "relation_declare",
    "remedial",
    "score_correct",
    "score_enter",
    "scores_import",
    "session_add",
]
