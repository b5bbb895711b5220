"""Forms of the case lists: the filters (posted and kept in the session: a name never goes
into a URL)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from sergur.cases.models import Case


class CaseFilterForm(forms.Form):
    """Filter a case list by state and envelope status, and search it by teacher name."""

    name = forms.CharField(
        label=_("Teacher's name"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    state = forms.ChoiceField(
        label=_("Case state"),
        choices=[("", _("All states")), *Case.State.choices],
        required=False,
    )
    envelope = forms.ChoiceField(label=_("Envelope"), required=False)

    def __init__(
        self, *args: Any, envelope_choices: Sequence[tuple[str, StrOrPromise]], **kwargs: Any
    ) -> None:
        # The envelope statuses belong to the list's selector, a layer above forms: the view
        # passes them in.
        super().__init__(*args, **kwargs)
        field = cast(forms.ChoiceField, self.fields["envelope"])
        field.choices = [("", _("Any status")), *envelope_choices]

    def filters(self) -> dict[str, str]:
        """The valid filters (an invalid one is dropped rather than failing the page)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {key: str(cleaned.get(key) or "").strip() for key in ("state", "envelope", "name")}
