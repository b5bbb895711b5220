"""The audit page's filter."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from sergur.common.audit import ACTION_LABELS

DATES_REVERSED = _("The first day must not be after the last.")


class AuditFilterForm(forms.Form):
    """Narrow the audit trail by days, action, actor (a user id: no name in the address) and
    object; `before` is the page's place (a record number)."""

    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput({"type": "date"})
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput({"type": "date"})
    )
    action = forms.ChoiceField(
        label=_("Action"),
        required=False,
        choices=[("", _("Any")), *ACTION_LABELS.items()],
    )
    actor = forms.IntegerField(label=_("User id"), required=False, min_value=1)
    object_kind = forms.CharField(label=_("Object kind"), required=False, max_length=40)
    object_id = forms.CharField(label=_("Object id"), required=False, max_length=40)
    before = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def clean(self) -> dict[str, object]:
        """The days in order."""
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if start is not None and end is not None and start > end:
            raise ValidationError(DATES_REVERSED, code="dates_reversed")
        return data
