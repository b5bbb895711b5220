"""The import of a checked batch into the registry: an upsert by NUPTK, all or nothing or
the good rows only (docs/import.md, "The steps and the modes")."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import polars as pl
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models.functions import Now
from django.utils.translation import gettext_lazy as _

from sergur.accounts.models import User
from sergur.common.audit import Action, audit_record_many, entry_for
from sergur.imports import bulk
from sergur.imports.models import ImportBatch
from sergur.imports.services import orm
from sergur.imports.services.reading import (
    Changed,
    batch_fingerprint,
    batch_lookups,
    file_columns,
    good_parts,
    log_stopped,
    progress,
    stored_digest,
)
from sergur.registry.selectors import teacher_district_ids

NOT_CHECKED = _("The file must be checked (dry run) before it is imported.")
HAS_ERRORS = _("The file has errors: import all is only possible without a single error.")
NO_GOOD_ROWS = _("There are no good rows to import.")
CHANGED = _("The data changed since the dry run; nothing was imported. Check the file again.")
PARTLY = _(
    "The data changed since the dry run (teachers created by then: %(created)d; updated: "
    "%(updated)d); the rest of the file was not imported. Check the file again and "
    "import it again: what is imported already is not imported twice."
)
STOPPED = _(
    "The import stopped on an unexpected error (logged for the administrator); teachers "
    "created before it: %(created)d; updated: %(updated)d. Nothing else was imported; "
    "try again later."
)
STAGE_LINES = 100_000  # lines of the stage a transaction in good-rows mode (and a progress step)
AUDIT_CHUNK = 10_000  # audit records built and written at a time


def import_apply(*, batch: ImportBatch, mode: str, actor: User | None = None) -> ImportBatch:
    """Import a checked file into the registry, upserting by NUPTK: every row in one
    transaction (all or nothing), or only the good rows; a second run changes nothing. Each
    teacher created or changed gets a record in the audit trail, by `actor` (else the
    uploader), in the transaction that writes them."""
    if batch.status != ImportBatch.Status.CHECKED:
        raise ValidationError(NOT_CHECKED, code="not_checked")
    if mode == ImportBatch.Mode.ALL_OR_NOTHING and not batch.can_apply_all:
        raise ValidationError(HAS_ERRORS, code="has_errors")
    if mode == ImportBatch.Mode.GOOD_ROWS and not batch.can_apply_good:
        raise ValidationError(NO_GOOD_ROWS, code="no_good_rows")
    if mode not in {ImportBatch.Mode.ALL_OR_NOTHING, ImportBatch.Mode.GOOD_ROWS}:
        raise ValidationError(NOT_CHECKED, code="bad_mode")
    # Claimed in one statement: a second click (or a second officer) finds it APPLYING.
    claimed = ImportBatch.objects.filter(pk=batch.pk, status=ImportBatch.Status.CHECKED).update(
        status=ImportBatch.Status.APPLYING, mode=mode, progress=0, beat_at=Now()
    )
    if not claimed:
        batch.refresh_from_db()
        raise ValidationError(NOT_CHECKED, code="not_checked")
    done = _Done(actor=actor or batch.created_by)
    try:
        if mode == ImportBatch.Mode.ALL_OR_NOTHING:
            with transaction.atomic():
                _apply(batch, mode, done)
        else:
            _apply(batch, mode, done)
    except (Changed, IntegrityError):  # a row bad now, or a concurrent write to the registry
        partly = _back_to_checked(batch, mode, done)
        if partly:  # the ranges committed before stay: say how much
            params = {"created": done.created, "updated": done.updated}
            raise ValidationError(PARTLY, code="partly", params=params) from None
        raise ValidationError(CHANGED, code="changed") from None
    except Exception as error:  # a bug, a lost connection: never a batch "importing" for ever
        log_stopped("import", batch, error)
        partly = _back_to_checked(batch, mode, done)
        params = {
            "created": done.created if partly else 0,
            "updated": done.updated if partly else 0,
        }
        raise ValidationError(STOPPED, code="stopped", params=params) from None
    batch.refresh_from_db()
    batch.mode = mode
    batch.rows_created, batch.rows_updated = done.created, done.updated
    batch.status = ImportBatch.Status.APPLIED
    batch.progress = 100
    batch.staged = ""
    batch.save()
    return batch


def _back_to_checked(batch: ImportBatch, mode: str, done: _Done) -> bool:
    """After a failed import the batch is checked again, with the counts of what the
    committed transactions wrote (good rows only); whether anything was written."""
    partly = mode == ImportBatch.Mode.GOOD_ROWS and bool(done.created or done.updated)
    ImportBatch.objects.filter(pk=batch.pk).update(
        status=ImportBatch.Status.CHECKED,
        progress=100,
        rows_created=done.created if partly else 0,
        rows_updated=done.updated if partly else 0,
    )
    batch.refresh_from_db()
    return partly


@dataclass
class _Done:
    """Teachers created and updated by the transactions committed so far (in all-or-nothing
    mode, by the one transaction once it commits)."""

    actor: User | None = None
    created: int = 0
    updated: int = 0

    def add(self, created: int, updated: int) -> None:
        self.created += created
        self.updated += updated


def _audit_written(batch: ImportBatch, actor: User | None, ids: bulk.Written) -> None:
    """One audit record per teacher the import created or changed (their ids and the batch's,
    never their data), in the transaction of the write; `ids` is emptied."""
    for action, teacher_ids in (
        (Action.TEACHER_CREATED, ids.created),
        (Action.TEACHER_CHANGED, ids.updated),
    ):
        base = entry_for(
            action=action,
            user=actor,
            object_kind="teacher",
            district_id=batch.district_id,
            detail={"import": batch.pk},
        )
        for start in range(0, len(teacher_ids), AUDIT_CHUNK):
            chunk = teacher_ids[start : start + AUDIT_CHUNK]
            # An operator's import spans districts: each teacher's own.
            districts = teacher_district_ids(teacher_ids=chunk) if batch.district_id is None else {}
            entries = [
                dataclasses.replace(
                    base,
                    object_id=str(pk),
                    district_id=districts.get(pk, batch.district_id),
                )
                for pk in chunk
            ]
            audit_record_many(entries=entries)
        teacher_ids.clear()


def _apply(batch: ImportBatch, mode: str, done: _Done) -> None:
    lookups = batch_lookups(batch)
    columns = file_columns(batch)
    written = bulk.fields_of(columns)
    others = "SEKOLAH_LAIN" in columns
    if connection.vendor == "postgresql":
        _apply_staged(batch, mode, lookups, written, done, others)
        return
    for part in good_parts(batch, mode, lookups, lambda share: progress(batch, share)):
        rows = bulk.parsed_rows(part) if isinstance(part, pl.DataFrame) else part
        created = updated = 0
        ids = bulk.Written()
        with transaction.atomic():
            for start in range(0, len(rows), orm.CHUNK):
                made, changed = orm.upsert(
                    rows[start : start + orm.CHUNK],
                    lookups,
                    written,
                    other_schools=others,
                    ids=ids,
                )
                created, updated = created + made, updated + changed
            _audit_written(batch, done.actor, ids)
        done.add(created, updated)


def stage_is_current(batch: ImportBatch, lookups: bulk.Lookups, stage: bulk.Stage) -> bool:
    """Whether the batch's stage holds exactly what checking the file again would give: the
    same file, registry lookups and rules as at the dry run, and every good row staged."""
    if not batch.staged:
        return False
    if batch.staged != batch_fingerprint(batch, lookups, stored_digest(batch)):
        return False
    return stage.count() == batch.rows_valid


def _apply_staged(
    batch: ImportBatch,
    mode: str,
    lookups: bulk.Lookups,
    written: tuple[str, ...],
    done: _Done,
    others: bool,
) -> None:
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
    # A teacher who went to another district since the dry run is not written (docs/import.md).
    if batch.district_id is not None and stage.drop_outside(batch.district_id) and all_or_nothing:
        raise Changed
    if not all_or_nothing:
        stage.index()
    # All or nothing is one transaction (its progress is visible to nobody else): one range.
    ranges = bulk.stage_ranges(stage, None if all_or_nothing else STAGE_LINES)
    for number, lines in enumerate(ranges, start=1):
        ids = bulk.Written()
        with transaction.atomic():
            made, changed = bulk.stage_upsert(stage, lines, written, other_schools=others, ids=ids)
            _audit_written(batch, done.actor, ids)
        done.add(made, changed)
        progress(batch, start + span * number / len(ranges))
    stage.drop()
