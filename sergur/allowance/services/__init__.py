"""The allowance's writes: the school's load, the district's table and approvals, and the
eligibility computation (docs/allowance.md)."""

from __future__ import annotations

from sergur.allowance.services.assign import Assigned, Source, Taken, load_assign
from sergur.allowance.services.district import approval_record, linearity_add, linearity_remove
from sergur.allowance.services.eligibility import (
    ComputeSummary,
    eligibility_compute,
    eligibility_compute_teachers,
)
from sergur.allowance.services.imports import LoadImportReport, load_import
from sergur.allowance.services.load import (
    counselling_set,
    duty_add,
    duty_remove,
    load_confirm,
    load_line_delete,
    load_line_save,
    teacher_semester_set,
)
from sergur.allowance.services.open_hours import open_hours_add, open_hours_remove

__all__ = [
    "Assigned",
    "ComputeSummary",
    "LoadImportReport",
    "Source",
    "Taken",
    "approval_record",
    "counselling_set",
    "duty_add",
    "duty_remove",
    "eligibility_compute",
    "eligibility_compute_teachers",
    "linearity_add",
    "linearity_remove",
    "load_confirm",
    "load_assign",
    "load_import",
    "load_line_delete",
    "load_line_save",
    "open_hours_add",
    "open_hours_remove",
    "teacher_semester_set",
]
