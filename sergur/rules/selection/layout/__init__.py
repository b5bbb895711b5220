"""The column layout of teacher master data (close to the national NUPTK/Dapodik exports) and
the row parser shared by the web import and `sergur rank` (Buku 1, docs/sources/domain.md §4.1 and
§8).

A file is a table with one header row and one teacher a row. Header names are matched without
regard to case or surrounding spaces; the order is free; columns the layout does not know are
reported (a warning) and ignored. `docs/import.md` describes every column and every problem.

Dates are read in exactly one format, never guessed from a locale (docs/sources/domain.md §8: dd-mm
versus mm-dd broke logins): ISO `YYYY-MM-DD` by default, or `DD/MM/YYYY` only when the file is
declared to use it (`date_format=DMY`). XLSX date cells are real dates and need no format.

Every problem names the line, the column and the reason in Indonesian and English
(`RowProblem.message`). A row with an error is never imported; a row with only warnings
(unknown column, names that differ between NUPTK and Dapodik) is imported and the warning
is kept. The files themselves are read by `sergur.tabular` (outside the pure core): the readers
stream, neither reads a whole file into memory.

`spec` holds the columns and what a valid row becomes; `rows` the row parser.
"""

from __future__ import annotations

from sergur.rules.selection.layout.rows import RowChecker, parse_row
from sergur.rules.selection.layout.spec import (
    COLUMNS,
    DMY,
    EDUCATION,
    EMPLOYMENT,
    EXTRA,
    GENDERS,
    ISO,
    LIMITS,
    MAX_CELL,
    MISMATCH,
    OTHER_HOURS,
    REQUIRED,
    TEMPORARY_NUPTK,
    YES_NO,
    DateFormat,
    ParsedRow,
    RowProblem,
    SchoolRef,
    canonical_name,
    check_header,
    normalise_header,
    parse_date,
    problem,
)

__all__ = [
    "COLUMNS",
    "DMY",
    "EDUCATION",
    "EMPLOYMENT",
    "EXTRA",
    "GENDERS",
    "ISO",
    "LIMITS",
    "MAX_CELL",
    "MISMATCH",
    "OTHER_HOURS",
    "REQUIRED",
    "TEMPORARY_NUPTK",
    "YES_NO",
    "DateFormat",
    "ParsedRow",
    "RowChecker",
    "RowProblem",
    "SchoolRef",
    "canonical_name",
    "check_header",
    "normalise_header",
    "parse_date",
    "parse_row",
    "problem",
]
