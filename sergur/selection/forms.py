"""Forms of selection: running a district's selection, filtering its list, allocating the
quota, and the public lookup (the NUPTK travels in a POST body only)."""

from __future__ import annotations

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from sergur.registry.models import Province
from sergur.selection.models import SkLetter

STATUS_CHOICES = [
    ("", _("Everyone")),
    ("selected", _("Selected")),
    ("eligible", _("Eligible, not selected")),
    ("not_eligible", _("Not eligible")),
]


class SelectionRunForm(forms.Form):
    """Run the district's selection with the quota it was given."""

    quota = forms.IntegerField(
        label=_("District quota"),
        min_value=0,
        max_value=1_000_000,
        help_text=_("The places the district was given for this programme year."),
    )
    national_target = forms.IntegerField(
        label=_("National target"), min_value=0, max_value=10_000_000, required=False
    )


class SelectionFilterForm(forms.Form):
    """Filter the selection list by teacher name and status (posted and kept in the session:
    a name never goes into a URL)."""

    name = forms.CharField(
        label=_("Teacher's name"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    status = forms.ChoiceField(label=_("Status"), choices=STATUS_CHOICES, required=False)

    def filters(self) -> dict[str, str]:
        """The valid filters (an invalid one is dropped rather than failing the page)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {key: str(cleaned.get(key) or "").strip() for key in ("name", "status")}


class QuotaAllocateForm(forms.Form):
    """Allocate the national target over provinces, districts and school levels."""

    national_target = forms.IntegerField(
        label=_("National target"), min_value=0, max_value=10_000_000
    )


class QuotaRedistributeForm(forms.Form):
    """Move the unfillable places of a province's districts to the others."""

    province = forms.ModelChoiceField(label=_("Province"), queryset=Province.objects.all())


class ParticipantLookupForm(forms.Form):
    """The public lookup: a NUPTK, posted (never in a URL)."""

    nuptk = forms.CharField(
        label=_("NUPTK"),
        min_length=16,
        max_length=16,
        strip=True,
        validators=[RegexValidator(r"^[0-9]{16}$", _("A NUPTK has 16 digits."))],
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )


class SkLetterForm(forms.ModelForm[SkLetter]):
    """The SK's number, signing day and signatory, as the signed letter shows them."""

    class Meta:
        model = SkLetter
        fields = ["number", "signed_on", "signatory_name", "signatory_nip"]
        widgets = {
            "signed_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "signatory_nip": forms.TextInput(
                attrs={"inputmode": "numeric", "autocomplete": "off", "maxlength": 18}
            ),
        }
