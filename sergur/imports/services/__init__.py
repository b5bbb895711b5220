"""Writes of imports: store an upload, check it (dry run) and apply it to the registry.

`import_check` and `import_apply` are plain functions of a batch, run inline today; a Celery
task can call them unchanged later. Both stream the stored file: memory does not grow with
the number of rows (only the set of NUPTKs seen, a few tens of bytes a row). On PostgreSQL
the dry run leaves the good rows in a staging table and the import writes from it with
set-based SQL while nothing they depend on has changed (docs/import.md, "Speed").
"""

from __future__ import annotations

from sergur.imports.services.apply import (
    CHANGED,
    HAS_ERRORS,
    NO_GOOD_ROWS,
    NOT_CHECKED,
    import_apply,
    stage_is_current,
)
from sergur.imports.services.check import import_check
from sergur.imports.services.upload import (
    NOT_UTF8,
    NOT_XLSX,
    WRONG_KIND,
    batch_file_stub,
    import_batch_create,
)

__all__ = [
    "CHANGED",
    "HAS_ERRORS",
    "NOT_CHECKED",
    "NOT_UTF8",
    "NOT_XLSX",
    "NO_GOOD_ROWS",
    "WRONG_KIND",
    "batch_file_stub",
    "import_apply",
    "import_batch_create",
    "import_check",
    "stage_is_current",
]
