"""The dry run of a batch: every row parsed, every problem stored, nothing written to the
registry. On PostgreSQL the good rows are left in the batch's staging table for the import
(docs/import.md, "Speed")."""

from __future__ import annotations

from django.db import connection
from django.utils import timezone

from sergur.imports import bulk
from sergur.imports.models import ImportBatch, ImportProblem
from sergur.imports.services.outside import outside_frame, outside_rows
from sergur.imports.services.reading import (
    CHUNK,
    batch_fingerprint,
    batch_lookups,
    date_format,
    log_stopped,
    opened_rows,
    progress,
    read_share,
    stored,
    stored_digest,
)
from sergur.rules.messages import msg
from sergur.rules.selection.layout import ParsedRow, RowChecker, RowProblem
from sergur.tabular.plain import NotPlain
from sergur.tabular.readers import ReadError


def import_check(*, batch: ImportBatch) -> ImportBatch:
    """Dry run: parse every row, store every problem, write nothing to the registry
    (docs/sources/domain.md §8: identity problems are reported, never fixed silently). An unexpected
    error fails the batch with a message that says so (logged without the rows' data), instead of
    leaving it "checking" for ever."""
    try:
        return _check(batch)
    except Exception as error:
        log_stopped("check", batch, error)
        if batch.pk is not None and connection.vendor == "postgresql":
            bulk.Stage(batch.pk).drop()
        batch.problems.all().delete()
        stored(batch, RowProblem(1, "", "", msg("import.stopped"))).save()
        ImportBatch.objects.filter(pk=batch.pk).update(
            status=ImportBatch.Status.FAILED, progress=100, file_errors=1, staged=""
        )
        batch.refresh_from_db()
        return batch


def _check(batch: ImportBatch) -> ImportBatch:
    batch.problems.all().delete()
    batch.status = ImportBatch.Status.CHECKING
    batch.beat_at = timezone.now()
    batch.progress = 0
    batch.rows_total = batch.rows_valid = batch.rows_invalid = batch.file_errors = 0
    batch.staged = ""
    batch.save()
    batch.plain = False
    lookups = batch_lookups(batch)
    stage = None
    digest = ""
    if connection.vendor == "postgresql":
        bulk.stage_sweep()
        digest = stored_digest(batch)  # before reading: a file changed meanwhile never matches
        stage = bulk.Stage(batch.pk)
        stage.create()
    checked = False
    if batch.kind == ImportBatch.Kind.CSV:
        try:
            _check_plain(batch, lookups, stage)
            checked = True
        except NotPlain:  # not a plain CSV: every row through the row reader and parser
            batch.problems.all().delete()
            if stage is not None:
                stage.create()
    if not checked:
        _check_rows(batch, lookups, stage)
    if stage is not None:
        if batch.status == ImportBatch.Status.CHECKED and batch.rows_valid:
            batch.staged = batch_fingerprint(batch, lookups, digest)
        else:
            stage.drop()
    batch.progress = 100
    batch.save()
    return batch


def _check_rows(batch: ImportBatch, lookups: bulk.Lookups, stage: bulk.Stage | None) -> None:
    """The dry run of any file, row by row (the row reader and parser)."""
    checker = RowChecker(lookups.subjects, lookups.refs, date_format=date_format(batch))
    pending: list[ImportProblem] = []
    good: list[ParsedRow] = []
    total = valid = invalid = file_errors = 0

    def flush() -> None:
        nonlocal pending, good, valid, invalid
        good, outside = outside_rows(good, batch.district_id)
        valid, invalid = valid - len(outside), invalid + len(outside)
        pending += [stored(batch, p) for p in outside]
        ImportProblem.objects.bulk_create(pending)
        if stage is not None and good:
            stage.add_rows(good, lookups)
        pending, good = [], []

    with opened_rows(batch) as (reader, stream):
        try:
            for line, row in reader:
                result = checker.check(line, row)
                if total == 0:
                    pending += [stored(batch, p) for p in checker.header or ()]
                    file_errors += checker.blocking_header
                total += 1
                if isinstance(result, ParsedRow):
                    valid += 1
                    good.append(result)
                    pending += [stored(batch, p) for p in result.warnings]
                else:
                    invalid += 1
                    pending += [stored(batch, p) for p in result]
                if total % CHUNK == 0:
                    flush()
                    progress(batch, read_share(batch, stream))
        except ReadError as error:
            file_errors += 1
            pending.append(stored(batch, RowProblem(error.line, "", "", error.message)))
    if total == 0 and file_errors == 0:
        file_errors = 1
        pending.append(stored(batch, RowProblem(1, "", "", msg("import.no_rows"))))
    flush()
    batch.rows_total, batch.rows_valid, batch.rows_invalid = total, valid, invalid
    batch.file_errors = file_errors
    batch.status = ImportBatch.Status.CHECKED if file_errors == 0 else ImportBatch.Status.FAILED


def _check_plain(batch: ImportBatch, lookups: bulk.Lookups, stage: bulk.Stage | None) -> None:
    """The dry run of a plain CSV, batch by batch (the fast path; docs/import.md "Speed")."""
    checker = bulk.Checker(lookups.subjects, lookups.refs, date_format=date_format(batch))
    total = valid = invalid = 0
    with batch.file.open("rb") as stream:
        for part, checked in bulk.checked_batches(
            stream, checker, lambda: progress(batch, read_share(batch, stream))
        ):
            problems = [stored(batch, p) for p in part.header] if total == 0 else []
            problems += [stored(batch, p) for p in checked.problems]
            if checked.good is not None:
                checked.good, outside = outside_frame(checked.good, batch.district_id)
                problems += [stored(batch, p) for p in outside]
                checked.invalid += len(outside)
            ImportProblem.objects.bulk_create(problems, batch_size=CHUNK)
            if stage is not None and checked.good is not None:
                stage.add_frame(checked.good, lookups)
            total += checked.rows
            invalid += checked.invalid
            valid += checked.rows - checked.invalid
    batch.rows_total, batch.rows_valid, batch.rows_invalid = total, valid, invalid
    batch.file_errors = 0
    batch.status = ImportBatch.Status.CHECKED
    batch.plain = True
