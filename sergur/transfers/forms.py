"""Forms of a transfer: the request (NUPTK by POST, never in a URL), the answer, the dispute."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from sergur.registry.models import School, nuptk_format


class TransferRequestForm(forms.Form):
    """A district officer asks for a teacher of another district."""

    nuptk = forms.CharField(
        label=_("NUPTK of the teacher"), max_length=16, min_length=16, validators=[nuptk_format]
    )
    school = forms.ModelChoiceField(label=_("New main school"), queryset=School.objects.none())
    reason = forms.CharField(label=_("Reason"), max_length=2000, widget=forms.Textarea)

    def __init__(self, *args: Any, schools: QuerySet[School], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["school"]
        assert isinstance(field, forms.ModelChoiceField)  # nosec B101 # narrows the field's type for mypy
        field.queryset = schools


class TransferAnswerForm(forms.Form):
    """The district of origin's answer, or the province's decision."""

    approve = forms.TypedChoiceField(
        label=_("Decision"),
        choices=[("1", _("Approve: the teacher moves")), ("0", _("Refuse"))],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(label=_("Reason"), max_length=2000, widget=forms.Textarea)


class TransferEscalateForm(forms.Form):
    """The destination district disputes a refusal or a silence before the province."""

    reason = forms.CharField(label=_("Reason"), max_length=2000, widget=forms.Textarea)
