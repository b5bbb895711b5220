"""The allowance's writes: the school's load, the district's table and approvals, and the
eligibility computation (docs/allowance.md)."""

from __future__ import annotations

from sergur.allowance.services.district import approval_record, linearity_add, linearity_remove
from sergur.allowance.services.eligibility import ComputeSummary, eligibility_compute
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

__all__ = [
    "ComputeSummary",
    "LoadImportReport",
    "approval_record",
    "counselling_set",
    "duty_add",
    "duty_remove",
    "eligibility_compute",
    "linearity_add",
    "linearity_remove",
    "load_confirm",
    "load_import",
    "load_line_delete",
    "load_line_save",
    "teacher_semester_set",
]
