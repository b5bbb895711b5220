"""The import of a checked batch into the registry: an upsert by NUPTK, all or nothing or
the good rows only (docs/import.md, "The steps and the modes")."""

from __future__ import annotations

import polars as pl
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils.translation import gettext_lazy as _

from sergur.imports import bulk
from sergur.imports.models import ImportBatch
from sergur.imports.services import orm
from sergur.imports.services.reading import (
    Changed,
    batch_fingerprint,
    batch_lookups,
    file_columns,
    good_parts,
    progress,
    stored_digest,
)

NOT_CHECKED = _("The file must be checked (dry run) before it is imported.")
HAS_ERRORS = _("The file has errors: import all is only possible without a single error.")
NO_GOOD_ROWS = _("There are no good rows to import.")
CHANGED = _("The data changed since the dry run; nothing was imported. Check the file again.")
STAGE_LINES = 100_000  # lines of the stage a transaction in good-rows mode (and a progress step)


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
    except (Changed, IntegrityError):  # a row bad now, or a concurrent write to the registry
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
    batch.staged = ""
    batch.save()
    return batch


def _apply(batch: ImportBatch, mode: str) -> tuple[int, int]:
    lookups = batch_lookups(batch)
    written = bulk.fields_of(file_columns(batch))
    if connection.vendor == "postgresql":
        return _apply_staged(batch, mode, lookups, written)
    created = updated = 0
    for part in good_parts(batch, mode, lookups, lambda share: progress(batch, share)):
        rows = bulk.parsed_rows(part) if isinstance(part, pl.DataFrame) else part
        with transaction.atomic():
            for start in range(0, len(rows), orm.CHUNK):
                made, changed = orm.upsert(rows[start : start + orm.CHUNK], lookups, written)
                created, updated = created + made, updated + changed
    return created, updated


def stage_is_current(batch: ImportBatch, lookups: bulk.Lookups, stage: bulk.Stage) -> bool:
    """Whether the batch's stage holds exactly what checking the file again would give: the
    same file, registry lookups and rules as at the dry run, and every good row staged."""
    if not batch.staged:
        return False
    if batch.staged != batch_fingerprint(batch, lookups, stored_digest(batch)):
        return False
    return stage.count() == batch.rows_valid


def _apply_staged(
    batch: ImportBatch, mode: str, lookups: bulk.Lookups, written: tuple[str, ...]
) -> tuple[int, int]:
    """PostgreSQL: set-based writes from the stage the dry run left, or from a new one when
    anything changed since (the file is then checked again, as on every other path)."""
    stage = bulk.Stage(batch.pk)
    start, span = 0.0, 1.0
    if not stage_is_current(batch, lookups, stage):
        stage.create()
        for part in good_parts(batch, mode, lookups, lambda share: progress(batch, share / 2)):
            if isinstance(part, pl.DataFrame):
                stage.add_frame(part, lookups)
            else:
                stage.add_rows(part, lookups)
        start, span = 0.5, 0.5
    all_or_nothing = mode == ImportBatch.Mode.ALL_OR_NOTHING
    if not all_or_nothing:
        stage.index()
    # All or nothing is one transaction (its progress is visible to nobody else): one range.
    ranges = bulk.stage_ranges(stage, None if all_or_nothing else STAGE_LINES)
    created = updated = 0
    for number, lines in enumerate(ranges, start=1):
        with transaction.atomic():
            made, changed = bulk.stage_upsert(stage, lines, written)
        created, updated = created + made, updated + changed
        progress(batch, start + span * number / len(ranges))
    stage.drop()
    return created, updated
