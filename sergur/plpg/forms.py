"""Forms of the PLPG pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from sergur.plpg.models import SCORE, Instructor, Participant, RemedialActivity
from sergur.registry.models import Subject


class ClassUpdateForm(forms.Form):
    """The rayon admin's settings of a class."""

    instructor = forms.ModelChoiceField(
        queryset=Instructor.objects.none(), required=False, label=_("Instructor")
    )
    venue = forms.CharField(label=_("Venue"), max_length=200, required=False)
    starts_on = forms.DateField(label=_("First day"), required=False)
    ends_on = forms.DateField(label=_("Last day"), required=False)

    def __init__(self, *args: Any, rayon: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["instructor"]
        assert isinstance(field, forms.ModelChoiceField)  # nosec B101 # declared so, for mypy
        field.queryset = Instructor.objects.filter(rayon=rayon, active=True).select_related("user")


class SessionForm(forms.Form):
    """A session of the timetable."""

    day = forms.DateField(label=_("Day"))
    starts_at = forms.TimeField(label=_("Starts at"))
    topic = forms.CharField(label=_("Topic"), max_length=200)
    jp = forms.IntegerField(label=_("JP"), min_value=1, max_value=12)


class PeerTeachingForm(forms.Form):
    """One peer-teaching appearance, scored on the instrument."""

    number = forms.IntegerField(label=_("Appearance"), min_value=1, max_value=20)
    plan_discussed = forms.BooleanField(
        label=_("Lesson plan discussed with the instructor"), required=False
    )
    plan_score = forms.DecimalField(
        label=_("Lesson plan score"), max_digits=5, decimal_places=2, validators=SCORE
    )
    teaching_score = forms.DecimalField(
        label=_("Teaching score"), max_digits=5, decimal_places=2, validators=SCORE
    )


class ScoreForm(forms.Form):
    """A part score of the year's formula."""

    part = forms.ChoiceField(label=_("Part"))
    score = forms.DecimalField(label=_("Score"), max_digits=5, decimal_places=2, validators=SCORE)

    def __init__(self, *args: Any, parts: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["part"]
        assert isinstance(field, forms.ChoiceField)  # nosec B101 # declared so, for mypy
        field.choices = parts


class ScoreCorrectionForm(forms.Form):
    """A correction of a score typed wrongly: which entry, the right score, and why."""

    entry = forms.TypedChoiceField(label=_("Entry to correct"), coerce=int)
    score = forms.DecimalField(
        label=_("Corrected score"), max_digits=5, decimal_places=2, validators=SCORE
    )
    reason = forms.CharField(label=_("Why"), max_length=300)

    def __init__(self, *args: Any, entries: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["entry"]
        assert isinstance(field, forms.ChoiceField)  # nosec B101 # declared so, for mypy
        field.choices = entries


class ScoreImportForm(forms.Form):
    """A CSV of written scores."""

    file = forms.FileField(label=_("CSV file"))


class InstructorForm(forms.ModelForm[Instructor]):
    """An entry of the instructor register (the user account is chosen by its username)."""

    username = forms.CharField(label=_("Username of the instructor's account"), max_length=150)
    subjects = forms.ModelMultipleChoiceField(queryset=Subject.objects.all(), label=_("Subjects"))

    class Meta:
        model = Instructor
        fields = ["number", "degree", "status", "educator_certificate", "institution", "active"]


class RemedialForm(forms.ModelForm[RemedialActivity]):
    """A remedial activity."""

    class Meta:
        model = RemedialActivity
        fields = ["kind", "description", "starts_on", "ends_on"]


class MergeForm(forms.Form):
    """A row of the subject merge table."""

    subject = forms.ModelChoiceField(queryset=Subject.objects.all(), label=_("Subject"))
    into = forms.ModelChoiceField(
        queryset=Subject.objects.all(), required=False, label=_("Taught with (empty: none)")
    )


class RelationForm(forms.Form):
    """A relationship an instructor declared with a participant (the rayon records it)."""

    instructor = forms.ModelChoiceField(queryset=Instructor.objects.none(), label=_("Instructor"))
    participant = forms.ModelChoiceField(
        queryset=Participant.objects.none(), label=_("Participant")
    )
    relation = forms.CharField(label=_("Relationship"), max_length=100)

    def __init__(
        self,
        *args: Any,
        instructors: QuerySet[Instructor],
        participants: QuerySet[Participant],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        instructor = self.fields["instructor"]
        assert isinstance(instructor, forms.ModelChoiceField)  # nosec B101 # declared so, for mypy
        instructor.queryset = instructors
        participant = self.fields["participant"]
        assert isinstance(participant, forms.ModelChoiceField)  # nosec B101 # declared so, for mypy
        participant.queryset = participants
