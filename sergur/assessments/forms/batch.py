"""The form that starts a re-scoring job (views/batch.py)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sergur.accounts.models import User
from sergur.registry.models import ProgrammeYear, Rayon


class BatchStartForm(forms.Form):
    """Which programme year (and, for a superuser, which rayon) to re-score, confirmed."""

    programme_year = forms.ModelChoiceField(
        queryset=ProgrammeYear.objects.order_by("-year"),
        label=_("Programme year"),
        to_field_name="year",
    )
    rayon = forms.ModelChoiceField(
        queryset=Rayon.objects.order_by("code"),
        label=_("Rayon"),
        required=False,
        empty_label=_("All rayons"),
    )
    confirm = forms.BooleanField(
        label=_(
            "I understand that every decided portfolio in scope is re-scored with the current "
            "parameters, and that changed decisions must be published again."
        ),
        required=True,
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        rayon = self.fields["rayon"]
        assert isinstance(rayon, forms.ModelChoiceField)  # nosec B101 # narrows the field's type for mypy
        if not user.is_superuser:
            # A rayon admin re-scores their own rayon only.
            rayon.queryset = Rayon.objects.filter(pk=user.rayon_id or 0)
            rayon.required = True
            rayon.empty_label = None
