"""The staging table of a checked batch, on PostgreSQL (docs/import.md, "Speed").

The dry run leaves the good rows of a batch in one UNLOGGED table, already in the registry's
shape (subject and school ids, typed dates and numbers), written with COPY: from polars'
`write_csv` on the plain-CSV path, row by row on the row path. The import then writes the
registry with set-based SQL from that table (`upsert.py`) and does not parse the file again,
as long as nothing the rows were derived from has changed. `fingerprint` covers all of it:
the bytes of the stored file, the lookups of the check (every subject and school with its
id, region, level and whether it lies in the officer's district), the date format, the
officer's district and the source of the code that turns a file into rows. Any difference, a
table that is gone, or one that holds another number of rows (a crash empties an unlogged
table), and the import checks the whole file again.
"""

from __future__ import annotations

import functools
import hashlib
import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import polars as pl
from django.db import connection

from sergur.imports.models import ImportBatch
from sergur.registry.models import School, Subdistrict, Teacher, TeachingAssignment
from sergur.rules.selection.layout import ParsedRow, SchoolRef

PREFIX = "sergur_import_stage_"
# The teacher's fields the import writes, in the stage's column order (attnames).
TEACHER_FIELDS = (
    "nip",
    "name",
    "birth_place",
    "birth_date",
    "gender",
    "employment",
    "rank",
    "subject_id",
    "education_level",
    "degree_date",
    "teacher_since",
    "permanent_since",
    "service_gap_months",
    "has_inpassing",
    "certified",
    "additional_duty",
    "achievement",
    "degree_subject_id",
    "mismatch_choice",
)
# The column of the layout each field is read from (docs/import.md). A known teacher's field
# whose column the file does not have keeps what the registry holds: an export without
# SUDAH_SERTIFIKASI must not make certified teachers uncertified, one without TMT_GURU must
# not erase when they began to teach. (A new teacher gets the field's empty value.)
FIELD_COLUMNS = {
    "nip": "NIP",
    "name": "NAMA",
    "birth_place": "TEMPAT_LAHIR",
    "birth_date": "TANGGAL_LAHIR",
    "gender": "JENIS_KELAMIN",
    "employment": "STATUS_KEPEGAWAIAN",
    "rank": "GOLONGAN",
    "subject_id": "KODE_BIDANG_STUDI",
    "education_level": "PENDIDIKAN",
    "degree_date": "TANGGAL_IJAZAH",
    "teacher_since": "TMT_GURU",
    "permanent_since": "TMT_GURU_TETAP",
    "service_gap_months": "BULAN_TIDAK_MENGAJAR",
    "has_inpassing": "INPASSING",
    "certified": "SUDAH_SERTIFIKASI",
    "additional_duty": "TUGAS_TAMBAHAN",
    "achievement": "PRESTASI",
    "degree_subject_id": "KODE_BIDANG_STUDI_IJAZAH",
    "mismatch_choice": "PILIHAN_SERTIFIKASI",
}


def fields_of(columns: Iterable[str]) -> tuple[str, ...]:
    """The fields the import writes for known teachers of a file with these header columns
    (normalised names), in TEACHER_FIELDS order."""
    present = set(columns)
    return tuple(name for name in TEACHER_FIELDS if FIELD_COLUMNS[name] in present)


# What the staged rows are made by: a change to any file in these folders (and their
# subpackages, such as the layout's) invalidates every stage.
_SOURCES = (
    Path(__file__).resolve().parents[2] / "rules" / "selection",
    Path(__file__).resolve().parents[2] / "tabular",
    Path(__file__).resolve().parent,
)


@dataclass(frozen=True, slots=True)
class Lookups:
    """What a check looks up in the registry: subject ids by code, schools by NPSN (region,
    level, in the officer's district?) and their ids."""

    subjects: dict[str, int]
    refs: dict[str, SchoolRef]
    school_ids: dict[str, int]


def code_files() -> list[tuple[str, Path]]:
    """The modules that make the staged rows (their tests left out), each with its name."""
    return [
        (f"{folder.name}/{path.relative_to(folder).as_posix()}", path)
        for folder in _SOURCES
        for path in sorted(folder.rglob("*.py"))
        if "tests" not in path.relative_to(folder).parts
    ]


@functools.cache
def _code_digest() -> str:
    digest = hashlib.sha256()
    for name, path in code_files():
        digest.update(name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def file_digest(stream: IO[bytes]) -> str:
    """The SHA-256 of a stored file (about 0.2 s for 160 MB)."""
    digest = hashlib.sha256()
    while block := stream.read(1 << 20):
        digest.update(block)
    return digest.hexdigest()


def fingerprint(
    *, file: str, lookups: Lookups, date_format: str, district_id: int | None, plain: bool
) -> str:
    """What the staged rows of a batch depend on, as one digest (see the module's doc)."""
    schools = sorted(
        (npsn, lookups.school_ids[npsn], ref.region, ref.level, ref.allowed)
        for npsn, ref in lookups.refs.items()
    )
    facts = (_code_digest(), file, date_format, district_id, plain)
    digest = hashlib.sha256(repr(facts).encode())
    digest.update(repr(sorted(lookups.subjects.items())).encode())
    digest.update(repr(schools).encode())
    return digest.hexdigest()


def _quote(name: str) -> str:
    return str(connection.ops.quote_name(name))


class Stage:
    """The staging table of one batch: `line`, the NUPTK, TEACHER_FIELDS, the main school's
    id, the weekly hours and the other schools, one row per good row of the file."""

    def __init__(self, batch_id: int) -> None:
        self.table = f"{PREFIX}{int(batch_id)}"
        self.name = _quote(self.table)

    @staticmethod
    def columns() -> list[tuple[str, str]]:
        """(column, PostgreSQL type) of the stage, in order."""
        fields = {f.attname: f for f in Teacher._meta.concrete_fields}
        teacher = [fields[name] for name in ("nuptk", *TEACHER_FIELDS)]
        return [
            ("line", "integer"),
            *((str(f.column), str(f.db_type(connection))) for f in teacher),
            ("school_id", "bigint"),
            ("weekly_hours", "smallint"),
            ("other_schools", "text"),  # SEKOLAH_LAIN as ParsedRow holds it, NPSN:JAM;…
        ]

    def create(self) -> None:
        """A new, empty stage (a leftover one of the same batch is dropped)."""
        definition = ", ".join(f"{_quote(name)} {kind}" for name, kind in self.columns())
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {self.name}")
            cursor.execute(f"CREATE UNLOGGED TABLE {self.name} ({definition})")

    def add_frame(self, good: pl.DataFrame, lookups: Lookups) -> None:
        """Append the good rows of one batch of the column check (`Checked.good`): one COPY
        fed from polars' CSV writer."""
        if good.is_empty():
            return
        subject = pl.col("subject_code").replace_strict(lookups.subjects, return_dtype=pl.Int64)
        degree = pl.col("degree_subject_code").replace_strict(
            {"": None, **lookups.subjects}, return_dtype=pl.Int64
        )
        derived = {"subject_id": subject, "degree_subject_id": degree}
        teacher = [derived.get(name, pl.col(name)).alias(name) for name in TEACHER_FIELDS]
        school = pl.col("npsn").replace_strict(lookups.school_ids, return_dtype=pl.Int64)
        staged = good.select(
            "line", "nuptk", *teacher, school.alias("school_id"), "weekly_hours", "other_schools"
        )
        buffer = io.BytesIO()
        staged.write_csv(buffer, include_header=False)
        buffer.seek(0)
        texts = ", ".join(
            _quote(name) for name, kind in self.columns() if kind.startswith(("varc", "text"))
        )
        with connection.cursor() as cursor:
            raw: Any = cursor.cursor  # the psycopg cursor under Django's wrapper
            with raw.copy(
                f"COPY {self.name} FROM STDIN (FORMAT csv, FORCE_NOT_NULL ({texts}))"
            ) as copy:
                while block := buffer.read(1 << 20):
                    copy.write(block)

    def add_rows(self, rows: Iterable[ParsedRow], lookups: Lookups) -> None:
        """Append good rows of the row parser."""
        with connection.cursor() as cursor:
            raw: Any = cursor.cursor
            with raw.copy(f"COPY {self.name} FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(_values(row, lookups))

    def index(self) -> None:
        """Index the lines, for an import that reads the stage in ranges of lines. (No ANALYZE
        after the dry run: the planner's estimate from the table's size serves these plans
        as well, measured, and autovacuum analyses the table meanwhile.)"""
        with connection.cursor() as cursor:
            cursor.execute(f"CREATE INDEX IF NOT EXISTS {self.table}_line ON {self.name} (line)")

    def count(self) -> int | None:
        """How many rows the stage holds; None when there is no such table."""
        with connection.cursor() as cursor:
            cursor.execute("SELECT to_regclass(%s) IS NOT NULL", [self.name])
            if not cursor.fetchone()[0]:
                return None
            cursor.execute(f"SELECT count(*) FROM {self.name}")  # nosec B608 # quoted names from model _meta, values bound
            return int(cursor.fetchone()[0])

    def drop_outside(self, district_id: int) -> int:
        """Remove the staged rows of teachers whose main school lies in another district than
        `district_id` (one moved there since the dry run); how many were removed."""
        t, a = Teacher._meta, TeachingAssignment._meta
        school, sub = School._meta, Subdistrict._meta

        def col(meta: Any, attname: str) -> str:
            return _quote(next(f.column for f in meta.concrete_fields if f.attname == attname))

        nuptk = col(t, "nuptk")
        sql = (
            f"DELETE FROM {self.name} s USING {_quote(t.db_table)} t, {_quote(a.db_table)} a, "  # nosec B608 # quoted names from model _meta, values bound
            f"{_quote(school.db_table)} sc, {_quote(sub.db_table)} sd "
            f"WHERE s.{nuptk} = t.{nuptk} AND a.{col(a, 'teacher_id')} = t.{col(t, 'id')} "
            f"AND a.{col(a, 'is_main')} AND a.{col(a, 'school_id')} = sc.{col(school, 'id')} "
            f"AND sc.{col(school, 'subdistrict_id')} = sd.{col(sub, 'id')} "
            f"AND sd.{col(sub, 'district_id')} <> %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [district_id])
            return int(cursor.rowcount)

    def drop(self) -> None:
        """Remove the stage (nothing happens when there is none)."""
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {self.name}")


def teacher_values(row: ParsedRow, subjects: dict[str, int]) -> dict[str, object]:
    """The TEACHER_FIELDS of a good row, subject codes turned into ids (both write paths)."""
    derived = {
        "subject_id": subjects[row.subject_code],
        "degree_subject_id": subjects[row.degree_subject_code] if row.degree_subject_code else None,
    }
    return {
        name: derived[name] if name in derived else getattr(row, name) for name in TEACHER_FIELDS
    }


def _values(row: ParsedRow, lookups: Lookups) -> tuple[object, ...]:
    teacher = teacher_values(row, lookups.subjects).values()
    school = lookups.school_ids[row.npsn]
    return (row.line, row.nuptk, *teacher, school, row.weekly_hours, row.other_schools)


def stage_sweep() -> None:
    """Drop the stages no import can use any more: of batches that are gone, imported,
    unreadable or stalled (a stage is as large as its good rows)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
            "AND tablename LIKE %s",
            [PREFIX.replace("_", r"\_") + "%"],
        )
        names = [name[len(PREFIX) :] for (name,) in cursor.fetchall()]
    found = {int(name) for name in names if name.isdigit()}
    live = [
        batch.pk
        for batch in ImportBatch.objects.filter(
            pk__in=found,
            status__in=[
                ImportBatch.Status.CHECKING,
                ImportBatch.Status.CHECKED,
                ImportBatch.Status.APPLYING,
            ],
        ).only("pk", "status", "beat_at", "created_at")
        if not batch.is_stalled
    ]
    for batch_id in sorted(found - set(live)):
        Stage(batch_id).drop()
