"""The PLPG services: classes, the training, exams and retakes, imports, remedial activities."""

from __future__ import annotations

from sergur.plpg.services.classes import (
    instructor_obstacles,
    instructor_relation_declare,
    instructor_save,
    plpg_class_update,
    plpg_classes_propose,
    plpg_session_add,
    subject_merge_set,
)
from sergur.plpg.services.exams import plpg_score_correct, plpg_score_enter, score_obstacles
from sergur.plpg.services.imports import ImportReport, plpg_scores_import, written_parts
from sergur.plpg.services.remedial import remedial_record
from sergur.plpg.services.training import attendance_record, peer_teaching_score

__all__ = [
    "ImportReport",
    "attendance_record",
    "instructor_obstacles",
    "instructor_relation_declare",
    "instructor_save",
    "peer_teaching_score",
    "plpg_class_update",
    "plpg_classes_propose",
    "plpg_score_correct",
    "plpg_score_enter",
    "plpg_scores_import",
    "plpg_session_add",
    "remedial_record",
    "score_obstacles",
    "subject_merge_set",
    "written_parts",
]
