"""What the check and the import share: the stored file read row by row or batch by batch,
the registry lookups, the digest of a stage, progress and stored problems."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import IO, Any

import polars as pl
from django.db.models.functions import Now

from sergur.common.errors import log_without_data
from sergur.imports import bulk
from sergur.imports.models import ImportBatch, ImportProblem
from sergur.imports.selectors import school_refs, subject_ids
from sergur.imports.services.outside import outside_frame, outside_rows
from sergur.rules.selection.layout import (
    EXTRA,
    DateFormat,
    ParsedRow,
    RowChecker,
    RowProblem,
    normalise_header,
)
from sergur.tabular.plain import NotPlain
from sergur.tabular.readers import ReadError, read_csv, read_xlsx

logger = logging.getLogger("sergur.imports")

CHUNK = 2000  # rows of the row path a database round trip; also how often progress is written


class Changed(Exception):
    """A row that was good in the dry run is bad now, or the file no longer reads as it did:
    roll the whole import back."""


def log_stopped(step: str, batch: ImportBatch, error: BaseException) -> None:
    """Log a check or import that stopped on an unexpected error, without the rows' data."""
    log_without_data(logger, f"{step} of import batch {batch.pk}", error)


def batch_lookups(batch: ImportBatch) -> bulk.Lookups:
    """The registry's subjects and schools as the batch's officer sees them (§4.4)."""
    refs, school_ids = school_refs(district_id=batch.district_id)
    return bulk.Lookups(subject_ids(), refs, school_ids)


def date_format(batch: ImportBatch) -> DateFormat:
    return "DD/MM/YYYY" if batch.date_format == "DD/MM/YYYY" else "YYYY-MM-DD"


def stored_digest(batch: ImportBatch) -> str:
    """The digest of the stored file as it is now."""
    with batch.file.open("rb") as stream:
        return bulk.file_digest(stream)


def batch_fingerprint(batch: ImportBatch, lookups: bulk.Lookups, digest: str) -> str:
    """What the batch's staged rows depend on (`bulk.fingerprint`)."""
    return bulk.fingerprint(
        file=digest,
        lookups=lookups,
        date_format=batch.date_format,
        district_id=batch.district_id,
        plain=batch.plain,
    )


@contextmanager
def opened_rows(
    batch: ImportBatch,
) -> Iterator[tuple[Iterator[tuple[int, dict[str, str]]], IO[Any]]]:
    """The row reader of the stored file, and the file (for progress)."""
    with batch.file.open("rb") as stream:
        reader = read_csv(stream) if batch.kind == ImportBatch.Kind.CSV else read_xlsx(stream)
        yield reader, stream


def file_columns(batch: ImportBatch) -> tuple[str, ...]:
    """The header columns of the stored file (normalised names); only its first row is read."""
    with opened_rows(batch) as (reader, _stream):
        for _line, row in reader:
            return tuple(normalise_header(key) for key in row if key != EXTRA)
    return ()


def read_share(batch: ImportBatch, stream: IO[Any]) -> float:
    """How much of the stored file has been read, 0 to 1."""
    try:
        position = stream.tell()
    except (OSError, ValueError):  # pragma: no cover - every storage used here can tell
        return 0.0
    return float(position) / max(batch.bytes_total, 1)


def progress(batch: ImportBatch, share: float) -> None:
    """Write the progress (`share` of the work done, 0 to 1) for the page that polls it."""
    percent = min(99, int(share * 100))
    ImportBatch.objects.filter(pk=batch.pk).update(progress=percent, beat_at=Now())


def stored(batch: ImportBatch, problem: RowProblem) -> ImportProblem:
    return ImportProblem(
        batch=batch,
        line=max(problem.line, 0),
        column=problem.column[:40],
        code=problem.message.code,
        params=dict(problem.message.params),
        warning=problem.warning,
    )


def good_parts(
    batch: ImportBatch, mode: str, lookups: bulk.Lookups, share: Callable[[float], None]
) -> Iterator[pl.DataFrame | list[ParsedRow]]:
    """The good rows of a checked batch, checked again from the file the way its dry run read
    it: frames of the column check (plain CSV) or lists of at most CHUNK parsed rows. In all
    or nothing, any row that is bad now raises Changed; so does a file that no longer reads.
    `share` gets the part of the file read after each part."""
    all_or_nothing = mode == ImportBatch.Mode.ALL_OR_NOTHING
    if batch.plain:
        checker = bulk.Checker(lookups.subjects, lookups.refs, date_format=date_format(batch))
        with batch.file.open("rb") as stream:
            try:
                for _part, checked in bulk.checked_batches(
                    stream, checker, lambda: share(read_share(batch, stream))
                ):
                    good = checked.good
                    if good is not None:
                        good, outside = outside_frame(good, batch.district_id)
                        checked.invalid += len(outside)
                    if checked.invalid and all_or_nothing:
                        raise Changed
                    if good is not None and not good.is_empty():
                        yield good
            except NotPlain:  # pragma: no cover - a stored file does not change after its check
                raise Changed from None
        return
    row_checker = RowChecker(lookups.subjects, lookups.refs, date_format=date_format(batch))
    chunk: list[ParsedRow] = []
    with opened_rows(batch) as (reader, stream):
        try:
            for count, (line, row) in enumerate(reader, start=1):
                result = row_checker.check(line, row)
                if isinstance(result, ParsedRow):
                    chunk.append(result)
                elif all_or_nothing:
                    raise Changed
                if count % CHUNK == 0:
                    chunk = _own(chunk, batch, all_or_nothing)
                    if chunk:
                        yield chunk
                    chunk = []
                    share(read_share(batch, stream))
        except ReadError:
            raise Changed from None
        if all_or_nothing and row_checker.blocking_header:
            raise Changed
        chunk = _own(chunk, batch, all_or_nothing)
        if chunk:
            yield chunk


def _own(chunk: list[ParsedRow], batch: ImportBatch, all_or_nothing: bool) -> list[ParsedRow]:
    """The rows of teachers the batch's district may write; in all or nothing a teacher who
    went to another district since the dry run raises Changed."""
    kept, outside = outside_rows(chunk, batch.district_id)
    if outside and all_or_nothing:
        raise Changed
    return kept
