"""Loading a full salary table from a CSV or XLSX file (docs/allowance.md, "Amount"): streamed,
every cell checked by the rules core, a dry run listing every bad line; nothing is saved while
one line is wrong."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from sergur.accounts.models import User
from sergur.common.audit import audit_record
from sergur.payments.models import SalaryRow, SalaryTable
from sergur.payments.selectors import payment_params
from sergur.registry.models import District
from sergur.rules.allowance.amount import COLUMNS, TableError, check_table
from sergur.rules.messages import msg
from sergur.tabular.readers import ReadError, read_csv, read_xlsx

MAX_BYTES = 2 * 1024 * 1024
MAX_LINES = 2000
TOO_LARGE = _("The file is larger than 2 MB; a salary table is a few hundred lines.")
TOO_LONG = _("The file has more than 2000 lines; a salary table is a few hundred lines.")
ENDS_BEFORE = _("The end date is before the start date.")
XLSX_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True)
class TableLoad:
    """What a load found: the rows read, every problem, and the table saved (None on a dry run
    or when a line is wrong)."""

    rows: int
    errors: tuple[TableError, ...]
    table: SalaryTable | None


def file_rows(
    stream: IO[bytes], *, max_lines: int = MAX_LINES, too_long: StrOrPromise = TOO_LONG
) -> Iterator[tuple[int, dict[str, str]]]:
    """The file's rows with lower-case column names, streamed; the type is read from the bytes
    (an XLSX workbook is a zip), never from the name. More than `max_lines` rows is refused
    with `too_long`."""
    stream.seek(0)
    head = stream.read(4)
    stream.seek(0)
    rows = read_xlsx(stream) if head == XLSX_MAGIC else read_csv(stream)
    for count, (line, cells) in enumerate(rows, start=1):
        if count > max_lines:
            raise ValidationError(too_long, code="too_long")
        yield line, {key.lower(): value for key, value in cells.items()}


class _Columns:
    """Remembers the columns of the first row while the rows stream through."""

    def __init__(self, rows: Iterator[tuple[int, dict[str, str]]]) -> None:
        self.rows = rows
        self.first: set[str] | None = None

    def __iter__(self) -> Iterator[tuple[int, dict[str, str]]]:
        for line, cells in self.rows:
            if self.first is None:
                self.first = set(cells)
            yield line, cells

    def missing(self) -> tuple[TableError, ...]:
        """A header without a column reads every line as a bad cell; say so first."""
        if self.first is None:
            return ()
        return tuple(
            TableError(1, column, msg("pay.csv.missing_column", column=column))
            for column in COLUMNS
            if column not in self.first
        )


def salary_table_load(
    *,
    actor: User,
    district: District,
    regulation: str,
    effective_from: dt.date,
    effective_to: dt.date | None,
    upload: UploadedFile[Any],
    dry_run: bool,
    now: dt.datetime,
) -> TableLoad:
    """Check a salary table file (golongan, mkg, amount columns) and, unless `dry_run` or a
    line is wrong, save it as the district's table from `effective_from`."""
    if upload.size is not None and upload.size > MAX_BYTES:
        raise ValidationError(TOO_LARGE, code="too_large")
    if effective_to is not None and effective_to < effective_from:
        raise ValidationError(ENDS_BEFORE, code="dates")
    params = payment_params(effective_from.year)
    rows = _Columns(file_rows(upload))
    try:
        checked = check_table(rows, params.max_mkg_step)
    except ReadError as error:
        return TableLoad(0, (TableError(error.line, "", error.message),), None)
    errors = rows.missing() + checked.errors
    if errors or dry_run:
        return TableLoad(len(checked.rows), errors, None)
    with transaction.atomic():
        table = SalaryTable.objects.create(
            district=district,
            regulation=regulation.strip(),
            effective_from=effective_from,
            effective_to=effective_to,
            loaded_at=now,
            loaded_by=actor,
        )
        SalaryRow.objects.bulk_create(
            SalaryRow(table=table, golongan=r.golongan, mkg=r.mkg, amount=r.amount)
            for r in checked.rows
        )
        audit_record(
            action="payments.table_loaded",
            user=actor,
            object_kind="salary_table",
            object_id=table.pk,
            district_id=district.pk,
            detail={"rows": len(checked.rows)},
            now=now,
        )
    return TableLoad(len(checked.rows), (), table)
