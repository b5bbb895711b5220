"""The import's writes from a staging table (PostgreSQL; docs/import.md, "Speed"): the rules
of the row path (`services.orm.upsert`) as set-based SQL over a range of the stage's lines.

For the staged rows of the range:

1. `known`: the rows whose NUPTK the registry holds already (one index probe each);
2. the other rows are new teachers: one statement draws their ids from the teacher's
   sequence once and inserts both the teachers and their main schools from them; a plain
   INSERT, without ON CONFLICT (about 3 s a million rows less): the NUPTKs were just looked up,
   and a teacher another session creates meanwhile makes the unique constraint fail, which the
   import reports as a change since the dry run;
3. only when there are known teachers: one UPDATE of the teachers whose fields differ (an
   unchanged teacher is not written and not counted), and their main school in two UPDATEs
   and one INSERT planned from the assignments as they were (`plan`, only for the rows whose
   main school is not already the row's with the row's hours): the hours at the main
   school; a second school becoming the main one (the old main stays as a second school,
   demoted first because at most one school is the main one); a move of the main school; a
   main school where there was none;
4. only when the file has SEKOLAH_LAIN: the teachers' second schools made the staged list
   (`WANT`): those not in it deleted (a former main school included), the hours of the others
   updated, the missing ones inserted; a known teacher whose second schools changed counts
   as updated.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import connection

from sergur.imports.bulk.stage import TEACHER_FIELDS, Stage
from sergur.registry.models import School, Teacher, TeachingAssignment

KNOWN = "sergur_import_known"
CHANGED = "sergur_import_changed"
PLAN = "sergur_import_plan"
WANT = "sergur_import_want"
OTHERS = "sergur_import_others"


def _q(name: str) -> str:
    return str(connection.ops.quote_name(name))


def _column(model: Any, attname: str) -> str:
    return _q(next(str(f.column) for f in model._meta.concrete_fields if f.attname == attname))


class _Names:
    """The quoted tables and columns the statements name."""

    def __init__(self, stage: Stage, written: tuple[str, ...]) -> None:
        self.s = stage.name
        self.table, self.id_column = Teacher._meta.db_table, str(Teacher._meta.pk.column)
        self.t, self.a = _q(self.table), _q(TeachingAssignment._meta.db_table)
        self.t_id, self.nuptk = _q(self.id_column), _column(Teacher, "nuptk")
        # A new teacher gets every field; a known one only those of the file's columns.
        self.fields = [_column(Teacher, name) for name in TEACHER_FIELDS]
        self.written = [_column(Teacher, name) for name in written]
        self.old = ", ".join(f"t.{name}" for name in self.written) or "NULL"
        self.new = ", ".join(f"s.{name}" for name in self.written) or "NULL"
        self.extra = [_column(Teacher, "has_teaching_license"), _column(Teacher, "special_area")]
        self.a_id = _column(TeachingAssignment, "id")
        self.a_teacher = _column(TeachingAssignment, "teacher_id")
        self.a_school = _column(TeachingAssignment, "school_id")
        self.a_main = _column(TeachingAssignment, "is_main")
        self.a_hours = _column(TeachingAssignment, "weekly_hours")
        self.sc, self.sc_id = _q(School._meta.db_table), _column(School, "id")
        self.npsn = _column(School, "npsn")


@dataclass
class Written:
    """The ids of the teachers a write created and of those it changed, for the audit trail
    (one record per teacher, `services.apply`)."""

    created: list[int] = field(default_factory=list)
    updated: list[int] = field(default_factory=list)


def stage_ranges(stage: Stage, size: int | None) -> list[tuple[int, int]]:
    """The ranges of lines [start, stop) to write one at a time: all lines in one range when
    `size` is None, else ranges of `size` lines."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT min(line), max(line) FROM {stage.name}")  # nosec B608 # quoted names from model _meta, values bound
        low, high = cursor.fetchone()
    if low is None:
        return []
    if size is None:
        return [(int(low), int(high) + 1)]
    return [(start, min(start + size, high + 1)) for start in range(low, high + 1, size)]


def stage_upsert(
    stage: Stage,
    lines: tuple[int, int],
    written: tuple[str, ...] = TEACHER_FIELDS,
    *,
    other_schools: bool = False,
    ids: Written | None = None,
) -> tuple[int, int]:
    """Create or update by NUPTK the teachers staged on lines [start, stop) and their main
    school; (created, updated), and their ids into `ids` when given. A known teacher's fields
    outside `written` (those whose column the file lacks, `fields_of`) stay as they are, and
    their second schools unless the file has SEKOLAH_LAIN (`other_schools`). Run it inside a
    transaction."""
    n = _Names(stage, written)
    in_range = "s.line >= %s AND s.line < %s"
    with connection.cursor() as cursor:

        def run(sql: str, params: tuple[int | str, ...] | None = None) -> int:
            cursor.execute(sql, params)
            return int(cursor.rowcount)

        run(f"DROP TABLE IF EXISTS {KNOWN}, {CHANGED}, {PLAN}, {WANT}, {OTHERS}")
        # With the row's main school and hours, and whether the teacher's fields differ, read
        # in the same join (the UPDATE below then visits only those teachers and compares again
        # as it writes; the plan needs no second join with the stage).
        known = run(
            f"CREATE TEMP TABLE {KNOWN} AS SELECT s.line, t.{n.t_id} AS teacher_id, s.school_id, "  # nosec B608 # quoted names from model _meta, values bound
            f"s.weekly_hours AS hours, "
            f"({n.old}) IS DISTINCT FROM ({n.new}) AS differs "
            f"FROM {n.s} s JOIN {n.t} t ON t.{n.nuptk} = s.{n.nuptk} WHERE {in_range}",
            lines,
        )
        cursor.execute("SELECT pg_get_serial_sequence(%s, %s)", [n.table, n.id_column])
        sequence = cursor.fetchone()[0]
        # One statement: the new teachers' ids drawn once, both inserts read them (no join).
        run(
            f"WITH fresh AS MATERIALIZED (SELECT nextval(%s::regclass) AS id, s.* FROM {n.s} s "  # nosec B608 # quoted names from model _meta, values bound
            f"WHERE {in_range} AND NOT EXISTS (SELECT 1 FROM {KNOWN} k WHERE k.line = s.line)), "
            f"made AS (INSERT INTO {n.t} ({n.t_id}, {n.nuptk}, {', '.join(n.fields + n.extra)}) "
            f"SELECT id, {n.nuptk}, {', '.join(n.fields)}, false, false FROM fresh), "
            f"main AS (INSERT INTO {n.a} ({n.a_teacher}, {n.a_school}, {n.a_hours}, {n.a_main}) "
            f"SELECT id, school_id, weekly_hours, true FROM fresh) "
            f"SELECT {'id' if ids is not None else 'count(*)'} FROM fresh",
            (sequence, *lines),
        )
        if ids is not None:
            ids.created.extend(int(row[0]) for row in cursor.fetchall())
            created = len(ids.created)
        else:
            created = int(cursor.fetchone()[0])
        parts = _update_known(cursor, n) if known else []
        if other_schools:
            _other_schools(cursor, n, lines)
            parts.append(f"SELECT o.teacher_id FROM {OTHERS} o JOIN {KNOWN} k USING (teacher_id)")  # nosec B608 # quoted names from model _meta, values bound
        updated = 0
        if parts and ids is not None:
            run(f"SELECT teacher_id FROM ({' UNION '.join(parts)}) changed")  # nosec B608 # quoted names from model _meta, values bound
            ids.updated.extend(int(row[0]) for row in cursor.fetchall())
            updated = len(ids.updated)
        elif parts:
            run(f"SELECT count(*) FROM ({' UNION '.join(parts)}) changed")  # nosec B608 # quoted names from model _meta, values bound
            updated = int(cursor.fetchone()[0])
        run(f"DROP TABLE IF EXISTS {KNOWN}, {CHANGED}, {PLAN}, {WANT}, {OTHERS}")
    return created, updated


def _other_schools(cursor: Any, n: _Names, lines: tuple[int, int]) -> None:
    """Step 4 of the module's doc: the teachers whose second schools changed into `OTHERS`."""
    run = cursor.execute
    a, teacher, school, main, hours = n.a, n.a_teacher, n.a_school, n.a_main, n.a_hours
    run(
        f"CREATE TEMP TABLE {WANT} AS SELECT t.{n.t_id} AS teacher_id, sc.{n.sc_id} AS "  # nosec B608 # quoted names from model _meta, values bound
        f"school_id, split_part(e, ':', 2)::smallint AS hours "
        f"FROM {n.s} s JOIN {n.t} t ON t.{n.nuptk} = s.{n.nuptk} "
        f"CROSS JOIN LATERAL unnest(string_to_array(nullif(s.other_schools, ''), ';')) e "
        f"JOIN {n.sc} sc ON sc.{n.npsn} = split_part(e, ':', 1) "
        f"WHERE s.line >= %s AND s.line < %s",
        lines,
    )
    run(f"CREATE TEMP TABLE {OTHERS} (teacher_id bigint)")
    run(
        f"WITH gone AS (DELETE FROM {a} USING {n.s} s JOIN {n.t} t ON t.{n.nuptk} = s.{n.nuptk} "  # nosec B608 # quoted names from model _meta, values bound
        f"WHERE s.line >= %s AND s.line < %s AND {a}.{teacher} = t.{n.t_id} AND NOT {a}.{main} "
        f"AND NOT EXISTS (SELECT 1 FROM {WANT} w WHERE w.teacher_id = {a}.{teacher} "
        f"AND w.school_id = {a}.{school}) RETURNING {a}.{teacher}) "
        f"INSERT INTO {OTHERS} SELECT {teacher} FROM gone",
        lines,
    )
    run(
        f"WITH up AS (UPDATE {a} SET {hours} = w.hours FROM {WANT} w "  # nosec B608 # quoted names from model _meta, values bound
        f"WHERE {a}.{teacher} = w.teacher_id AND {a}.{school} = w.school_id AND NOT {a}.{main} "
        f"AND {a}.{hours} <> w.hours RETURNING {a}.{teacher}) "
        f"INSERT INTO {OTHERS} SELECT {teacher} FROM up"
    )
    run(
        f"WITH made AS (INSERT INTO {a} ({teacher}, {school}, {hours}, {main}) "  # nosec B608 # quoted names from model _meta, values bound
        f"SELECT w.teacher_id, w.school_id, w.hours, false FROM {WANT} w WHERE NOT EXISTS "
        f"(SELECT 1 FROM {a} x WHERE x.{teacher} = w.teacher_id AND x.{school} = w.school_id) "
        f"RETURNING {teacher}) INSERT INTO {OTHERS} SELECT {teacher} FROM made"
    )


def _update_known(cursor: Any, n: _Names) -> list[str]:
    """Step 3 of the module's doc for the rows in `known`; the queries of the teachers that
    changed (their tables stay until `stage_upsert` has counted them)."""
    run = cursor.execute
    a, a_id, a_main, a_hours = n.a, n.a_id, n.a_main, n.a_hours
    run(
        f"CREATE TEMP TABLE {CHANGED} AS WITH up AS (UPDATE {n.t} t SET "  # nosec B608 # quoted names from model _meta, values bound
        f"{', '.join(f'{name} = s.{name}' for name in n.written)} "
        f"FROM {KNOWN} k JOIN {n.s} s ON s.line = k.line "
        f"WHERE t.{n.t_id} = k.teacher_id AND k.differs AND ({n.old}) IS DISTINCT FROM ({n.new}) "
        f"RETURNING t.{n.t_id} AS teacher_id) SELECT teacher_id FROM up"
    )
    run(
        f"CREATE TEMP TABLE {PLAN} AS SELECT k.teacher_id, k.school_id, k.hours, "  # nosec B608 # quoted names from model _meta, values bound
        f"h.{a_id} AS at_id, h.{a_main} AS at_main, h.{a_hours} AS at_hours, "
        f"m.{a_id} AS main_id FROM {KNOWN} k "
        f"LEFT JOIN {a} h ON h.{n.a_teacher} = k.teacher_id AND h.{n.a_school} = k.school_id "
        f"LEFT JOIN {a} m ON m.{n.a_teacher} = k.teacher_id AND m.{a_main} "
        # not the rows whose main school is already the row's, with its hours (nothing to do)
        f"WHERE NOT EXISTS (SELECT 1 FROM {a} x WHERE x.{n.a_teacher} = k.teacher_id "
        f"AND x.{n.a_school} = k.school_id AND x.{a_main} AND x.{a_hours} = k.hours)"
    )
    # a second school becomes the main one: the old main school stays as a second school
    run(
        f"UPDATE {a} SET {a_main} = false FROM {PLAN} p WHERE {a}.{a_id} = p.main_id "  # nosec B608 # quoted names from model _meta, values bound
        f"AND p.at_id IS NOT NULL AND NOT p.at_main"
    )
    # the school of the row is the main one now, with the row's hours: the hours at the main
    # school, the second school promoted, or the main school moved to the row's school
    run(
        f"UPDATE {a} SET {a_main} = true, {n.a_school} = p.school_id, {a_hours} = p.hours "  # nosec B608 # quoted names from model _meta, values bound
        f"FROM {PLAN} p WHERE {a}.{a_id} = coalesce(p.at_id, p.main_id) "
        f"AND NOT (p.at_id IS NOT NULL AND p.at_main AND p.at_hours = p.hours)"
    )
    # no school at all yet
    run(
        f"INSERT INTO {a} ({n.a_teacher}, {n.a_school}, {a_hours}, {a_main}) "  # nosec B608 # quoted names from model _meta, values bound
        f"SELECT teacher_id, school_id, hours, true FROM {PLAN} "
        f"WHERE at_id IS NULL AND main_id IS NULL"
    )
    return [
        f"SELECT teacher_id FROM {CHANGED}",  # nosec B608 # quoted names from model _meta, values bound
        f"SELECT teacher_id FROM {PLAN} WHERE at_id IS NULL OR NOT at_main OR at_hours <> hours",  # nosec B608 # quoted names from model _meta, values bound
    ]
