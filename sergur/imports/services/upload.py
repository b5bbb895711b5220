"""Storing an upload: the file is recognised by its content and kept under a random name."""

from __future__ import annotations

import zipfile
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from sergur.accounts.models import User
from sergur.imports.models import ImportBatch

SAMPLE = 64 * 1024  # bytes read to recognise the kind of an upload
NOT_UTF8 = _("The CSV file is not UTF-8 text. Save it again as “CSV UTF-8”.")
NOT_XLSX = _("The file is not an XLSX workbook (a zip with an Excel workbook inside).")
WRONG_KIND = _("Upload a .csv or .xlsx file.")


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
