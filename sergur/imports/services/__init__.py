"""Writes of imports: store an upload, check it (dry run) and apply it to the registry.

`import_check` and `import_apply` are plain functions of a batch, run inline today; a Celery
task can call them unchanged later. Both stream the stored file: memory does not grow with
the number of rows (only the set of NUPTKs seen, a few tens of bytes a row).
"""

from __future__ import annotations

import zipfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import connection, transaction
from django.utils.translation import gettext_lazy as _

from sergur.accounts.models import User
from sergur.imports import bulk
from sergur.imports.models import ImportBatch, ImportProblem
from sergur.imports.selectors import school_refs, subject_ids
from sergur.registry.models import Teacher, TeachingAssignment
from sergur.rules.messages import msg
from sergur.rules.selection.columns import NotPlain
from sergur.rules.selection.layout import (
    DateFormat,
    ParsedRow,
    ReadError,
    RowChecker,
    RowProblem,
    read_csv,
    read_xlsx,
)

SAMPLE = 64 * 1024  # bytes read to recognise the kind of an upload
CHUNK = 2000  # rows a database round trip; also how often progress is written
NOT_UTF8 = _("The CSV file is not UTF-8 text. Save it again as “CSV UTF-8”.")
NOT_XLSX = _("The file is not an XLSX workbook (a zip with an Excel workbook inside).")
WRONG_KIND = _("Upload a .csv or .xlsx file.")
NOT_CHECKED = _("The file must be checked (dry run) before it is imported.")
HAS_ERRORS = _("The file has errors: import all is only possible without a single error.")
NO_GOOD_ROWS = _("There are no good rows to import.")
CHANGED = _("The data changed since the dry run; nothing was imported. Check the file again.")
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
)


class _Changed(Exception):
    """A row that was good in the dry run is bad now: roll the whole import back."""


# -- upload ---------------------------------------------------------------------------------


def _kind_of(name: str, head: bytes, stream: IO[bytes]) -> str:
    """The file's kind, from its content: an XLSX is a zip holding a workbook; a CSV is text
    that decodes as UTF-8 (checked again line by line when it is read)."""
    lower = name.lower()
    if lower.endswith(".xlsx"):
        if not zipfile.is_zipfile(stream):
            raise ValidationError(NOT_XLSX, code="not_xlsx")
        with zipfile.ZipFile(stream) as archive:
            parts = set(archive.namelist())
        if not {"[Content_Types].xml", "xl/workbook.xml"} <= parts:
            raise ValidationError(NOT_XLSX, code="not_xlsx")
        return ImportBatch.Kind.XLSX
    if lower.endswith((".csv", ".txt")):
        if head.startswith(b"PK\x03\x04") or b"\x00" in head:
            raise ValidationError(NOT_UTF8, code="not_utf8")
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as exc:
            cut = len(head) == SAMPLE and exc.start >= SAMPLE - 4  # a character cut in two
            if not cut:
                raise ValidationError(NOT_UTF8, code="not_utf8") from None
        return ImportBatch.Kind.CSV
    raise ValidationError(WRONG_KIND, code="wrong_kind")


def import_batch_create(
    *, actor: User, upload: UploadedFile[Any], date_format: str = ImportBatch.DateFormat.ISO
) -> ImportBatch:
    """Store an uploaded file under a random name as a new batch (Buku 1 data exchange)."""
    stream = upload.file
    if stream is None:
        raise ValidationError(WRONG_KIND, code="wrong_kind")
    stream.seek(0)
    head = stream.read(SAMPLE)
    stream.seek(0)
    kind = _kind_of(upload.name or "", head, stream)
    stream.seek(0)
    district = None if actor.role == User.Role.OPERATOR or actor.is_superuser else actor.district
    batch = ImportBatch(
        created_by=actor,
        district=district,
        original_name=(upload.name or "")[:255],
        kind=kind,
        date_format=date_format,
        bytes_total=upload.size or 0,
    )
    batch.file.save(batch_file_stub(kind), upload, save=False)
    batch.full_clean()
    batch.save()
    return batch


def batch_file_stub(kind: str) -> str:
    """The name handed to the storage; `upload_to` replaces it with a random one (§9.5)."""
    return f"import.{kind}"


# -- reading --------------------------------------------------------------------------------


@contextmanager
def _rows(batch: ImportBatch) -> Iterator[tuple[Iterator[tuple[int, dict[str, str]]], IO[Any]]]:
    with batch.file.open("rb") as stream:
        reader = read_csv(stream) if batch.kind == ImportBatch.Kind.CSV else read_xlsx(stream)
        yield reader, stream


def _checker(batch: ImportBatch) -> tuple[RowChecker, dict[str, int], dict[str, int]]:
    refs, school_ids = school_refs(district_id=batch.district_id)
    subjects = subject_ids()
    return RowChecker(subjects, refs, date_format=_date_format(batch)), subjects, school_ids


def _progress(batch: ImportBatch, stream: IO[Any]) -> None:
    try:
        position = stream.tell()
    except (OSError, ValueError):  # pragma: no cover - every storage used here can tell
        return
    percent = min(99, position * 100 // max(batch.bytes_total, 1))
    ImportBatch.objects.filter(pk=batch.pk).update(progress=percent)


def _stored(batch: ImportBatch, problem: RowProblem) -> ImportProblem:
    return ImportProblem(
        batch=batch,
        line=max(problem.line, 0),
        column=problem.column[:40],
        code=problem.message.code,
        params=dict(problem.message.params),
        warning=problem.warning,
    )


# -- check ----------------------------------------------------------------------------------


def import_check(*, batch: ImportBatch) -> ImportBatch:
    """Dry run: parse every row, store every problem, write nothing to the registry
    (facts.md §8: identity problems are reported, never fixed silently)."""
    batch.problems.all().delete()
    batch.status = ImportBatch.Status.CHECKING
    batch.progress = 0
    batch.rows_total = batch.rows_valid = batch.rows_invalid = batch.file_errors = 0
    batch.save()
    batch.plain = False
    if batch.kind == ImportBatch.Kind.CSV:
        try:
            return _check_plain(batch)
        except NotPlain:  # not a plain CSV: every row through the row reader and parser
            batch.problems.all().delete()
    checker, _subjects, _schools = _checker(batch)
    pending: list[ImportProblem] = []
    total = valid = invalid = file_errors = 0
    with _rows(batch) as (reader, stream):
        try:
            for line, row in reader:
                result = checker.check(line, row)
                if total == 0:
                    pending += [_stored(batch, p) for p in checker.header or ()]
                    file_errors += checker.blocking_header
                total += 1
                if isinstance(result, ParsedRow):
                    valid += 1
                    pending += [_stored(batch, p) for p in result.warnings]
                else:
                    invalid += 1
                    pending += [_stored(batch, p) for p in result]
                if total % CHUNK == 0:
                    ImportProblem.objects.bulk_create(pending)
                    pending = []
                    _progress(batch, stream)
        except ReadError as error:
            file_errors += 1
            pending.append(_stored(batch, RowProblem(error.line, "", "", error.message)))
    if total == 0 and file_errors == 0:
        file_errors = 1
        pending.append(_stored(batch, RowProblem(1, "", "", msg("import.no_rows"))))
    ImportProblem.objects.bulk_create(pending)
    batch.rows_total, batch.rows_valid, batch.rows_invalid = total, valid, invalid
    batch.file_errors = file_errors
    batch.status = ImportBatch.Status.CHECKED if file_errors == 0 else ImportBatch.Status.FAILED
    batch.progress = 100
    batch.save()
    return batch


def _date_format(batch: ImportBatch) -> DateFormat:
    return "DD/MM/YYYY" if batch.date_format == "DD/MM/YYYY" else "YYYY-MM-DD"


def _plain_checker(batch: ImportBatch) -> tuple[bulk.Checker, dict[str, int], dict[str, int]]:
    refs, school_ids = school_refs(district_id=batch.district_id)
    subjects = subject_ids()
    return bulk.Checker(subjects, refs, date_format=_date_format(batch)), subjects, school_ids


def _check_plain(batch: ImportBatch) -> ImportBatch:
    """The dry run of a plain CSV, batch by batch (the fast path; docs/import.md "Speed")."""
    checker, _subjects, _schools = _plain_checker(batch)
    total = valid = invalid = 0
    with batch.file.open("rb") as stream:
        for part, checked in bulk.checked_batches(
            stream, checker, lambda: _progress(batch, stream)
        ):
            stored = [_stored(batch, p) for p in part.header] if total == 0 else []
            stored += [_stored(batch, p) for p in checked.problems]
            ImportProblem.objects.bulk_create(stored, batch_size=CHUNK)
            total += checked.rows
            invalid += checked.invalid
            valid += checked.rows - checked.invalid
    batch.rows_total, batch.rows_valid, batch.rows_invalid = total, valid, invalid
    batch.file_errors = 0
    batch.status = ImportBatch.Status.CHECKED
    batch.progress = 100
    batch.plain = True
    batch.save()
    return batch


def _apply_plain(batch: ImportBatch, mode: str) -> tuple[int, int]:
    """Import the good rows of a plain CSV batch by batch: COPY and set-based upserts on
    PostgreSQL, the ORM elsewhere. Raises NotPlain before writing anything if the file is
    not plain (it was plain at the dry run unless it changed)."""
    checker, subjects, schools = _plain_checker(batch)
    created = updated = 0
    all_or_nothing = mode == ImportBatch.Mode.ALL_OR_NOTHING
    with batch.file.open("rb") as stream:
        for _part, checked in bulk.checked_batches(
            stream, checker, lambda: _progress(batch, stream)
        ):
            if checked.invalid and all_or_nothing:
                raise _Changed
            good = checked.good
            if good is None or good.is_empty():
                continue
            with transaction.atomic():
                if connection.vendor == "postgresql":
                    made, changed = bulk.upsert_postgresql(good, subjects, schools, TEACHER_FIELDS)
                else:
                    made = changed = 0
                    rows = bulk.parsed_rows(good)
                    for start in range(0, len(rows), CHUNK):
                        one, two = _upsert(rows[start : start + CHUNK], subjects, schools)
                        made, changed = made + one, changed + two
            created, updated = created + made, updated + changed
    return created, updated


# -- apply ----------------------------------------------------------------------------------


def _teacher_values(row: ParsedRow, subjects: dict[str, int]) -> dict[str, object]:
    return {
        "nip": row.nip,
        "name": row.name,
        "birth_place": row.birth_place,
        "birth_date": row.birth_date,
        "gender": row.gender,
        "employment": row.employment,
        "rank": row.rank,
        "subject_id": subjects[row.subject_code],
        "education_level": row.education_level,
        "degree_date": row.degree_date,
        "teacher_since": row.teacher_since,
        "permanent_since": row.permanent_since,
        "service_gap_months": row.service_gap_months,
        "has_inpassing": row.has_inpassing,
        "certified": row.certified,
        "additional_duty": row.additional_duty,
        "achievement": row.achievement,
    }


def _upsert(
    rows: list[ParsedRow], subjects: dict[str, int], schools: dict[str, int]
) -> tuple[int, int]:
    """Create or update the teachers of one chunk and their main school; (created, updated).
    A row equal to what the registry holds changes nothing (idempotence)."""
    existing = {t.nuptk: t for t in Teacher.objects.filter(nuptk__in=[r.nuptk for r in rows])}
    fresh = [row for row in rows if row.nuptk not in existing]
    _create(fresh, subjects, schools)
    changed: list[Teacher] = []
    for row in rows:
        teacher = existing.get(row.nuptk)
        if teacher is None:
            continue
        differs = False
        for field, value in _teacher_values(row, subjects).items():
            if getattr(teacher, field) != value:
                setattr(teacher, field, value)
                differs = True
        if differs:
            changed.append(teacher)
    Teacher.objects.bulk_update(changed, TEACHER_FIELDS, batch_size=CHUNK)
    assignments: dict[int, list[TeachingAssignment]] = defaultdict(list)
    for assignment in TeachingAssignment.objects.filter(
        teacher_id__in=[t.pk for t in existing.values()]
    ):
        assignments[assignment.teacher_id].append(assignment)
    to_create: list[TeachingAssignment] = []
    touched = {t.pk for t in changed}
    for row in rows:
        teacher = existing.get(row.nuptk)
        if teacher is not None and _main_school(
            teacher, schools[row.npsn], row.weekly_hours, assignments, to_create
        ):
            touched.add(teacher.pk)
    TeachingAssignment.objects.bulk_create(to_create, batch_size=CHUNK)
    return len(fresh), len(touched)


def _copy(table: str, columns: list[str], rows: Iterable[tuple[Any, ...]]) -> None:
    """Insert rows with PostgreSQL's COPY (the rows were validated by the layout already)."""
    names = ", ".join(connection.ops.quote_name(column) for column in columns)
    with connection.cursor() as cursor:
        raw: Any = cursor.cursor  # the psycopg cursor under Django's wrapper
        with raw.copy(f"COPY {connection.ops.quote_name(table)} ({names}) FROM STDIN") as copy:
            for values in rows:
                copy.write_row(values)


def _create(rows: list[ParsedRow], subjects: dict[str, int], schools: dict[str, int]) -> None:
    """Create new teachers with their main school: COPY on PostgreSQL (no model objects, the
    fast path of bench/import_rows.py), bulk_create elsewhere."""
    if not rows:
        return
    if connection.vendor != "postgresql":
        made = Teacher.objects.bulk_create(
            [Teacher(nuptk=row.nuptk, **_teacher_values(row, subjects)) for row in rows],
            batch_size=CHUNK,
        )
        TeachingAssignment.objects.bulk_create(
            [
                TeachingAssignment(
                    teacher=teacher, school_id=schools[row.npsn], weekly_hours=row.weekly_hours
                )
                for teacher, row in zip(made, rows, strict=True)
            ],
            batch_size=CHUNK,
        )
        return
    columns = {f.attname: str(f.column) for f in Teacher._meta.concrete_fields}
    names = [columns[name] for name in ("nuptk", *TEACHER_FIELDS)]
    names += [columns["has_teaching_license"], columns["special_area"]]
    _copy(
        Teacher._meta.db_table,
        names,
        ((row.nuptk, *_teacher_values(row, subjects).values(), False, False) for row in rows),
    )
    ids = dict(
        Teacher.objects.filter(nuptk__in=[row.nuptk for row in rows]).values_list("nuptk", "pk")
    )
    _copy(
        TeachingAssignment._meta.db_table,
        ["teacher_id", "school_id", "weekly_hours", "is_main"],
        ((ids[row.nuptk], schools[row.npsn], row.weekly_hours, True) for row in rows),
    )


def _main_school(
    teacher: Teacher,
    school_id: int,
    hours: int,
    assignments: dict[int, list[TeachingAssignment]],
    to_create: list[TeachingAssignment],
) -> bool:
    """Make `school_id` the teacher's main school with `hours`; whether anything changed."""
    held = assignments.get(teacher.pk, [])
    at_school = next((a for a in held if a.school_id == school_id), None)
    main = next((a for a in held if a.is_main), None)
    if at_school is not None and at_school.is_main:
        if at_school.weekly_hours == hours:
            return False
        at_school.weekly_hours = hours
        at_school.save(update_fields=["weekly_hours"])
        return True
    if at_school is not None:
        if main is not None:  # the old main school stays as a second school
            main.is_main = False
            main.save(update_fields=["is_main"])
        at_school.is_main, at_school.weekly_hours = True, hours
        at_school.save(update_fields=["is_main", "weekly_hours"])
        return True
    if main is not None:
        main.school_id, main.weekly_hours = school_id, hours
        main.save(update_fields=["school", "weekly_hours"])
        return True
    to_create.append(
        TeachingAssignment(teacher=teacher, school_id=school_id, weekly_hours=hours, is_main=True)
    )
    return True


def _apply_rows(batch: ImportBatch, mode: str) -> tuple[int, int]:
    checker, subjects, schools = _checker(batch)
    created = updated = 0
    chunk: list[ParsedRow] = []
    all_or_nothing = mode == ImportBatch.Mode.ALL_OR_NOTHING

    def flush() -> None:
        nonlocal created, updated, chunk
        if chunk:
            with transaction.atomic():
                made, changed = _upsert(chunk, subjects, schools)
            created, updated, chunk = created + made, updated + changed, []

    with _rows(batch) as (reader, stream):
        try:
            for count, (line, row) in enumerate(reader, start=1):
                result = checker.check(line, row)
                if isinstance(result, ParsedRow):
                    chunk.append(result)
                elif all_or_nothing:
                    raise _Changed
                if count % CHUNK == 0:
                    flush()
                    _progress(batch, stream)
        except ReadError:
            raise _Changed from None
        if all_or_nothing and checker.blocking_header:
            raise _Changed
        flush()
    return created, updated


def _apply(batch: ImportBatch, mode: str) -> tuple[int, int]:
    if batch.plain:
        try:
            return _apply_plain(batch, mode)
        except NotPlain:  # pragma: no cover - a stored file does not change after its check
            raise _Changed from None
    return _apply_rows(batch, mode)


def import_apply(*, batch: ImportBatch, mode: str) -> ImportBatch:
    """Import a checked file into the registry, upserting by NUPTK: every row in one
    transaction (all or nothing), or only the good rows; a second run changes nothing."""
    if batch.status != ImportBatch.Status.CHECKED:
        raise ValidationError(NOT_CHECKED, code="not_checked")
    if mode == ImportBatch.Mode.ALL_OR_NOTHING and not batch.can_apply_all:
        raise ValidationError(HAS_ERRORS, code="has_errors")
    if mode == ImportBatch.Mode.GOOD_ROWS and not batch.can_apply_good:
        raise ValidationError(NO_GOOD_ROWS, code="no_good_rows")
    if mode not in {ImportBatch.Mode.ALL_OR_NOTHING, ImportBatch.Mode.GOOD_ROWS}:
        raise ValidationError(NOT_CHECKED, code="bad_mode")
    ImportBatch.objects.filter(pk=batch.pk).update(
        status=ImportBatch.Status.APPLYING, mode=mode, progress=0
    )
    try:
        if mode == ImportBatch.Mode.ALL_OR_NOTHING:
            with transaction.atomic():
                created, updated = _apply(batch, mode)
        else:
            created, updated = _apply(batch, mode)
    except _Changed:
        ImportBatch.objects.filter(pk=batch.pk).update(
            status=ImportBatch.Status.CHECKED, progress=100
        )
        batch.refresh_from_db()
        raise ValidationError(CHANGED, code="changed") from None
    batch.refresh_from_db()
    batch.mode = mode
    batch.rows_created, batch.rows_updated = created, updated
    batch.status = ImportBatch.Status.APPLIED
    batch.progress = 100
    batch.save()
    return batch
