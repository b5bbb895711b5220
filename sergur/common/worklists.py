"""One way for every worklist to be searched, filtered, sorted and paged.

A worklist (the verification worklist, the assessor's, the case lists, appeals, PLPG
participants, certificates) describes itself once as a `Worklist`: which column holds the
participant number and the teacher's name, the state and its choices, the deadline, and its
sorts. `worklist_read` then reads the remembered filters, applies them to the list's rows and
pages them; the shared filter form posts to `common:worklist_filter`, which remembers the valid
filters in the session (sergur/common/filters.py: a name typed into a search never reaches a
URL or an access log) and goes back to the list. Page links carry only `page`, so paging keeps
the filters and the sort.

A reader who knows teachers by participant number only (an assessor: docs/assessment.md, "What
an assessor sees of the teacher") searches by number only: `blind` drops the name from the
search.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.core.paginator import Page, Paginator
from django.db.models import Model, Q, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from sergur.common.filters import list_filters_recall

PER_PAGE = 50
SOON_DAYS = 7
"""A deadline "soon" is within this many days."""

DEADLINE_CHOICES: tuple[tuple[str, StrOrPromise], ...] = (
    ("", _("Any deadline")),
    ("passed", _("Deadline passed")),
    ("soon", _("Due within 7 days")),
    ("later", _("Due later")),
)


@dataclass(frozen=True)
class Sort:
    """One way to order the list: its words, the fields it orders by, and whether it orders
    by the teacher's name (not offered to a blind reader)."""

    label: StrOrPromise
    order: tuple[Any, ...]  # field names or expressions such as F("x").desc()
    by_name: bool = False


@dataclass(frozen=True)
class Choice:
    """A further filter of the list by one field's value (the envelope's status...)."""

    name: str
    label: StrOrPromise
    path: str
    choices: Sequence[tuple[str, StrOrPromise]]
    any_label: StrOrPromise = _("Any")
    # How a chosen value becomes the lookup's value (e.g. "yes" → True for an `__isnull`).
    coerce: Callable[[str], object] = str
    # Who is offered the filter (from the user row alone); for anyone else it is not in the
    # form, so it never narrows their list.
    shown: Callable[[Any], bool] = field(default=lambda _user: True)


@dataclass(frozen=True)
class Worklist:
    """A list's search, filters and sorts, by the field paths of its rows.

    `number` and `name` are searched by the one search box (a name only when the reader is not
    blind); `state` is filtered by `states`; `deadline` (a date-time field) by passed / soon /
    later; `sorts` offers the orders, the first being the default. A field left empty drops
    its filter from the form."""

    key: str
    url_name: str
    number: str = ""
    name: str = ""
    state: str = ""
    states: Sequence[tuple[str, StrOrPromise]] = ()
    deadline: str = ""
    sorts: Mapping[str, Sort] = field(default_factory=dict)
    state_label: StrOrPromise = _("State")
    deadline_label: StrOrPromise = _("Deadline")
    extra: tuple[Choice, ...] = ()
    # Who reads teachers by participant number only (the cases app's `identity_hidden`).
    blind_for: Callable[[Any], bool] = field(default=lambda _user: False)

    def form(
        self, data: Mapping[str, Any] | None = None, *, blind: bool = False, reader: Any = None
    ) -> WorklistForm:
        """The filter form of this list for this reader."""
        return WorklistForm(data, worklist=self, blind=blind, reader=reader)

    def apply[M: Model](
        self, rows: QuerySet[M], filters: Mapping[str, str], *, now: dt.datetime, blind: bool
    ) -> QuerySet[M]:
        """`rows` searched, filtered and sorted by the (valid) `filters`."""
        text = filters.get("q", "").strip()
        if text:
            match = Q()
            if self.number:
                match |= Q(**{f"{self.number}__icontains": text})
            if self.name and not blind:
                match |= Q(**{f"{self.name}__icontains": text})
            rows = rows.filter(match)
        state = filters.get("state", "")
        if state and self.state:
            rows = rows.filter(**{self.state: state})
        deadline = filters.get("deadline", "")
        if deadline and self.deadline:
            soon = now + dt.timedelta(days=SOON_DAYS)
            if deadline == "passed":
                rows = rows.filter(**{f"{self.deadline}__lt": now})
            elif deadline == "soon":
                rows = rows.filter(**{f"{self.deadline}__gte": now, f"{self.deadline}__lte": soon})
            elif deadline == "later":
                rows = rows.filter(**{f"{self.deadline}__gt": soon})
        for choice in self.extra:
            value = filters.get(choice.name, "")
            if value:
                rows = rows.filter(**{choice.path: choice.coerce(value)})
        allowed = [key for key, sort in self.sorts.items() if not (sort.by_name and blind)]
        chosen = filters.get("sort", "")
        key = chosen if chosen in allowed else (allowed[0] if allowed else "")
        if key:
            rows = rows.order_by(*self.sorts[key].order)
        return rows


class WorklistForm(forms.Form):
    """Search by participant number (or name), filter by state and deadline, sort."""

    q = forms.CharField(
        label=_("Participant number or name"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    state = forms.ChoiceField(label=_("State"), required=False)
    deadline = forms.ChoiceField(label=_("Deadline"), required=False, choices=DEADLINE_CHOICES)
    sort = forms.ChoiceField(label=_("Sort by"), required=False)

    def __init__(
        self,
        data: Mapping[str, Any] | None = None,
        *,
        worklist: Worklist,
        blind: bool = False,
        reader: Any = None,
    ) -> None:
        super().__init__(data)
        self.worklist = worklist
        search = self.fields["q"]
        if not worklist.name or blind:
            search.label = _("Participant number")
        if not worklist.number and (not worklist.name or blind):
            del self.fields["q"]
        if worklist.state and worklist.states:
            state = self.fields["state"]
            assert isinstance(state, forms.ChoiceField)  # nosec B101 # narrows the type for mypy
            state.choices = [("", _("All states")), *worklist.states]
            state.label = worklist.state_label
        else:
            del self.fields["state"]
        if worklist.deadline:
            self.fields["deadline"].label = worklist.deadline_label
        else:
            del self.fields["deadline"]
        for choice in worklist.extra:
            if not choice.shown(reader):
                continue
            self.fields[choice.name] = forms.ChoiceField(
                label=choice.label,
                required=False,
                choices=[("", choice.any_label), *choice.choices],
            )
        sorts = [
            (key, value.label)
            for key, value in worklist.sorts.items()
            if not (value.by_name and blind)
        ]
        if sorts:
            sort = self.fields.pop("sort")
            assert isinstance(sort, forms.ChoiceField)  # nosec B101 # narrows the type for mypy
            sort.choices = sorts
            self.fields["sort"] = sort  # last, after the filters
        else:
            del self.fields["sort"]

    def filters(self) -> dict[str, str]:
        """The valid filters (an invalid one is dropped rather than failing the page)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {key: str(cleaned.get(key) or "").strip() for key in self.fields}


@dataclass(frozen=True)
class WorklistPage[T]:
    """What a worklist's template needs: the form, the page of rows, whether a filter (not
    the sort alone) narrows the list, and where the form posts."""

    worklist: Worklist
    form: WorklistForm
    page: Page[T]
    filtered: bool


_WORKLISTS: dict[str, Worklist] = {}


def worklist_register(*worklists: Worklist) -> None:
    """Make lists known to the shared filter view (in each app's AppConfig.ready())."""
    for worklist in worklists:
        _WORKLISTS[worklist.key] = worklist


def worklist_get(key: str) -> Worklist | None:
    """The registered list of this key (None: no such list)."""
    return _WORKLISTS.get(key)


def worklist_read[M: Model](
    request: HttpRequest,
    worklist: Worklist,
    rows: QuerySet[M],
    *,
    now: dt.datetime,
    per_page: int = PER_PAGE,
) -> WorklistPage[M]:
    """The list's rows for this request: the remembered filters applied, then the page asked
    for (`?page=`; a page past the end gives the last)."""
    reader = getattr(request, "user", None)
    blind = worklist.blind_for(reader)
    form = worklist.form(
        list_filters_recall(request, key=worklist.key) or None, blind=blind, reader=reader
    )
    filters = form.filters()
    chosen = worklist.apply(rows, filters, now=now, blind=blind)
    page = Paginator(chosen, per_page).get_page(request.GET.get("page"))
    narrowed = any(value for key, value in filters.items() if key != "sort")
    return WorklistPage(worklist=worklist, form=form, page=page, filtered=narrowed)
