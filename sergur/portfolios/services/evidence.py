"""Evidence files: checked by content and integrity, size-capped, hashed, one place only
(the checks themselves are `sergur.common.uploads`'s)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction

from sergur.accounts.models import User
from sergur.cases.models import CaseEvent
from sergur.cases.services import case_event_record
from sergur.common.uploads import (
    safe_file_name,
    upload_content_check,
    upload_sha256,
    upload_size_check,
)
from sergur.portfolios.models import Entry, Evidence
from sergur.portfolios.sections import BY_KEY, codes
from sergur.portfolios.services.base import ALREADY_USED, ensure_editable


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


def _refuse_if_used(*, case_id: int, digest: str) -> None:
    """ValidationError (ALREADY_USED, naming where) when the file is evidence in the case."""
    first = Evidence.objects.filter(case_id=case_id, sha256=digest).select_related("entry").first()
    if first is not None:
        raise ValidationError(
            ALREADY_USED,
            code="already_used",
            params={
                "code": entry_code(first.entry),
                "table": BY_KEY[first.entry.section].title,
            },
        )


@transaction.atomic
def evidence_add(
    *, entry: Entry, upload: UploadedFile[Any], is_original: bool, actor: User
) -> Evidence:
    """Attach a file to a row, once it proves to be a readable PDF, JPEG or PNG within the
    size limit that is not already evidence elsewhere in the portfolio."""
    case = entry.case
    ensure_editable(case)
    size = upload_size_check(upload, limit=settings.SERGUR_EVIDENCE_MAX_BYTES)
    mime = upload_content_check(upload)
    digest = upload_sha256(upload)
    _refuse_if_used(case_id=case.pk, digest=digest)
    evidence = Evidence(
        case=case,
        entry=entry,
        sha256=digest,
        size=size,
        content_type=mime,
        original_name=safe_file_name(upload.name or "", content_type=mime),
        is_original=is_original,
        uploaded_by=actor,
    )
    evidence.file.save("evidence", upload, save=False)
    try:
        evidence.full_clean()
    except ValidationError:
        # The same file sent at once by another request may be stored between the check above
        # and this one: its answer is the same "already used"; any other refusal stands.
        evidence.file.delete(save=False)
        _refuse_if_used(case_id=case.pk, digest=digest)
        raise
    try:
        # The same file sent twice at once: both pass the check above, the second insert meets
        # the unique constraint; its savepoint is undone and it gets the same answer.
        with transaction.atomic():
            evidence.save()
    except IntegrityError:
        evidence.file.delete(save=False)
        _refuse_if_used(case_id=case.pk, digest=digest)
        raise
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
