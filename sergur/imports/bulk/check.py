"""The column check of a plain CSV (docs/import.md, "Speed"): batches checked column by
column (`sergur.rules.selection.columns`), the row parser only for the rows the columns flag.

The caller stores the problems and counts (dry run) or writes the good rows (import, or the
staging table). A file that is not plain raises `NotPlain` before anything is written, and the
caller uses the row path.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import IO

import polars as pl

from sergur.rules.messages import msg
from sergur.rules.selection.columns import Batch, check_batch, name_differs
from sergur.rules.selection.layout import (
    DateFormat,
    ParsedRow,
    RowProblem,
    SchoolRef,
    canonical_name,
    parse_row,
)
from sergur.tabular.plain import read_plain_csv

PARSED_FIELDS = tuple(name for name in ParsedRow.__slots__ if name != "warnings")


@dataclass(slots=True)
class Checked:
    """One batch after the check: its problems, and its good rows as a frame of ParsedRow
    fields (in line order)."""

    rows: int
    problems: list[RowProblem] = field(default_factory=list)
    invalid: int = 0
    good: pl.DataFrame | None = None


class Checker:
    """Checks the batches of one plain CSV in order; remembers every good NUPTK's first line
    so a NUPTK seen on an earlier line is refused (as `RowChecker` does)."""

    def __init__(
        self,
        subjects: dict[str, int],
        schools: dict[str, SchoolRef],
        *,
        date_format: DateFormat,
    ) -> None:
        self.subjects = subjects
        self.schools = schools
        self.date_format: DateFormat = date_format
        self.seen = pl.DataFrame(schema={"key": pl.Int64, "first": pl.Int64})

    def check(self, batch: Batch) -> Checked:
        """The problems and the good rows of one batch."""
        checked = check_batch(batch, self.subjects, self.schools, date_format=self.date_format)
        result = Checked(rows=checked.height)
        flagged = checked.select(pl.col("flagged").arg_true()).to_series().to_list()
        lines = checked["line"]
        parsed: list[ParsedRow] = []
        for index in flagged:
            outcome = parse_row(
                lines[index],
                batch.row(index),
                self.subjects,
                self.schools,
                date_format=self.date_format,
                normalised=True,
            )
            if isinstance(outcome, ParsedRow):
                parsed.append(outcome)
            else:
                result.problems += outcome
                result.invalid += 1
        clean = checked.filter(~pl.col("flagged"))
        differs = name_differs(clean)
        warned = {row.line: row.warnings for row in parsed if row.warnings}
        for line, name, dapodik in (
            clean.filter(differs).select("line", "name", "name_dapodik").rows()
        ):
            if canonical_name(name) != canonical_name(dapodik):
                warned[line] = (
                    RowProblem(
                        line,
                        "NAMA_DAPODIK",
                        "import.name_mismatch",
                        msg("import.name_mismatch", nuptk=name, dapodik=dapodik),
                        warning=True,
                    ),
                )
        good = clean.select(PARSED_FIELDS)
        if parsed:
            extra = pl.DataFrame(
                {name: [getattr(row, name) for row in parsed] for name in PARSED_FIELDS},
                schema=good.schema,
            )
            good = pl.concat([good, extra]).sort("line")
        good = self._without_repeats(good, result)
        kept = set(good["line"].to_list()) if warned else set()
        for line in sorted(warned):
            if line in kept:
                result.problems += warned[line]
        result.good = good
        return result

    def _without_repeats(self, good: pl.DataFrame, result: Checked) -> pl.DataFrame:
        """Drop rows whose NUPTK is on an earlier line (this batch or before): each a problem."""
        keyed = good.with_columns(key=pl.col("nuptk").cast(pl.Int64))
        keyed = keyed.join(self.seen, on="key", how="left").with_columns(
            first=pl.coalesce(pl.col("first"), pl.col("line").min().over("key"))
        )
        repeats = keyed.filter(pl.col("first") != pl.col("line"))
        for line, first in repeats.select("line", "first").rows():
            result.problems.append(
                RowProblem(
                    line,
                    "NUPTK",
                    "import.nuptk_duplicate",
                    msg("import.nuptk_duplicate", first=first),
                )
            )
        result.invalid += repeats.height
        kept = keyed.filter(pl.col("first") == pl.col("line"))
        self.seen = pl.concat([self.seen, kept.select("key", "first")])
        return kept.select(PARSED_FIELDS)


def checked_batches(
    stream: IO[bytes], checker: Checker, progress: Callable[[], None]
) -> Iterator[tuple[Batch, Checked]]:
    """Every batch of a plain CSV with its check; `progress` after each batch."""
    for batch in read_plain_csv(stream):
        yield batch, checker.check(batch)
        progress()


def parsed_rows(good: pl.DataFrame) -> list[ParsedRow]:
    """The good rows as the row parser gives them (for the ORM path)."""
    return [ParsedRow(**row) for row in good.iter_rows(named=True)]
