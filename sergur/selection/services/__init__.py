"""Writes of selection (Buku 1; docs/sources/domain.md §4): a district's selection run (`runs`) and
the quota allocation with its logged moves (`quota`), the SK's number and signatory (`letters`)."""

from __future__ import annotations

from sergur.selection.services.base import NO_SELECTION_RULES, year_params
from sergur.selection.services.letters import sk_letter_record
from sergur.selection.services.quota import (
    quota_allocate,
    quota_allocate_from_runs,
    quota_redistribute,
)
from sergur.selection.services.runs import NUMBER_EVENT, case_number_set, selection_run

__all__ = [
    "NUMBER_EVENT",
    "NO_SELECTION_RULES",
    "case_number_set",
    "quota_allocate",
    "quota_allocate_from_runs",
    "quota_redistribute",
    "selection_run",
    "sk_letter_record",
    "year_params",
]
