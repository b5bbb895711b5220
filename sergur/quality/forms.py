"""The choices of the quality-assurance pages (GET): the year, and a district or school of the
user's place by pk (no personal data in the query string)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class PlaceForm(forms.Form):
    """Which year, district and school to show; empty means the latest year and the whole
    place. A district or school outside the user's place is refused by the access helper."""

    year = forms.IntegerField(label=_("Year"), required=False, min_value=2000, max_value=2100)
    district = forms.IntegerField(label=_("District"), required=False, min_value=1)
    school = forms.IntegerField(label=_("School"), required=False, min_value=1)
