"""The programme-year choice of the assessment-quality pages (views/quality.py)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from sergur.registry.models import ProgrammeYear


class QualityYearForm(forms.Form):
    """Which programme year's pairs to read (GET); empty means the latest year."""

    year = forms.ModelChoiceField(
        queryset=ProgrammeYear.objects.order_by("-year"),
        label=_("Programme year"),
        to_field_name="year",
        required=False,
        empty_label=None,
    )
