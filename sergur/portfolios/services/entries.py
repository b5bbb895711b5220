"""Rows of the instrument's tables: saved as typed, deleted with their evidence."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F

from sergur.accounts.models import User
from sergur.cases.models import Case, CaseEvent
from sergur.cases.services import case_event_record
from sergur.portfolios.forms import clean_values
from sergur.portfolios.models import Entry
from sergur.portfolios.sections import BY_KEY, Section
from sergur.portfolios.selectors import teacher_role
from sergur.portfolios.services.base import (
    TABLE_FULL,
    UNKNOWN_TABLE,
    VALUE_NUL,
    VALUE_TOO_LONG,
    ensure_editable,
)


def _raw(section_key: str, values: dict[str, Any]) -> dict[str, str]:
    """Keep what the teacher typed for the table's own columns, as text."""
    names = [f.name for f in BY_KEY[section_key].fields]
    return {name: str(values.get(name, "")).strip() for name in names}


def _refuse_unstorable(section: Section, raw: dict[str, str]) -> None:
    """ValidationError, per column, for a value longer than its column allows (`max_chars`)
    or holding a NUL character (PostgreSQL stores no NUL in text): refused even in a row kept
    incomplete, so no page or PDF ever gets such a value."""
    errors: dict[str, ValidationError] = {}
    for spec in section.fields:
        value = raw[spec.name]
        if "\x00" in value:
            errors[spec.name] = ValidationError(
                VALUE_NUL, code="null_character", params={"label": spec.label}
            )
        elif len(value) > spec.max_chars:
            errors[spec.name] = ValidationError(
                VALUE_TOO_LONG,
                code="too_long",
                params={"label": spec.label, "limit": spec.max_chars, "length": len(value)},
            )
    if errors:
        raise ValidationError(errors)


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
    ensure_editable(case)
    section = BY_KEY.get(section_key)
    role = teacher_role(case)
    if section is None or role not in section.roles:
        raise ValidationError(UNKNOWN_TABLE, code="unknown_table")
    raw = _raw(section_key, values)
    _refuse_unstorable(section, raw)
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
    ensure_editable(case)
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
