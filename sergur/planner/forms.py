"""The planner's forms: the limits and the what-if of a run, and the committee's decision on
a teacher's proposal (docs/allowance.md, "The page", "Accepting a proposal")."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sergur.planner.models import PlanRun
from sergur.rules.allowance.semester import SemesterError, parse_semester, semester_of

BAD_SEMESTER = _("Give a semester as YYYY-1 or YYYY-2 of the programme's years.")


class RunForm(forms.ModelForm[PlanRun]):
    """Start a run of a semester, with the limits and an optional what-if."""

    class Meta:
        model = PlanRun
        fields = [
            "semester",
            "min_hours",
            "max_km",
            "max_schools",
            "what_if_pupils",
            "what_if_hours",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        current = semester_of(timezone.localdate()).code
        self.fields["semester"].help_text = _(
            "For example %(semester)s, the current semester (YYYY-1 is January to June, "
            "YYYY-2 July to December)."
        ) % {"semester": current}

    def clean_semester(self) -> str:
        """A semester code `YYYY-1` or `YYYY-2` of the programme."""
        code: str = self.cleaned_data["semester"]
        try:
            return parse_semester(code.strip()).code
        except SemesterError as error:
            raise forms.ValidationError(BAD_SEMESTER, code="semester") from error


class DecisionForm(forms.Form):
    """Accept (the ticked class-subjects) or reject the proposal for one teacher."""

    ACCEPT, REJECT = "accept", "reject"

    teacher = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    action = forms.ChoiceField(
        choices=[(ACCEPT, _("Accept the ticked hours")), (REJECT, _("Reject"))]
    )
    slot = forms.MultipleChoiceField(
        label=_("Proposed hours"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, slots: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["slot"]
        assert isinstance(field, forms.MultipleChoiceField)  # noqa: S101 # nosec B101 # declared
        field.choices = [(key, key) for key in slots]
