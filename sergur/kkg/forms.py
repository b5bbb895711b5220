"""The working-group forms: each limits its choices to what the user may pick (the group's
schools, members and district register; the year's kinds of output)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sergur.common.i18n import rules_lang
from sergur.kkg.models import Group, Membership, ResourcePerson
from sergur.registry.models import District, School, Subject, Teacher
from sergur.rules.kkg import KkgParams


class GroupCreateForm(forms.Form):
    """Register a group of the district: a KKG cluster or an MGMP."""

    kind = forms.ChoiceField(label=_("Kind"), choices=Group.Kind.choices)
    name = forms.CharField(label=_("Name"), max_length=150)
    core_school = forms.ModelChoiceField(label=_("Core school"), queryset=School.objects.none())
    member_schools = forms.ModelMultipleChoiceField(
        label=_("Member schools"), queryset=School.objects.none(), required=False
    )
    subject = forms.ModelChoiceField(
        label=_("Subject (MGMP)"), queryset=Subject.objects.order_by("code"), required=False
    )

    def __init__(self, *args: Any, district: District, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        schools = School.objects.filter(subdistrict__district=district).order_by("name")
        self.fields["core_school"].queryset = schools  # type: ignore[attr-defined]
        self.fields["member_schools"].queryset = schools  # type: ignore[attr-defined]


class _TeacherChoice(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.teacher) if isinstance(obj, Membership) else str(obj)


class MemberAddForm(forms.Form):
    """Add a teacher of the group's schools."""

    teacher = _TeacherChoice(label=_("Teacher"), queryset=Teacher.objects.none())

    def __init__(self, *args: Any, group: Group, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        schools = [group.core_school_id, *group.member_schools.values_list("pk", flat=True)]
        self.fields["teacher"].queryset = (  # type: ignore[attr-defined]
            Teacher.objects.filter(assignments__school__in=schools)
            .exclude(kkg_memberships__group=group)
            .distinct()
            .order_by("name")
        )


class CoordinatorForm(forms.Form):
    """Record the coordinator the members elected."""

    member = _TeacherChoice(label=_("Elected coordinator"), queryset=Membership.objects.none())
    elected_on = forms.DateField(label=_("Elected on"), widget=forms.DateInput({"type": "date"}))

    def __init__(self, *args: Any, group: Group, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = group.memberships.select_related(  # type: ignore[attr-defined]
            "teacher"
        ).order_by("teacher__name")


class PackageForm(forms.Form):
    """A package of the yearly programme."""

    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    topic = forms.CharField(label=_("Topic"), max_length=200)
    output_kind = forms.ChoiceField(label=_("Output"))
    planned_meetings = forms.IntegerField(label=_("Planned meetings"), min_value=1, max_value=30)

    def __init__(self, *args: Any, params: KkgParams, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        lang = rules_lang()
        self.fields["output_kind"].choices = [  # type: ignore[attr-defined]
            (kind.key, kind.name(lang)) for kind in params.outputs
        ]
        self.fields["planned_meetings"].initial = params.min_meetings_per_package


class MeetingForm(forms.Form):
    """A meeting of a package."""

    held_on = forms.DateField(label=_("Date"), widget=forms.DateInput({"type": "date"}))
    agenda = forms.CharField(label=_("Agenda"), max_length=2000, widget=forms.Textarea({"rows": 3}))
    resource_persons = forms.ModelMultipleChoiceField(
        label=_("Resource persons"), queryset=ResourcePerson.objects.none(), required=False
    )

    def __init__(self, *args: Any, group: Group, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["resource_persons"].queryset = ResourcePerson.objects.filter(  # type: ignore[attr-defined]
            district=group.district_id
        ).order_by("name")


class AttendanceForm(forms.Form):
    """Who attended a meeting."""

    present = forms.ModelMultipleChoiceField(
        label=_("Present"),
        queryset=Membership.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, group: Group, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["present"]
        field.queryset = group.memberships.select_related("teacher").order_by(  # type: ignore[attr-defined]
            "teacher__name"
        )
        field.label_from_instance = lambda m: str(m.teacher)  # type: ignore[attr-defined]


class OutputForm(forms.Form):
    """An output of a package with its file."""

    kind = forms.ChoiceField(label=_("Kind"))
    title = forms.CharField(label=_("Title"), max_length=200)
    file = forms.FileField(label=_("File (PDF, JPEG or PNG)"))

    def __init__(self, *args: Any, params: KkgParams, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        lang = rules_lang()
        self.fields["kind"].choices = [  # type: ignore[attr-defined]
            (kind.key, kind.name(lang)) for kind in params.outputs
        ]


class ReportForm(forms.Form):
    """The written report of a package."""

    file = forms.FileField(label=_("Report (PDF, JPEG or PNG)"))


class ResourcePersonForm(forms.Form):
    """A resource person for the register."""

    name = forms.CharField(label=_("Name"), max_length=150)
    expertise = forms.CharField(label=_("Expertise"), max_length=200)
    institution = forms.CharField(label=_("Institution"), max_length=150, required=False)
    district = forms.ModelChoiceField(label=_("District"), queryset=District.objects.none())

    def __init__(self, *args: Any, districts: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["district"]
        field.queryset = District.objects.filter(pk__in=districts).order_by("name")  # type: ignore[attr-defined]
        if len(districts) == 1:
            field.initial = districts[0]
