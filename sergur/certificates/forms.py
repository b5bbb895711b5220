"""Forms of the certificate pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sergur.certificates.models import Certificate
from sergur.registry.models import ProgrammeYear, Rayon

MAX_QUERY = 2000


class VerifyForm(forms.Form):
    """The public check: a certificate number or a QR code (or the link it holds)."""

    query = forms.CharField(
        label=_("Certificate number or QR code"),
        max_length=MAX_QUERY,
        help_text=_("For example 115-2007-000042, or the text of the certificate's QR code."),
    )


class StatusChangeForm(forms.Form):
    """Suspend, revoke or reinstate a certificate, with the reason."""

    status = forms.ChoiceField(label=_("New status"), choices=Certificate.Status.choices)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))


class IssueJobForm(forms.Form):
    """Start the bulk issuance of a programme year (a superuser may pick the rayon)."""

    programme_year = forms.ModelChoiceField(
        label=_("Programme year"), queryset=ProgrammeYear.objects.order_by("-year")
    )
    rayon = forms.ModelChoiceField(
        label=_("Rayon"),
        queryset=Rayon.objects.order_by("code"),
        required=False,
        help_text=_("Empty: every rayon (superusers only)."),
    )

    def __init__(self, *args: Any, rayon: Rayon | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.own_rayon = rayon
        if rayon is not None:
            del self.fields["rayon"]

    def clean(self) -> dict[str, Any]:
        """A rayon admin issues for their own rayon only."""
        data = super().clean() or {}
        if self.own_rayon is not None:
            data["rayon"] = self.own_rayon
        return data
