"""Forms of the assessor register and the allocation: a register entry, a declared
relationship (the teacher found by participant number, posted), a manual reassignment."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from sergur.accounts.models import User
from sergur.assessments.models import Assessor
from sergur.registry.models import District, School, Subject

SCHOOL_UNKNOWN = _("No school has NPSN %(npsn)s.")
ACCOUNT_HELP = _("An account with the assessor role in this rayon, not yet in the register.")


class AllocateForm(forms.Form):
    """Allocate assessors to every portfolio the rayon received in the programme year."""

    year = forms.IntegerField(widget=forms.HiddenInput)


class AssessorForm(forms.ModelForm[Assessor]):
    """An entry of the assessor register. The home school is given by its NPSN (there are too
    many schools for a list)."""

    home_school_npsn = forms.CharField(
        label=_("NPSN of the home school"),
        max_length=8,
        required=False,
        help_text=_("Only if the assessor also teaches at a school."),
    )

    class Meta:
        model = Assessor
        fields = [
            "user",
            "number",
            "status",
            "educator_certificate",
            "degree",
            "degree_in_education",
            "experience_last_year",
            "subjects",
            "institution",
            "home_district",
            "max_load",
            "active",
        ]
        widgets = {"subjects": forms.CheckboxSelectMultiple}

    def __init__(self, *args: Any, rayon: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        accounts = User.objects.filter(
            role=User.Role.ASSESSOR, rayon=rayon, assessor__isnull=True, is_active=True
        )
        if self.instance.pk is not None:
            accounts = accounts | User.objects.filter(pk=self.instance.user_id)
        user_field = self.fields["user"]
        assert isinstance(user_field, forms.ModelChoiceField)  # nosec B101 # narrows the field's type for mypy
        user_field.queryset = accounts.order_by("username")
        user_field.help_text = ACCOUNT_HELP
        subjects = self.fields["subjects"]
        assert isinstance(subjects, forms.ModelMultipleChoiceField)  # nosec B101 # narrows the field's type for mypy
        subjects.queryset = Subject.objects.order_by("code")
        district = self.fields["home_district"]
        assert isinstance(district, forms.ModelChoiceField)  # nosec B101 # narrows the field's type for mypy
        district.queryset = District.objects.select_related("province").order_by(
            "province__code", "code"
        )
        school = self.instance.home_school
        if school is not None and not self.is_bound:
            self.initial["home_school_npsn"] = school.npsn

    def clean_home_school_npsn(self) -> School | None:
        npsn = self.cleaned_data["home_school_npsn"].strip()
        if not npsn:
            return None
        school = School.objects.filter(npsn=npsn).first()
        if school is None:
            raise forms.ValidationError(SCHOOL_UNKNOWN, code="school", params={"npsn": npsn})
        return school


class RelationForm(forms.Form):
    """A declared relationship: the teacher's participant number and what the relation is."""

    participant_number = forms.CharField(
        label=_("Teacher's participant number"), max_length=14, strip=True
    )
    relation = forms.CharField(
        label=_("Relationship"),
        max_length=100,
        strip=True,
        help_text=_("For example: spouse, sibling, colleague at the same school, former student."),
    )


class ReassignForm(forms.Form):
    """Another assessor for one slot, and why."""

    assessor = forms.ModelChoiceField(
        label=_("New assessor"), queryset=Assessor.objects.none(), empty_label=None
    )
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, assessors: QuerySet[Assessor], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["assessor"]
        assert isinstance(field, forms.ModelChoiceField)  # nosec B101 # narrows the field's type for mypy
        field.queryset = assessors
