"""Forms of the payments pages."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

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

    quarter = forms.CharField(
        label=_("Quarter"),
        max_length=7,
        help_text=_("For example 2019-Q1 (January to March)."),
    )

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
