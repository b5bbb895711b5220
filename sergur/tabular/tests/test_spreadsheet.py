"""The spreadsheet guard: a cell that a spreadsheet would run as a formula is written as text."""

from __future__ import annotations

from sergur.rules.selection.layout import ParsedRow
from sergur.rules.tests.selection.test_layout import parse
from sergur.tabular.spreadsheet import neutralise


def test_formula_cells_are_kept_as_text_and_neutralised_on_export() -> None:
    row = parse(NAMA='=HYPERLINK("http://x")', NAMA_DAPODIK="")
    assert isinstance(row, ParsedRow)
    assert row.name.startswith("=")
    assert neutralise(row.name).startswith("'=")
    assert [neutralise(v) for v in ("+1", "-1", "@a", "Sri")] == ["'+1", "'-1", "'@a", "Sri"]
