"""The fast path of `import_check` and `import_apply` for plain CSV files (docs/import.md,
"Speed"): batches checked column by column (`sergur.rules.selection.columns`), the row parser
only for the rows the columns flag, and on PostgreSQL one COPY into a staging table and a few
set-based statements per batch instead of row-by-row writes.

`FileFacts` is what both steps learn from one pass over the file; the caller stores problems
and counts (check) or writes the good rows (apply). A file that is not plain raises
`NotPlain` before anything is written, and the caller uses the row path.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any

import polars as pl
from django.db import connection

from sergur.registry.models import Teacher, TeachingAssignment
from sergur.rules.messages import msg
from sergur.rules.selection.columns import Batch, check_batch, name_differs, read_plain_csv
from sergur.rules.selection.layout import (
    DateFormat,
    ParsedRow,
    RowProblem,
    SchoolRef,
    canonical_name,
    parse_row,
)

PARSED_FIELDS = tuple(name for name in ParsedRow.__slots__ if name != "warnings")
STAGE = "sergur_import_stage"
PLAN = "sergur_import_plan"
DONE = "sergur_import_done"


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


# -- PostgreSQL: COPY into a staging table, then set-based upserts ---------------------------


def _columns(model: Any) -> dict[str, str]:
    return {f.attname: str(f.column) for f in model._meta.concrete_fields}


def upsert_postgresql(
    good: pl.DataFrame, subjects: dict[str, int], schools: dict[str, int], fields: tuple[str, ...]
) -> tuple[int, int]:
    """Create or update the good rows' teachers by NUPTK and their main school, in a few
    statements (the rules of `services._upsert`); (created, updated)."""
    if good.is_empty():
        return 0, 0
    q = connection.ops.quote_name
    teacher = _columns(Teacher)
    assignment = _columns(TeachingAssignment)
    staged = good.select(
        "nuptk",
        *(name for name in fields if name != "subject_id"),
        subject_id=pl.col("subject_code").replace_strict(subjects, return_dtype=pl.Int64),
        school_id=pl.col("npsn").replace_strict(schools, return_dtype=pl.Int64),
        hours=pl.col("weekly_hours"),
    ).rename({"rank": "rank_", "name": "name_"})
    types = {"String": "text", "Date": "date", "Int64": "bigint", "Boolean": "boolean"}
    definition = ", ".join(f"{name} {types[str(dtype)]}" for name, dtype in staged.schema.items())
    texts = [name for name, dtype in staged.schema.items() if dtype == pl.String]
    buffer = io.BytesIO()
    staged.write_csv(buffer, include_header=False)
    buffer.seek(0)
    stage_of = {"name": "name_", "rank": "rank_"}
    target = [teacher[name] for name in ("nuptk", *fields)]
    source = [stage_of.get(name, name) for name in ("nuptk", *fields)]
    table, link = q(Teacher._meta.db_table), q(TeachingAssignment._meta.db_table)
    a_id, a_teacher, a_school = (
        q(assignment["id"]),
        q(assignment["teacher_id"]),
        q(assignment["school_id"]),
    )
    a_hours, a_main = q(assignment["weekly_hours"]), q(assignment["is_main"])
    t_id, t_nuptk = q(teacher["id"]), q(teacher["nuptk"])
    updates = ", ".join(f"{q(teacher[name])} = EXCLUDED.{q(teacher[name])}" for name in fields)
    old = ", ".join(f"t.{q(teacher[name])}" for name in fields)
    new = ", ".join(f"EXCLUDED.{q(teacher[name])}" for name in fields)
    statements = [
        f"DROP TABLE IF EXISTS {STAGE}, {PLAN}, {DONE}",
        f"CREATE TEMP TABLE {STAGE} ({definition})",
        f"CREATE TEMP TABLE {DONE} (teacher_id bigint, created boolean)",
    ]
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
        raw: Any = cursor.cursor
        with raw.copy(
            f"COPY {STAGE} FROM STDIN (FORMAT csv, FORCE_NOT_NULL ({', '.join(texts)}))"
        ) as copy:
            while block := buffer.read(1 << 20):
                copy.write(block)
        cursor.execute(
            f"WITH up AS (INSERT INTO {table} AS t "
            f"({', '.join(q(c) for c in target)}, {q(teacher['has_teaching_license'])}, "
            f"{q(teacher['special_area'])}) "
            f"SELECT {', '.join(source)}, false, false FROM {STAGE} "
            f"ON CONFLICT ({t_nuptk}) DO UPDATE SET {updates} "
            f"WHERE ({old}) IS DISTINCT FROM ({new}) "
            f"RETURNING t.{t_id} AS teacher_id, (t.xmax = 0) AS created) "
            f"INSERT INTO {DONE} SELECT teacher_id, created FROM up"
        )
        cursor.execute(
            f"CREATE TEMP TABLE {PLAN} AS SELECT t.{t_id} AS teacher_id, s.school_id, s.hours, "
            f"a.{a_id} AS at_id, a.{a_main} AS at_main, a.{a_hours} AS at_hours, "
            f"m.{a_id} AS main_id FROM {STAGE} s JOIN {table} t ON t.{t_nuptk} = s.nuptk "
            f"LEFT JOIN {link} a ON a.{a_teacher} = t.{t_id} AND a.{a_school} = s.school_id "
            f"LEFT JOIN {link} m ON m.{a_teacher} = t.{t_id} AND m.{a_main}"
        )
        plan = [
            # the main school already: only the hours may change
            f"UPDATE {link} SET {a_hours} = p.hours FROM {PLAN} p "
            f"WHERE {link}.{a_id} = p.at_id AND p.at_main AND p.at_hours <> p.hours",
            # a second school becomes the main one; the old main stays as a second school
            f"UPDATE {link} SET {a_main} = false FROM {PLAN} p "
            f"WHERE {link}.{a_id} = p.main_id AND p.at_id IS NOT NULL AND NOT p.at_main",
            f"UPDATE {link} SET {a_main} = true, {a_hours} = p.hours FROM {PLAN} p "
            f"WHERE {link}.{a_id} = p.at_id AND NOT p.at_main",
            # the main school moves to the new school
            f"UPDATE {link} SET {a_school} = p.school_id, {a_hours} = p.hours FROM {PLAN} p "
            f"WHERE {link}.{a_id} = p.main_id AND p.at_id IS NULL",
            # no school yet
            f"INSERT INTO {link} ({a_teacher}, {a_school}, {a_hours}, {a_main}) "
            f"SELECT teacher_id, school_id, hours, true FROM {PLAN} "
            f"WHERE at_id IS NULL AND main_id IS NULL",
        ]
        for statement in plan:
            cursor.execute(statement)
        cursor.execute(
            f"SELECT (SELECT count(*) FROM {DONE} WHERE created), "
            f"(SELECT count(*) FROM (SELECT teacher_id FROM {DONE} WHERE NOT created UNION "
            f"SELECT teacher_id FROM {PLAN} WHERE (at_main AND at_hours <> hours) "
            f"OR (at_id IS NOT NULL AND NOT at_main) "
            f"OR (at_id IS NULL AND teacher_id NOT IN "
            f"(SELECT teacher_id FROM {DONE} WHERE created))) changed)"
        )
        created, updated = cursor.fetchone()
        cursor.execute(f"DROP TABLE {STAGE}, {PLAN}, {DONE}")
    return int(created), int(updated)
