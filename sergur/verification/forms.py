"""Forms of verification: one document's verdict (MP, K or TMP, with a reason for K and
TMP)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sergur.verification.models import NEEDS_REASON, Verdict

UNKNOWN_VERDICT = _("Choose MP, K or TMP; “%(value)s” is not a verdict.")
REASON_MISSING = _("Give the reason for a K or TMP verdict.")
REASON_MAX = 1000


class VerdictForm(forms.Form):
    """The verdict on one document (the file is named by its id)."""

    evidence = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    verdict = forms.ChoiceField(
        label=_("Verdict"),
        choices=Verdict.choices,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": UNKNOWN_VERDICT},
    )
    reason = forms.CharField(
        label=_("Reason (required for K and TMP)"),
        required=False,
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean(self) -> dict[str, Any]:
        """K and TMP say why; an MP's reason is kept as a note."""
        data = super().clean() or {}
        if data.get("verdict") in NEEDS_REASON and not data.get("reason", "").strip():
            self.add_error("reason", REASON_MISSING)
        return data
