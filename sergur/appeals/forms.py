"""Forms of the appeal: the teacher's grounds and file, the reviewer's assignment and the
reviewer's decision (the eleven parts and the findings, prefilled with the decision's)."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from sergur.assessments.models import Assessor
from sergur.rules.assessment import PARTS, SheetReview
from sergur.rules.messages import COMPONENTS, Lang

GROUNDS_MAX = 5000


class AppealFileForm(forms.Form):
    """The teacher's appeal: the grounds (required) and one supporting file (optional)."""

    grounds = forms.CharField(
        label=_("Grounds of the appeal"),
        max_length=GROUNDS_MAX,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Say which part of the decision you contest and why (for example a component "
            "scored lower than your evidence supports)."
        ),
    )
    evidence = forms.FileField(
        label=_("Supporting file (PDF, JPEG or PNG)"),
        required=False,
        help_text=_("Optional. Checked by its content, like portfolio evidence."),
    )


class ReviewerForm(forms.Form):
    """The rayon admin's choice of reviewer among the rayon's register (the service refuses
    the case's assessors and conflicted ones, with the reason)."""

    reviewer = forms.ModelChoiceField(
        label=_("Reviewer"), queryset=Assessor.objects.none(), empty_label="—"
    )

    def __init__(self, *args: Any, assessors: QuerySet[Assessor], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["reviewer"]
        assert isinstance(field, forms.ModelChoiceField)  # nosec B101 # narrows the field's type for mypy
        field.queryset = assessors


def _codes(value: str) -> tuple[str, ...]:
    """Evidence codes separated by commas, semicolons or line breaks, each once."""
    return tuple(dict.fromkeys(code.strip() for code in re.split(r"[,;\n]", value) if code.strip()))


def _lines(value: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(line.strip() for line in value.splitlines() if line.strip()))


def part_label(part: str, lang: Lang) -> str:
    """A part's name in the reader's language."""
    return COMPONENTS.get(part, {}).get(lang, part)


class AppealDecideForm(forms.Form):
    """The reviewer's decision: the eleven parts and the findings (unchanged: the decision is
    upheld), and the reasons (always required)."""

    administrative_defects = forms.CharField(
        label=_("Administrative defects (one per line)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    doubtful_evidence = forms.CharField(
        label=_("Doubtful evidence (codes, separated by commas)"), required=False, max_length=500
    )
    fraud_found = forms.BooleanField(label=_("Fraud found"), required=False)
    reasons = forms.CharField(
        label=_("Reasons of the decision on the appeal"),
        max_length=GROUNDS_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Shown to the teacher with the outcome (your name is not)."),
    )

    def __init__(self, *args: Any, lang: Lang, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        parts = {
            f"part_{part}": forms.DecimalField(
                label=part_label(part, lang),
                min_value=Decimal(0),
                max_digits=9,
                decimal_places=4,
                localize=False,
            )
            for part in PARTS
        }
        self.fields = {**parts, **self.fields}

    @staticmethod
    def initial_of(parts: dict[str, Any], review: dict[str, Any]) -> dict[str, Any]:
        """The form's starting values: the decision's parts and findings."""
        initial: dict[str, Any] = {f"part_{p}": parts.get(p, "0") for p in PARTS}
        initial["administrative_defects"] = "\n".join(review.get("administrative_defects", ()))
        initial["doubtful_evidence"] = ", ".join(review.get("doubtful_evidence", ()))
        initial["fraud_found"] = bool(review.get("fraud_found", False))
        return initial

    def part_fields(self) -> list[forms.BoundField]:
        """The eleven part fields, in the instrument's order."""
        return [self[f"part_{part}"] for part in PARTS]

    def parts(self) -> dict[str, Decimal]:
        """The cleaned parts by name."""
        return {part: self.cleaned_data[f"part_{part}"] for part in PARTS}

    def review(self) -> SheetReview:
        """The cleaned findings."""
        return SheetReview(
            administrative_defects=_lines(self.cleaned_data["administrative_defects"]),
            doubtful_evidence=_codes(self.cleaned_data["doubtful_evidence"]),
            fraud_found=bool(self.cleaned_data["fraud_found"]),
        )


class StatsFilterForm(forms.Form):
    """The statistics of one programme year, or of all (empty)."""

    year = forms.IntegerField(
        label=_("Programme year"), required=False, min_value=2007, max_value=2100
    )

    def year_value(self) -> int | None:
        """The chosen year, or None for all years (or when the input is not a year)."""
        if not self.is_valid():
            return None
        year: int | None = self.cleaned_data.get("year")
        return year
