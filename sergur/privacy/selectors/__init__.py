"""Reads of the privacy app: the teacher's own copy and the retention job's cases."""

from __future__ import annotations

from sergur.privacy.selectors.export import (
    EXCLUDED,
    OWNED_BY_ACCOUNT,
    SECTIONS,
    FileRef,
    TeacherData,
    teacher_data_read,
    teacher_get_for_user,
)
from sergur.privacy.selectors.retention import (
    ClosedCase,
    closed_cases,
    retention_rules_current,
)
from sergur.privacy.selectors.section import Section

__all__ = [
    "EXCLUDED",
    "OWNED_BY_ACCOUNT",
    "SECTIONS",
    "ClosedCase",
    "FileRef",
    "Section",
    "TeacherData",
    "closed_cases",
    "retention_rules_current",
    "teacher_data_read",
    "teacher_get_for_user",
]
