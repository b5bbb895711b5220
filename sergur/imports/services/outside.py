"""Teachers of another district in a file: reported, never changed (issue 10; docs/import.md,
"Teachers of another district"). The row path and the column path of the dry run and the
import all drop them here, so every path says and writes the same."""

from __future__ import annotations

import polars as pl

from sergur.imports.selectors import teachers_of_other_districts
from sergur.rules.messages import msg
from sergur.rules.selection.layout import ParsedRow, RowProblem

CODE = "import.teacher_outside"


def _problem(line: int, nuptk: str, district: str) -> RowProblem:
    # Only what the officer typed (the NUPTK) and the district that holds the teacher.
    return RowProblem(line, "NUPTK", CODE, msg(CODE, value=nuptk, district=district))


def outside_rows(
    rows: list[ParsedRow], district_id: int | None
) -> tuple[list[ParsedRow], list[RowProblem]]:
    """The rows the officer's district may write, and a problem for each other row (a
    teacher another district holds); the operator (no district) writes every row."""
    if district_id is None or not rows:
        return rows, []
    held = teachers_of_other_districts(nuptks={r.nuptk for r in rows}, district_id=district_id)
    if not held:
        return rows, []
    kept = [r for r in rows if r.nuptk not in held]
    problems = [_problem(r.line, r.nuptk, held[r.nuptk]) for r in rows if r.nuptk in held]
    return kept, problems


def outside_frame(
    good: pl.DataFrame, district_id: int | None
) -> tuple[pl.DataFrame, list[RowProblem]]:
    """`outside_rows` for a frame of good rows (the column path)."""
    if district_id is None or good.is_empty():
        return good, []
    nuptks = good.get_column("nuptk").to_list()
    held = teachers_of_other_districts(nuptks=set(nuptks), district_id=district_id)
    if not held:
        return good, []
    outside = good.filter(pl.col("nuptk").is_in(list(held)))
    problems = [
        _problem(line, nuptk, held[nuptk]) for line, nuptk in outside.select("line", "nuptk").rows()
    ]
    return good.filter(~pl.col("nuptk").is_in(list(held))), problems
