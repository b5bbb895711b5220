"""The fast paths of the import (docs/import.md, "Speed"): the column check of a plain CSV
(`check`), the staging table a dry run leaves on PostgreSQL (`stage`) and the set-based
writes of the import from it (`upsert`)."""

from __future__ import annotations

from sergur.imports.bulk.check import Checked, Checker, checked_batches, parsed_rows
from sergur.imports.bulk.stage import (
    FIELD_COLUMNS,
    TEACHER_FIELDS,
    Lookups,
    Stage,
    fields_of,
    file_digest,
    fingerprint,
    stage_sweep,
    teacher_values,
)
from sergur.imports.bulk.upsert import Written, stage_ranges, stage_upsert

__all__ = [
    "FIELD_COLUMNS",
    "TEACHER_FIELDS",
    "Checked",
    "Checker",
    "Lookups",
    "Stage",
    "Written",
    "checked_batches",
    "fields_of",
    "file_digest",
    "fingerprint",
    "parsed_rows",
    "stage_ranges",
    "stage_sweep",
    "stage_upsert",
    "teacher_values",
]
