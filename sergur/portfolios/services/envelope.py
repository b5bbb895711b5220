"""The closed-envelope instruments the principal and the supervisor fill and confirm: the
observation (4b) and component 5 for a subject teacher, component 5 only for a counsellor."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from sergur.accounts.models import User
from sergur.cases.models import Case, CaseEvent
from sergur.cases.selectors import case_rights
from sergur.cases.services import case_event_record
from sergur.portfolios.models import EnvelopeInstrument
from sergur.portfolios.selectors import teacher_role
from sergur.portfolios.services.base import (
    ENVELOPE_CLOSED,
    ENVELOPE_NOT_AUTHOR,
    ENVELOPE_NOT_FILLED,
    local_time,
)
from sergur.rules.instruments import SUPERIOR, envelope_instruments


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
    instruments = envelope_instruments(role)
    # A counsellor's envelope holds component 5 only: no observation is kept for them, the
    # assessor scores their 4b (seed 003, Buku II pp. 33-35).
    new_observation = _items(observation, instruments[0].size) if len(instruments) > 1 else []
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
    """The principal or the supervisor confirms the scores as they stand; confirming again
    scores that author already confirmed changes nothing and logs nothing."""
    _ensure_author(case, actor, author)
    _envelope_open(case, now)
    envelope = EnvelopeInstrument.objects.select_for_update().filter(case=case).first()
    if envelope is None or not envelope.filled:
        raise ValidationError(ENVELOPE_NOT_FILLED, code="not_filled")
    if getattr(envelope, f"{author}_confirmed_at") is not None:
        # A second click (or a re-sent form): the confirmation and its log entry stand once.
        return envelope
    setattr(envelope, author, actor)
    setattr(envelope, f"{author}_confirmed_at", now)
    envelope.full_clean()
    envelope.save()
    kind = (
        CaseEvent.Kind.INSTRUMENT_COMPLETED
        if envelope.complete
        else CaseEvent.Kind.INSTRUMENT_CONFIRMED
    )
    # The log says who confirmed; the item scores stay in the envelope.
    case_event_record(case=case, actor=actor, kind=kind, data={"by": author})
    return envelope
