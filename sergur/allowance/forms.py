"""Forms of the allowance pages."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from sergur.allowance.models import SEMESTER_HELP, TeacherSemester, semester_code
from sergur.registry.models import Subject, Teacher
from sergur.rules.allowance.params import AllowanceParams


class TeacherChoiceField(forms.ModelChoiceField[Teacher]):
    """A teacher of the school, shown with the subject code."""

    def label_from_instance(self, obj: Teacher) -> str:
        """The teacher's name and subject code."""
        return f"{obj.name} ({obj.subject.code})"


def _teacher_field(field: forms.Field, teachers: QuerySet[Teacher]) -> None:
    assert isinstance(field, forms.ModelChoiceField)  # noqa: S101 # nosec B101 # declared so
    field.queryset = teachers


class SemesterForm(forms.Form):
    """Which semester a page shows (a code, no personal data: a GET parameter)."""

    semester = forms.CharField(
        label=_("Semester"), max_length=6, validators=[semester_code], help_text=SEMESTER_HELP
    )


class LoadLineForm(forms.Form):
    """One timetable line: a teacher's weekly hours with a class in a subject."""

    teacher = TeacherChoiceField(queryset=Teacher.objects.none(), label=_("Teacher"))
    class_label = forms.CharField(label=_("Class (rombel)"), max_length=30)
    subject = forms.ModelChoiceField(queryset=Subject.objects.all(), label=_("Subject"))
    hours = forms.IntegerField(label=_("Hours a week (JP)"), min_value=1, max_value=60)
    team_share = forms.DecimalField(
        label=_("Team-teaching share"),
        initial=Decimal(1),
        max_digits=3,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(Decimal(1))],
        help_text=_("1 when taught alone; 0.5 when two teachers share the class."),
    )
    pupils = forms.IntegerField(
        label=_("Pupils in the class"), min_value=1, max_value=200, required=False
    )

    def __init__(self, *args: Any, teachers: QuerySet[Teacher], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _teacher_field(self.fields["teacher"], teachers)


class OpenHoursForm(forms.Form):
    """A class-subject no teacher teaches: its weekly hours (docs/allowance.md, "Open
    hours")."""

    class_label = forms.CharField(label=_("Class (rombel)"), max_length=30)
    subject = forms.ModelChoiceField(queryset=Subject.objects.all(), label=_("Subject"))
    hours = forms.IntegerField(label=_("Hours a week (JP)"), min_value=1, max_value=60)
    pupils = forms.IntegerField(
        label=_("Pupils in the class"), min_value=1, max_value=200, required=False
    )


class DutyForm(forms.Form):
    """An additional duty of the semester's rules."""

    teacher = TeacherChoiceField(queryset=Teacher.objects.none(), label=_("Teacher"))
    kind = forms.ChoiceField(label=_("Duty"))

    def __init__(
        self,
        *args: Any,
        teachers: QuerySet[Teacher],
        params: AllowanceParams,
        lang: str,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        _teacher_field(self.fields["teacher"], teachers)
        field = self.fields["kind"]
        assert isinstance(field, forms.ChoiceField)  # noqa: S101 # nosec B101 # declared so
        field.choices = [(duty.key, duty.name(lang)) for duty in params.duties]


class CounsellingForm(forms.Form):
    """The pupils a counsellor serves (0 removes the entry)."""

    teacher = TeacherChoiceField(queryset=Teacher.objects.none(), label=_("Counsellor"))
    pupils = forms.IntegerField(label=_("Pupils served"), min_value=0, max_value=2000)

    def __init__(self, *args: Any, teachers: QuerySet[Teacher], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _teacher_field(self.fields["teacher"], teachers)


class FactsForm(forms.Form):
    """A teacher's facts for the semester: latest PKG, other permanent post, employer."""

    teacher = TeacherChoiceField(queryset=Teacher.objects.none(), label=_("Teacher"))
    pkg = forms.ChoiceField(
        label=_("Latest PKG category"),
        choices=[("", _("Not recorded")), *TeacherSemester.Pkg.choices],
        required=False,
    )
    employed_elsewhere = forms.BooleanField(
        label=_("Permanently employed by another institution"), required=False
    )
    employer = forms.ChoiceField(
        label=_("Employer"), choices=TeacherSemester.Employer.choices, required=False
    )

    def __init__(self, *args: Any, teachers: QuerySet[Teacher], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _teacher_field(self.fields["teacher"], teachers)


class LoadImportForm(forms.Form):
    """The school's timetable export."""

    file = forms.FileField(label=_("Timetable file (CSV or XLSX)"))
    apply = forms.BooleanField(
        label=_("Replace the school's lines of this semester with the file"),
        required=False,
        help_text=_("Leave unticked for a dry run: every problem is listed, nothing is saved."),
    )


class EligibilityFilterForm(forms.Form):
    """The district's list filters (posted: a name never goes into a URL)."""

    verdict = forms.ChoiceField(
        label=_("Show"),
        choices=[
            ("", _("Everyone")),
            ("yes", _("Eligible")),
            ("no", _("Not eligible")),
        ],
        required=False,
    )
    query = forms.CharField(label=_("Name or NUPTK"), max_length=100, required=False)


class LinearityForm(forms.Form):
    """A line of the linearity table."""

    certified = forms.ModelChoiceField(queryset=Subject.objects.all(), label=_("Certified subject"))
    taught = forms.ModelChoiceField(queryset=Subject.objects.all(), label=_("May teach"))
    note = forms.CharField(label=_("Note"), max_length=200, required=False)


class ApprovalForm(forms.Form):
    """The minister's written approval of a teacher of the district."""

    teacher = TeacherChoiceField(queryset=Teacher.objects.none(), label=_("Teacher"))
    letter_number = forms.CharField(label=_("Letter number"), max_length=80)
    letter_date = forms.DateField(label=_("Letter date"))
    official = forms.CharField(label=_("Signed by"), max_length=150)
    first_semester = forms.CharField(
        label=_("From semester"), max_length=6, validators=[semester_code], help_text=SEMESTER_HELP
    )
    last_semester = forms.CharField(
        label=_("To semester"), max_length=6, validators=[semester_code], help_text=SEMESTER_HELP
    )
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, teachers: QuerySet[Teacher], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _teacher_field(self.fields["teacher"], teachers)
