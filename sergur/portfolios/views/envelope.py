"""The closed-envelope instruments: the principal and the supervisor of the teacher's school
score the teaching practice (or the counsellor's guidance practice) and the superior
assessment in one form, and both confirm the same scores (Buku II; docs/instrument-2007.md
§5–6). Nobody else sees the item scores: the teacher gets 403, others 403 or 404."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.forms import BoundField
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from sergur.accounts.models import User
from sergur.cases.models import Case
from sergur.cases.selectors import case_get_for_user, case_rights, is_principal_participant
from sergur.common.http import AuthenticatedHttpRequest
from sergur.common.i18n import rules_lang
from sergur.portfolios.forms import EnvelopeForm
from sergur.portfolios.models import EnvelopeInstrument
from sergur.portfolios.selectors import portfolio_read, teacher_role
from sergur.portfolios.services import (
    envelope_closed_message,
    envelope_confirm,
    envelope_save,
)
from sergur.rules.instruments import SCALE, SUPERIOR, Instrument, Item, envelope_instruments

TEMPLATE = "portfolios/envelope/form.html"

DRAFT_SAVED = _("Draft saved. Nothing is confirmed until you press Confirm.")
CONFIRMED_WAITING = _(
    "Your confirmation is recorded. The %(other)s must now confirm the same scores."
)
CONFIRMED_COMPLETE = _(
    "Your confirmation is recorded. Both have confirmed: the instruments are complete."
)
CONFIRMATION_WITHDRAWN = _(
    "The scores changed, so the %(other)s's earlier confirmation was withdrawn."
)
SAVED_NOT_CONFIRMED = _("The draft is saved, but it is not confirmed:")
AUTHOR_NAMES = {"principal": _("principal"), "supervisor": _("supervisor")}
# For a principal-participant the head of the district office fills the principal's part
# (docs/sources/seeds/003_358fe984fbae11df.txt, the FAQ on the portfolio, question 4).
DISTRICT_HEAD_NAME = _("head of the district education office")


def _author_name(author: str, case: Case) -> str:
    if author == "principal" and is_principal_participant(case):
        return str(DISTRICT_HEAD_NAME)
    return str(AUTHOR_NAMES[author])


@dataclass(frozen=True)
class ItemRow:
    """One numbered item of a form with its radio row."""

    item: Item
    text: str
    field: BoundField
    text_id: str


@dataclass(frozen=True)
class PartRows:
    """A heading of the paper form and its items."""

    heading: str
    items: list[ItemRow]


@dataclass(frozen=True)
class InstrumentBlock:
    """One instrument as the page lays it out, with the total of the scores shown."""

    key: str
    title: str
    parts: list[PartRows]
    size: int
    scored: int
    total: int

    @property
    def maximum(self) -> int:
        """The highest total the form allows (5 per item)."""
        return self.size * 5


def _initial(current: EnvelopeInstrument | None) -> dict[str, int]:
    if current is None:
        return {}
    initial: dict[str, int] = {}
    for prefix, items in (("o", current.observation_items), ("s", current.superior_items)):
        for index, value in enumerate(items):
            if isinstance(value, int):
                initial[f"{prefix}{index}"] = value
    return initial


def _score(field: BoundField) -> int | None:
    value = field.value()
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 1 <= number <= 5 else None


def _block(form: EnvelopeForm, prefix: str, instrument: Instrument) -> InstrumentBlock:
    lang = rules_lang()
    parts: list[PartRows] = []
    scores: list[int] = []
    index = 0
    for part in instrument.parts:
        rows: list[ItemRow] = []
        for item in part.items:
            name = f"{prefix}{index}"
            text_id = f"{name}-text"
            form.fields[name].widget.attrs["aria-describedby"] = text_id
            field = form[name]
            score = _score(field)
            if score is not None:
                scores.append(score)
            rows.append(ItemRow(item=item, text=item.text(lang), field=field, text_id=text_id))
            index += 1
        parts.append(PartRows(heading=part.text(lang), items=rows))
    return InstrumentBlock(
        key=instrument.key,
        title=instrument.text(lang),
        parts=parts,
        size=instrument.size,
        scored=len(scores),
        total=sum(scores),
    )


def _closed_message(case: Case, now: dt.datetime) -> str | None:
    """The service's own message once the envelope deadline has passed (envelope_save
    refuses then; the page shows the form read-only instead of offering it)."""
    return envelope_closed_message(case, now)


def _other(author: str) -> str:
    return "supervisor" if author == "principal" else "principal"


def _confirmed_message(
    case: Case, author: str, before: EnvelopeInstrument | None, after: EnvelopeInstrument
) -> str:
    other = _other(author)
    params = {"other": _author_name(other, case)}
    if after.complete:
        return str(CONFIRMED_COMPLETE)
    text = str(CONFIRMED_WAITING % params)
    was_confirmed = before is not None and getattr(before, f"{other}_confirmed_at") is not None
    if was_confirmed and getattr(after, f"{other}_confirmed_at") is None:
        text = f"{CONFIRMATION_WITHDRAWN % params} {text}"
    return text


def _confirm(
    form: EnvelopeForm, *, case: Case, actor: User, author: str, now: dt.datetime
) -> EnvelopeInstrument | None:
    """Confirm, or put the service's reason on the form and return None."""
    try:
        return envelope_confirm(case=case, actor=actor, author=author, now=now)
    except ValidationError as exc:
        form.add_error(None, exc)
        return None


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def envelope(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Show and save the two instruments of a case for its principal or supervisor."""
    user = request.user
    case = case_get_for_user(user=user, pk=pk)
    rights = case_rights(user=user, case=case)
    author = rights.envelope_role
    if author is None or not (rights.fill_envelope and rights.see_envelope_items):
        raise PermissionDenied
    role = teacher_role(case)
    instruments = envelope_instruments(role)
    practice = instruments[0] if len(instruments) > 1 else None
    current = portfolio_read(case=case).envelope
    now = timezone.now()
    closed = _closed_message(case, now)
    data = request.POST if request.method == "POST" else None
    form = EnvelopeForm(data, practice=practice, superior=SUPERIOR, initial=_initial(current))
    if closed:
        for field in form.fields.values():
            field.disabled = True
    if request.method == "POST" and form.is_valid():
        confirm = request.POST.get("action") == "confirm"
        confirmed: EnvelopeInstrument | None = None
        # One transaction: nobody's change can slip in between saving these scores and
        # confirming them. A refused confirmation still keeps the saved draft.
        with transaction.atomic():
            try:
                saved = envelope_save(
                    case=case,
                    actor=user,
                    author=author,
                    observation=form.items("o"),
                    superior=form.items("s"),
                    now=now,
                )
                if confirm:
                    confirmed = _confirm(form, case=case, actor=user, author=author, now=now)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                if not confirm:
                    messages.success(request, DRAFT_SAVED)
                    return redirect("portfolios:envelope", pk=case.pk)
                if confirmed is not None:
                    messages.success(request, _confirmed_message(case, author, current, confirmed))
                    return redirect("portfolios:envelope", pk=case.pk)
                messages.warning(request, SAVED_NOT_CONFIRMED)
                current = saved
    context = {
        "case": case,
        "author": author,
        "author_name": _author_name(author, case),
        "principal_name": _author_name("principal", case),
        "envelope": current,
        "form": form,
        "blocks": [
            *([] if practice is None else [_block(form, "o", practice)]),
            _block(form, "s", SUPERIOR),
        ],
        "closed": closed,
        "scale": SCALE[rules_lang()],
        "counselor": role == "counselor",
        "page_title": gettext("Closed-envelope instruments"),
    }
    return render(request, TEMPLATE, context)
