"""The PKB forms: an activity with its evidence, the verifier's decision, plans and the
standing; each limits its choices to the teacher's own plans and packages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sergur.common.i18n import rules_lang
from sergur.development.models import Plan
from sergur.kkg.models import Output, Package
from sergur.registry.models import Teacher
from sergur.rules.development import DevelopmentParams, Kind

KIND_LABELS = {
    Kind.TRAINING: _("Functional training (by hours)"),
    Kind.KKG_PACKAGE: _("KKG/MGMP package"),
    Kind.COLLECTIVE: _("Collective activity (workshop, scholarly event)"),
    Kind.PUBLICATION: _("Publication"),
    Kind.INNOVATIVE_WORK: _("Innovative work"),
    Kind.PRESENTATION: _("Scientific presentation"),
}
ELEMENT_LABELS = {
    "pk": _("Appraisal (PK)"),
    "pd": _("Self-development (PD)"),
    "pi_ki": _("Publications / innovative works (PI/KI)"),
    "supporting": _("Supporting elements"),
}


class _PackageChoice(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.group.name} · {obj.year} · {obj.number}: {obj.topic}"


class ActivityForm(forms.Form):
    """An activity the teacher records, with its evidence."""

    kind = forms.ChoiceField(label=_("Kind"), choices=list(KIND_LABELS.items()))
    title = forms.CharField(label=_("Title"), max_length=200)
    done_on = forms.DateField(label=_("Date"), widget=forms.DateInput({"type": "date"}))
    hours = forms.IntegerField(label=_("Hours (training)"), min_value=0, required=False)
    collective_key = forms.ChoiceField(label=_("Collective activity"), required=False)
    claimed = forms.DecimalField(
        label=_("Credit claimed (publication, innovative work, presentation)"),
        min_value=0,
        max_digits=6,
        decimal_places=3,
        required=False,
    )
    plan = forms.ModelChoiceField(label=_("Plan"), queryset=Plan.objects.none(), required=False)
    kkg_package = _PackageChoice(
        label=_("KKG/MGMP package"), queryset=Package.objects.none(), required=False
    )
    kkg_output = forms.ModelChoiceField(
        label=_("Output of the package as evidence"),
        queryset=Output.objects.none(),
        required=False,
    )
    file = forms.FileField(label=_("Evidence (PDF, JPEG or PNG)"), required=False)

    def __init__(
        self, *args: Any, teacher: Teacher, params: DevelopmentParams, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        lang = rules_lang()
        self.fields["collective_key"].choices = [  # type: ignore[attr-defined]
            ("", "—"),
            *((item.key, item.name(lang)) for item in params.collective),
        ]
        self.fields["plan"].queryset = Plan.objects.filter(teacher=teacher)  # type: ignore[attr-defined]
        packages = Package.objects.filter(group__memberships__teacher=teacher).select_related(
            "group"
        )
        self.fields["kkg_package"].queryset = packages  # type: ignore[attr-defined]
        self.fields["kkg_output"].queryset = Output.objects.filter(  # type: ignore[attr-defined]
            package__in=packages
        )


class VerifyForm(forms.Form):
    """The verifier's decision."""

    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("accept", _("Accept")), ("reject", _("Reject"))],
        widget=forms.RadioSelect,
    )
    assessed = forms.DecimalField(
        label=_("Credit assessed (publication, innovative work, presentation)"),
        min_value=0,
        max_digits=6,
        decimal_places=3,
        required=False,
    )
    note = forms.CharField(
        label=_("Note (the reason for a rejection)"), max_length=500, required=False
    )


class PlanForm(forms.Form):
    """A career-development plan."""

    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    goal = forms.CharField(
        label=_("Goal and activities"), max_length=2000, widget=forms.Textarea({"rows": 3})
    )
    deadline = forms.DateField(label=_("Deadline"), widget=forms.DateInput({"type": "date"}))


class RemedialForm(forms.Form):
    """The remedial plan of an appraisal with competencies below standard."""

    appraisal = forms.IntegerField(widget=forms.HiddenInput)
    goal = forms.CharField(
        label=_("Remedial activities"), max_length=2000, widget=forms.Textarea({"rows": 3})
    )
    deadline = forms.DateField(label=_("Deadline"), widget=forms.DateInput({"type": "date"}))


class StandingForm(forms.Form):
    """The rank held and the credits carried (the district's credit team)."""

    rank = forms.ChoiceField(label=_("Rank held"))
    since = forms.DateField(label=_("Held since"), widget=forms.DateInput({"type": "date"}))
    carried_pk = forms.DecimalField(
        label=_("Appraisal credit carried"), min_value=0, max_digits=8, decimal_places=4
    )
    supporting = forms.DecimalField(
        label=_("Supporting credit"), min_value=0, max_digits=8, decimal_places=4
    )

    def __init__(self, *args: Any, params: DevelopmentParams, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["rank"].choices = [(rank, rank) for rank in params.ranks]  # type: ignore[attr-defined]
