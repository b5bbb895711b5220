"""Forms of the decisions: correcting a part or a finding in a joint review, publishing,
the teacher's clarification and the rayon's decision on it."""

from __future__ import annotations

from collections.abc import Sequence

from django import forms
from django.utils.translation import gettext_lazy as _

from sergur.assessments.models import FindingCorrection
from sergur.rules.assessment.sheet import PARTS
from sergur.rules.messages import component_names

CODE_CHOICES = [
    ("", _("All decisions")),
    ("L", "L"),
    ("MA", "MA"),
    ("MS", "MS"),
    ("MPLPG", "MPLPG"),
    ("K", "K"),
    ("D", "D"),
]


class PartCorrectionForm(forms.Form):
    """One part of the working score, its new value and why."""

    part = forms.ChoiceField(label=_("Part"), choices=[])
    line = forms.ChoiceField(
        label=_("Line (optional)"),
        choices=[],
        required=False,
        help_text=_("The line of the instrument this correction is about, by its evidence code."),
    )
    after = forms.DecimalField(label=_("New points"), min_value=0, max_digits=9, decimal_places=4)
    reason = forms.CharField(
        label=_("Why"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(
        self,
        *args: object,
        lang: str = "id",
        role: str = "subject_teacher",
        lines: Sequence[tuple[str, str]] = (),
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field = self.fields["part"]
        assert isinstance(field, forms.ChoiceField)  # nosec B101 # narrows the field's type for mypy
        names = component_names(role)
        field.choices = [(part, names[part][lang]) for part in PARTS]  # type: ignore[index]
        line = self.fields["line"]
        assert isinstance(line, forms.ChoiceField)  # nosec B101 # narrows the field's type for mypy
        line.choices = [("", _("None (the part as a whole)")), *lines]


class FindingCorrectionForm(forms.Form):
    """One finding of the working review: its new value and why. Defects and doubtful codes
    are one per line; fraud is a tick."""

    finding = forms.ChoiceField(label=_("Finding"), choices=FindingCorrection.Finding.choices)
    items = forms.CharField(
        label=_("New list (one per line)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Administrative defects or doubtful evidence codes; empty clears the list."),
    )
    fraud = forms.BooleanField(label=_("Fraud found"), required=False)
    reason = forms.CharField(
        label=_("Why"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def value(self) -> list[str] | bool:
        """The new value of the chosen finding."""
        if self.cleaned_data["finding"] == FindingCorrection.Finding.FRAUD:
            return bool(self.cleaned_data["fraud"])
        text: str = self.cleaned_data.get("items") or ""
        return [line.strip() for line in text.splitlines() if line.strip()]


class PublishForm(forms.Form):
    """The decided results to publish (none ticked with "publish all": every one)."""

    result = forms.TypedMultipleChoiceField(
        label=_("Results"), coerce=int, required=False, choices=[]
    )
    all = forms.BooleanField(required=False)
    # "Publish all" publishes only when this is the number the confirmation page showed.
    confirm = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)

    def __init__(self, *args: object, pks: list[int], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field = self.fields["result"]
        assert isinstance(field, forms.TypedMultipleChoiceField)  # nosec B101 # narrows the field's type for mypy
        field.choices = [(pk, str(pk)) for pk in pks]


class ClarificationForm(forms.Form):
    """The teacher's clarification: what they say, and a scan of an original if they like."""

    text = forms.CharField(
        label=_("Your clarification"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5})
    )
    scan = forms.FileField(
        label=_("Scan of an original (PDF, JPEG or PNG; optional)"), required=False
    )


class ClarificationDecisionForm(forms.Form):
    """The rayon's decision on a clarification."""

    outcome = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            ("cleared", _("Cleared: the doubtful evidence is accepted")),
            ("fraud", _("Fraud confirmed: disqualify")),
        ],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Why"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class CodeFilterForm(forms.Form):
    """Filter a list of results by decision code."""

    code = forms.ChoiceField(label=_("Decision"), choices=CODE_CHOICES, required=False)
