"""Forms of the payments pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sergur.payments.models import PayProfile
from sergur.rules.allowance.payment import Quarter
from sergur.rules.allowance.semester import SemesterError, parse_semester


class SktpForm(forms.Form):
    """Issue the district's SKTP for a semester."""

    semester = forms.CharField(
        label=_("Semester"),
        max_length=6,
        help_text=_("YYYY-1 is January to June, YYYY-2 July to December."),
    )

    def clean_semester(self) -> str:
        """A semester code the rules know."""
        try:
            return parse_semester(self.cleaned_data["semester"]).code
        except SemesterError as error:
            raise ValidationError(str(error), code="semester") from error


class RunForm(forms.Form):
    """Run the payments of a quarter."""

    quarter = forms.CharField(label=_("Quarter"), max_length=7)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        current = str(Quarter(today.year, (today.month + 2) // 3))
        field = self.fields["quarter"]
        field.initial = current
        field.help_text = _(
            "For example %(quarter)s, the current quarter (Q1 is January to March)."
        ) % {"quarter": current}

    def clean_quarter(self) -> Quarter:
        """A quarter `YYYY-Qn`."""
        try:
            return Quarter.parse(self.cleaned_data["quarter"])
        except ValueError as error:
            raise ValidationError(
                _("Write the quarter as YYYY-Qn, for example 2019-Q1."), code="quarter"
            ) from error


class SalaryTableForm(forms.Form):
    """Load a full salary table from a CSV or XLSX file (columns golongan, mkg, amount)."""

    regulation = forms.CharField(label=_("Regulation"), max_length=100)
    effective_from = forms.DateField(
        label=_("In force from"), widget=forms.DateInput(attrs={"type": "date"})
    )
    effective_to = forms.DateField(
        label=_("In force until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    file = forms.FileField(
        label=_("Table (CSV or XLSX)"),
        help_text=_("Columns golongan, mkg and amount; one line per rank and years in rank."),
    )
    dry_run = forms.BooleanField(
        label=_("Only check the file (dry run)"), required=False, initial=True
    )


class PayProfileForm(forms.ModelForm[PayProfile]):
    """A teacher's pay profile as the finance office keeps it."""

    class Meta:
        model = PayProfile
        fields = [
            "employment",
            "golongan",
            "mkg",
            "mkg_counted_on",
            "effective_from",
            "paid_from",
            "paid_until",
            "bank_name",
            "bank_account",
        ]
        widgets = {
            "mkg_counted_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "effective_from": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "paid_from": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "paid_until": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        help_texts = {
            "mkg_counted_on": _("The date the years in rank were counted; one is added a year."),
            "paid_from": _("The first month this district pays (a transfer in)."),
            "paid_until": _("The last day this district pays (a transfer out); empty: open."),
        }


class ProfileFilterForm(forms.Form):
    """The pay-profile list's search (posted: a name never goes into a URL)."""

    query = forms.CharField(label=_("Name or NUPTK"), max_length=100, required=False)


class ProfilesLoadForm(forms.Form):
    """Load many pay profiles from a CSV or XLSX file."""

    file = forms.FileField(
        label=_("Pay profiles (CSV or XLSX)"),
        help_text=_(
            "Columns nuptk, employment, golongan, mkg, mkg_counted_on, paid_from, paid_until, "
            "bank_name, bank_account; one line per teacher, dates as YYYY-MM-DD."
        ),
    )
    dry_run = forms.BooleanField(
        label=_("Only check the file (dry run)"), required=False, initial=True
    )
