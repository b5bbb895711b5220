"""Evidence files: checked by content and integrity, size-capped, hashed, one place only."""

from __future__ import annotations

import hashlib
import os
import unicodedata
from typing import Any

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.text import get_valid_filename
from django.utils.translation import gettext
from PIL import Image, UnidentifiedImageError
from pypdf import PdfReader
from pypdf.errors import PyPdfError

from sergur.accounts.models import User
from sergur.cases.models import CaseEvent
from sergur.cases.services import case_event_record
from sergur.portfolios.models import Entry, Evidence
from sergur.portfolios.sections import BY_KEY, codes
from sergur.portfolios.services.base import (
    ACCEPTED_TYPES,
    ALREADY_USED,
    BROKEN_IMAGE,
    BROKEN_PDF,
    EMPTY_FILE,
    TOO_LARGE,
    WRONG_TYPE,
    ensure_editable,
)


def human_size(size: int) -> str:
    """A file size as people read it."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} B"


def evidence_content_check(upload: UploadedFile[Any]) -> str:
    """The file's real type (by its bytes, not its name), after checking it can be read."""
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    if not head:
        raise ValidationError(EMPTY_FILE, code="empty")
    kind = filetype.guess(head)
    mime = kind.mime if kind is not None else None
    if mime not in ACCEPTED_TYPES:
        found = mime or gettext("not a known document type")
        raise ValidationError(WRONG_TYPE, code="wrong_type", params={"found": found})
    if mime == Evidence.Kind.PDF:
        try:
            reader = PdfReader(upload)
            if len(reader.pages) < 1:
                raise PyPdfError("no pages")
        except (PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
            detail = str(exc)[:120] or type(exc).__name__
            raise ValidationError(
                BROKEN_PDF, code="broken_pdf", params={"detail": detail}
            ) from None
    else:
        try:
            with Image.open(upload) as image:
                image.verify()
        except (
            UnidentifiedImageError,
            Image.DecompressionBombError,
            OSError,
            SyntaxError,
            ValueError,
        ):
            raise ValidationError(BROKEN_IMAGE, code="broken_image") from None
    upload.seek(0)
    return str(mime)


def _sha256(upload: UploadedFile[Any]) -> str:
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def safe_file_name(name: str) -> str:
    """A file name safe to show and to put in a download header: no path, no control
    characters, at most 120 characters."""
    base = os.path.basename(name.replace("\\", "/"))
    printable = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C")
    cleaned = get_valid_filename(printable) if printable.strip(" .") else ""
    return (cleaned or "dokumen")[-120:]


def entry_code(entry: Entry) -> str:
    """The evidence code of a row (one query for its table)."""
    section = BY_KEY[entry.section]
    rows = list(
        Entry.objects.filter(case_id=entry.case_id, section=entry.section)
        .order_by("position")
        .values_list("pk", "values")
    )
    row_codes = codes(section, [values for _, values in rows])
    return next(code for (pk, _), code in zip(rows, row_codes, strict=True) if pk == entry.pk)


@transaction.atomic
def evidence_add(
    *, entry: Entry, upload: UploadedFile[Any], is_original: bool, actor: User
) -> Evidence:
    """Attach a file to a row, once it proves to be a readable PDF, JPEG or PNG within the
    size limit that is not already evidence elsewhere in the portfolio."""
    case = entry.case
    ensure_editable(case)
    limit = settings.SERGUR_EVIDENCE_MAX_BYTES
    size = upload.size or 0
    if size > limit:
        raise ValidationError(
            TOO_LARGE,
            code="too_large",
            params={"size": human_size(size), "limit": human_size(limit)},
        )
    mime = evidence_content_check(upload)
    digest = _sha256(upload)
    first = Evidence.objects.filter(case=case, sha256=digest).select_related("entry").first()
    if first is not None:
        raise ValidationError(
            ALREADY_USED,
            code="already_used",
            params={
                "code": entry_code(first.entry),
                "table": BY_KEY[first.entry.section].title,
            },
        )
    evidence = Evidence(
        case=case,
        entry=entry,
        sha256=digest,
        size=size,
        content_type=mime,
        original_name=safe_file_name(upload.name or ""),
        is_original=is_original,
        uploaded_by=actor,
    )
    evidence.file.save("evidence", upload, save=False)
    evidence.full_clean()
    evidence.save()
    case_event_record(
        case=case,
        actor=actor,
        kind=CaseEvent.Kind.EVIDENCE_ADDED,
        data={"code": entry_code(entry), "type": mime},
    )
    return evidence


@transaction.atomic
def evidence_remove(*, evidence: Evidence, actor: User) -> None:
    """Detach and delete one file."""
    case = evidence.case
    ensure_editable(case)
    code = entry_code(evidence.entry)
    evidence.file.delete(save=False)
    evidence.delete()
    case_event_record(
        case=case, actor=actor, kind=CaseEvent.Kind.EVIDENCE_REMOVED, data={"code": code}
    )
