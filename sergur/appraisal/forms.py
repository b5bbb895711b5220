"""Forms of the PKG pages: the principal's assignment, opening an appraisal, the appraisal
form built from the instrument (indicator points and evidence per competency), an observation,
the teacher's objection and the year-start self-evaluation (docs/pkg.md)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from sergur.accounts.models import User
from sergur.registry.models import Teacher
from sergur.rules.appraisal import Instrument

POINTS = [(0, "0"), (1, "1"), (2, "2")]
VALUES = [(1, "1"), (2, "2"), (3, "3"), (4, "4")]


class AssignForm(forms.Form):
    """The principal names a teacher's appraiser for a year."""

    teacher = forms.ModelChoiceField(queryset=Teacher.objects.none(), label=_("Teacher"))
    appraiser = forms.ModelChoiceField(queryset=User.objects.none(), label=_("Appraiser"))
    year = forms.IntegerField(label=_("Year"), min_value=2013, max_value=2100)

    def __init__(
        self,
        *args: Any,
        teachers: QuerySet[Teacher],
        appraisers: QuerySet[User],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        for name, queryset in (("teacher", teachers), ("appraiser", appraisers)):
            field = self.fields[name]
            assert isinstance(field, forms.ModelChoiceField)  # nosec B101 # declared so, for mypy
            field.queryset = queryset


class OpenForm(forms.Form):
    """The appraiser opens an appraisal on one instrument."""

    instrument = forms.ChoiceField(label=_("Instrument"))

    def __init__(self, *args: Any, choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["instrument"]
        assert isinstance(field, forms.ChoiceField)  # nosec B101 # declared so, for mypy
        field.choices = choices


def point_name(competency: str, indicator: int) -> str:
    """The form field of one indicator's points."""
    return f"p_{competency}_{indicator}"


def evidence_name(competency: str, indicator: int) -> str:
    """The form field of one indicator's evidence."""
    return f"e_{competency}_{indicator}"


class ScoresForm(forms.Form):
    """Every indicator of the instrument (points 0/1/2 and evidence), the teaching hours and
    the monitoring notes."""

    teaching_hours = forms.IntegerField(
        label=_("Teaching hours a week (JM)"), min_value=0, max_value=60, required=False
    )
    monitoring_notes = forms.CharField(
        label=_("Monitoring notes (documents, interviews)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=5000,
    )

    def __init__(self, *args: Any, instrument: Instrument, lang: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instrument = instrument
        for competency in instrument.competencies:
            for number in range(1, competency.indicators + 1):
                self.fields[point_name(competency.key, number)] = forms.TypedChoiceField(
                    label=_("Indicator %(n)s") % {"n": number},
                    choices=POINTS,
                    coerce=int,
                    widget=forms.RadioSelect,
                    initial=0,
                )
                self.fields[evidence_name(competency.key, number)] = forms.CharField(
                    label=_("Evidence for indicator %(n)s") % {"n": number},
                    required=False,
                    max_length=1000,
                )
        self.lang = lang

    def groups(self) -> list[tuple[str, str, list[tuple[forms.BoundField, forms.BoundField]]]]:
        """Per competency: its key, name and (points, evidence) fields per indicator."""
        return [
            (
                c.key,
                c.name(self.lang),
                [
                    (self[point_name(c.key, n)], self[evidence_name(c.key, n)])
                    for n in range(1, c.indicators + 1)
                ],
            )
            for c in self.instrument.competencies
        ]

    def points(self) -> dict[tuple[str, int], int]:
        """The cleaned points by (competency, indicator)."""
        return {
            (c.key, n): self.cleaned_data[point_name(c.key, n)]
            for c in self.instrument.competencies
            for n in range(1, c.indicators + 1)
        }

    def evidence(self) -> dict[tuple[str, int], str]:
        """The cleaned evidence by (competency, indicator)."""
        return {
            (c.key, n): self.cleaned_data[evidence_name(c.key, n)]
            for c in self.instrument.competencies
            for n in range(1, c.indicators + 1)
        }


class ObservationForm(forms.Form):
    """A classroom observation with its discussions."""

    observed_on = forms.DateField(label=_("Observed on"))
    pre_discussion = forms.CharField(
        label=_("Pre-observation discussion"), widget=forms.Textarea(attrs={"rows": 2})
    )
    notes = forms.CharField(label=_("Observation notes"), widget=forms.Textarea(attrs={"rows": 3}))
    post_discussion = forms.CharField(
        label=_("Post-observation discussion"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )


class ObjectionForm(forms.Form):
    """The teacher's objection to the submitted appraisal."""

    objection = forms.CharField(
        label=_("Your objection"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )


class SelfEvaluationForm(forms.Form):
    """The teacher's value 1-4 per competency at the start of the year."""

    def __init__(self, *args: Any, instrument: Instrument, lang: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instrument = instrument
        for competency in instrument.competencies:
            self.fields[f"v_{competency.key}"] = forms.TypedChoiceField(
                label=f"{competency.key} {competency.name(lang)}",
                choices=VALUES,
                coerce=int,
            )

    def values(self) -> dict[str, int]:
        """The cleaned values by competency."""
        return {c.key: self.cleaned_data[f"v_{c.key}"] for c in self.instrument.competencies}
