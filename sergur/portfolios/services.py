"""Writes on a portfolio: rows, evidence files, the closed-envelope instruments and the
submission. Every write checks the case's state and deadline here, not in the views."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import unicodedata
from typing import Any

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError
from pypdf import PdfReader
from pypdf.errors import PyPdfError

from sergur.accounts.models import User
from sergur.cases.models import Case, CaseEvent
from sergur.cases.selectors import case_rights
from sergur.cases.services import case_event_record, case_transition
from sergur.common.i18n import rules_lang
from sergur.common.signing import canonical, sign
from sergur.portfolios.forms import clean_values
from sergur.portfolios.models import Entry, EnvelopeInstrument, Evidence, Submission
from sergur.portfolios.sections import BY_KEY, codes
from sergur.portfolios.selectors import (
    portfolio_document,
    portfolio_gaps,
    portfolio_read,
    teacher_role,
)
from sergur.rules.instruments import SUPERIOR, practice_instrument

LOCKED = _(
    "The portfolio is submitted and locked. It can change again only when a decision reopens it."
)
UNKNOWN_TABLE = _("This table is not part of your instrument.")
TABLE_FULL = _("This table holds at most %(count)d rows.")
TOO_LARGE = _("The file is %(size)s; the largest file accepted is %(limit)s.")
EMPTY_FILE = _("The file is empty.")
WRONG_TYPE = _("Only PDF, JPEG or PNG files are accepted; this file is %(found)s.")
BROKEN_PDF = _("The PDF cannot be read (it is damaged or incomplete): %(detail)s")
BROKEN_IMAGE = _("The image cannot be read (it is damaged or incomplete).")
ALREADY_USED = _(
    "This file is already evidence %(code)s (%(table)s). One document supports one place only."
)
ENVELOPE_CLOSED = _("The deadline for the closed-envelope instruments has passed (%(deadline)s).")
ENVELOPE_NOT_FILLED = _("Score every item of both instruments before confirming.")
ENVELOPE_NOT_AUTHOR = _("Only the principal and the supervisor of the teacher's school fill this.")
DEADLINE_PASSED = _("The submission deadline has passed (%(deadline)s).")
DECLARATION_NEEDED = _("Tick the declaration of authenticity to submit.")
NOT_COMPLETE = _("The portfolio cannot be submitted yet: %(gaps)s")
NOT_OWNER = _("Only the teacher submits their own portfolio.")

ACCEPTED_TYPES = {kind.value for kind in Evidence.Kind}
DECLARATION_TEXT = (
    "Dengan ini saya menyatakan bahwa pernyataan dan dokumen di dalam portofolio ini "
    "benar-benar hasil karya saya sendiri, dan jika di kemudian hari ternyata pernyataan dan "
    "dokumen saya tidak benar, saya bersedia menerima sanksi dan dampak hukum sesuai peraturan "
    "perundang-undangan yang berlaku."
)


def _ensure_editable(case: Case) -> None:
    if not case.is_editable_by_teacher:
        raise ValidationError(LOCKED, code="locked")


def _raw(section_key: str, values: dict[str, Any]) -> dict[str, str]:
    """Keep what the teacher typed for the table's own columns, as text."""
    names = [f.name for f in BY_KEY[section_key].fields]
    return {name: str(values.get(name, "")).strip() for name in names}


@transaction.atomic
def entry_save(
    *,
    case: Case,
    section_key: str,
    values: dict[str, Any],
    actor: User,
    entry: Entry | None = None,
) -> Entry:
    """Create or update one row with what was typed; incomplete rows are kept, marked so."""
    Case.objects.select_for_update().filter(pk=case.pk).first()
    case.refresh_from_db(fields=["state"])
    _ensure_editable(case)
    section = BY_KEY.get(section_key)
    role = teacher_role(case)
    if section is None or role not in section.roles:
        raise ValidationError(UNKNOWN_TABLE, code="unknown_table")
    raw = _raw(section_key, values)
    typed, _errors = clean_values(section, raw)
    if entry is None:
        existing = Entry.objects.filter(case=case, section=section_key).count()
        limit = section.max_for(role)
        if limit is not None and existing >= limit:
            raise ValidationError(TABLE_FULL, code="table_full", params={"count": limit})
        entry = Entry(case=case, section=section_key, position=existing)
    elif entry.case_id != case.pk or entry.section != section_key:
        raise ValidationError(UNKNOWN_TABLE, code="unknown_table")
    entry.values = raw
    entry.complete = typed is not None
    entry.full_clean()
    entry.save()
    return entry


@transaction.atomic
def entry_delete(*, entry: Entry, actor: User) -> None:
    """Remove a row, its files, and close the gap in the table's numbering."""
    case = entry.case
    _ensure_editable(case)
    files = list(entry.evidence.all())
    for evidence in files:
        evidence.file.delete(save=False)
    if files:
        case_event_record(
            case=case,
            actor=actor,
            kind=CaseEvent.Kind.EVIDENCE_REMOVED,
            data={"files": len(files), "table": entry.section},
        )
    section, position = entry.section, entry.position
    entry.delete()
    # Shift the later rows up one by one, in order, so the unique position is never shared.
    for later in Entry.objects.filter(case=case, section=section, position__gt=position).order_by(
        "position"
    ):
        Entry.objects.filter(pk=later.pk).update(position=F("position") - 1)


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
        found = mime or _g("not a known document type")
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
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
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
    _ensure_editable(case)
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
    _ensure_editable(case)
    code = entry_code(evidence.entry)
    evidence.file.delete(save=False)
    evidence.delete()
    case_event_record(
        case=case, actor=actor, kind=CaseEvent.Kind.EVIDENCE_REMOVED, data={"code": code}
    )


def local_time(moment: dt.datetime) -> str:
    """A deadline as people in the project's time zone read it."""
    return f"{timezone.localtime(moment):%Y-%m-%d %H:%M}"


def envelope_closed_message(case: Case, now: dt.datetime) -> str | None:
    """Why the closed envelope can no longer be filled; None while it is open."""
    deadline = case.programme_year.envelope_deadline
    if now <= deadline:
        return None
    return str(ENVELOPE_CLOSED % {"deadline": local_time(deadline)})


def _envelope_open(case: Case, now: dt.datetime) -> None:
    closed = envelope_closed_message(case, now)
    if closed is not None:
        raise ValidationError(closed, code="envelope_closed")


def _ensure_author(case: Case, actor: User, author: str) -> None:
    """Only the principal and the supervisor of the teacher's main school fill the envelope,
    each as themselves."""
    if author not in ("principal", "supervisor") or (
        case_rights(user=actor, case=case).envelope_role != author
    ):
        raise ValidationError(ENVELOPE_NOT_AUTHOR, code="not_author")


def _items(values: list[int | None], size: int) -> list[int | None]:
    items = list(values[:size]) + [None] * (size - len(values))
    for value in items:
        if value is not None and not 1 <= value <= 5:
            raise ValidationError(_("Every item scores 1 to 5."), code="item_range")
    return items


@transaction.atomic
def envelope_save(
    *,
    case: Case,
    actor: User,
    author: str,
    observation: list[int | None],
    superior: list[int | None],
    now: dt.datetime,
) -> EnvelopeInstrument:
    """Save the instruments' item scores as drafted. A change after a confirmation withdraws
    both confirmations: the principal and the supervisor confirm the same scores."""
    _ensure_author(case, actor, author)
    _envelope_open(case, now)
    role = teacher_role(case)
    envelope, _created = EnvelopeInstrument.objects.select_for_update().get_or_create(
        case=case, defaults={"variant": role}
    )
    new_observation = _items(observation, practice_instrument(role).size)
    new_superior = _items(superior, SUPERIOR.size)
    changed = (
        new_observation != envelope.observation_items or new_superior != envelope.superior_items
    )
    envelope.observation_items = new_observation
    envelope.superior_items = new_superior
    setattr(envelope, author, actor)
    envelope.updated_by = actor
    if changed:
        envelope.principal_confirmed_at = None
        envelope.supervisor_confirmed_at = None
    envelope.full_clean()
    envelope.save()
    return envelope


@transaction.atomic
def envelope_confirm(
    *, case: Case, actor: User, author: str, now: dt.datetime
) -> EnvelopeInstrument:
    """The principal or the supervisor confirms the scores as they stand."""
    _ensure_author(case, actor, author)
    _envelope_open(case, now)
    envelope = EnvelopeInstrument.objects.select_for_update().filter(case=case).first()
    if envelope is None or not envelope.filled:
        raise ValidationError(ENVELOPE_NOT_FILLED, code="not_filled")
    setattr(envelope, author, actor)
    setattr(envelope, f"{author}_confirmed_at", now)
    envelope.save()
    kind = (
        CaseEvent.Kind.INSTRUMENT_COMPLETED
        if envelope.complete
        else CaseEvent.Kind.INSTRUMENT_CONFIRMED
    )
    # The log says who confirmed; the item scores stay in the envelope.
    case_event_record(case=case, actor=actor, kind=kind, data={"by": author})
    return envelope


def submission_payload(submission: Submission) -> dict[str, Any]:
    """What a receipt signs: no personal data, only the case, the time and the content hash."""
    return {
        "v": 1,
        "case": submission.case_id,
        "submitted_at": submission.submitted_at.isoformat(),
        "sha256": submission.content_hash,
    }


@transaction.atomic
def portfolio_submit(
    *, case: Case, actor: User, declaration: bool, now: dt.datetime
) -> tuple[Submission, bool]:
    """Lock the portfolio and sign a receipt. Submitting again returns the same submission
    (a double click loses nothing); a late or incomplete submission is refused."""
    locked = Case.objects.select_for_update().get(pk=case.pk)
    if case.teacher.user_id != actor.pk:
        raise ValidationError(NOT_OWNER, code="not_owner")
    if locked.state in (Case.State.SUBMITTED, Case.State.RECEIVED):
        return Submission.objects.filter(case=locked).latest(), False
    _ensure_editable(locked)
    # After an MA/MS decision the portfolio is reopened until its own deadline.
    deadline = locked.reopen_until or locked.programme_year.portfolio_deadline
    if now > deadline:
        raise ValidationError(
            DEADLINE_PASSED,
            code="deadline",
            params={"deadline": local_time(deadline)},
        )
    if not declaration:
        raise ValidationError(DECLARATION_NEEDED, code="declaration")
    portfolio = portfolio_read(case=locked)
    blocking = [gap for gap in portfolio_gaps(portfolio) if gap.blocking]
    if blocking:
        lang = rules_lang()
        raise ValidationError(
            NOT_COMPLETE,
            code="incomplete",
            params={"gaps": " ".join(gap.message.text(lang) for gap in blocking)},
        )
    content = {
        "portfolio": portfolio_document(portfolio),
        # Every row as declared, so the hash also covers what the file leaves out (the
        # teaching periods behind the years, the lesson plans before they are scored).
        "rows": [
            {"table": key, "code": row.code, "values": row.typed}
            for key, rows in portfolio.rows.items()
            for row in rows
            if row.typed is not None
        ],
        "evidence": [
            {
                "code": row.code,
                "sha256": file.sha256,
                "size": file.size,
                "original": file.is_original,
            }
            for rows in portfolio.rows.values()
            for row in rows
            for file in row.evidence
        ],
    }
    content_hash = hashlib.sha256(canonical(content)).hexdigest()
    submission = Submission(
        case=locked,
        submitted_at=now,
        submitted_by=actor,
        content=content,
        content_hash=content_hash,
        declaration=DECLARATION_TEXT,
    )
    submission.signature = sign(submission_payload(submission))
    submission.full_clean()
    submission.save()
    # A portfolio completed after an MA/MS decision goes straight back to the rayon to be
    # re-assessed; a first submission (or one returned by verification) starts the chain.
    reassess = locked.state == Case.State.REOPENED
    case_transition(
        case=locked,
        to_state=Case.State.RECEIVED if reassess else Case.State.SUBMITTED,
        actor=actor,
        kind=CaseEvent.Kind.SUBMITTED,
        data={"sha256": content_hash},
    )
    case.state = locked.state
    return submission, True
