"""Cells safe to open in a spreadsheet: the guard against formula injection for every file
a person downloads (the import's problem list, the decisions export, `sergur rank`'s table)."""

from __future__ import annotations

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet would run these as formulas


def neutralise(value: str) -> str:
    """A cell safe to open in a spreadsheet: a leading =, +, -, @ is shown as text (OWASP CSV
    injection; docs/sources/domain.md §8 exports travel as spreadsheets)."""
    return "'" + value if value.startswith(FORMULA_START) else value
