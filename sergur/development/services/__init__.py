"""Every write of PKB: the standing, plans, activities and their verification."""

from __future__ import annotations

from sergur.development.services.activities import activity_record, activity_verify
from sergur.development.services.plans import plan_open, plan_open_remedial, standing_record

__all__ = [
    "activity_record",
    "activity_verify",
    "plan_open",
    "plan_open_remedial",
    "standing_record",
]
