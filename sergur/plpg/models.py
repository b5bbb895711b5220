"""The PLPG training and its exams: instructors, classes and their timetable, participants,
attendance, peer teaching, part scores (first attempts and retakes) and remedial activities
(docs/plpg.md). Scores are stored exactly (numeric columns)."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from sergur.cases.models import Case
from sergur.common.models import AppendOnlyModel
from sergur.registry.models import (
    ProgrammeYear,
    Rayon,
    RayonRegisterEntry,
    School,
    Subject,
    Teacher,
)

SCORE = [MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))]


class Instructor(RayonRegisterEntry):
    """One entry of a rayon's register of PLPG instructors (docs/plpg.md, "Instructors")."""

    class Status(models.TextChoices):
        LECTURER = "lecturer", _("Lecturer (dosen)")
        WIDYAISWARA = "widyaiswara", _("Widyaiswara")
        SENIOR_TEACHER = "senior_teacher", _("Instructor or senior teacher")

    number = models.CharField(_("instructor number"), max_length=30, unique=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices)
    home_school = models.ForeignKey(
        School,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("school (if the instructor also teaches at one)"),
    )

    class Meta(RayonRegisterEntry.Meta):
        verbose_name = _("instructor")
        verbose_name_plural = _("instructors")

    def __str__(self) -> str:
        return f"{self.user} ({self.number})"


class InstructorRelation(models.Model):
    """A relationship an instructor declared with a teacher: the instructor never teaches or
    examines that teacher's class."""

    instructor = models.ForeignKey(Instructor, on_delete=models.CASCADE, related_name="relations")
    teacher = models.ForeignKey(Teacher, on_delete=models.CASCADE, related_name="+")
    relation = models.CharField(_("relationship"), max_length=100)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["instructor", "teacher"], name="plpg_relation_once")
        ]
        verbose_name = _("declared relationship")
        verbose_name_plural = _("declared relationships")

    def __str__(self) -> str:
        return f"{self.instructor} – {self.teacher}: {self.relation}"


class SubjectMerge(models.Model):
    """A row of the rayon's merge table: participants of `subject` are taught with `into`
    (a small subject group merged with a related one)."""

    rayon = models.ForeignKey(Rayon, on_delete=models.CASCADE, related_name="plpg_merges")
    subject = models.ForeignKey(Subject, on_delete=models.PROTECT, related_name="+")
    into = models.ForeignKey(
        Subject, on_delete=models.PROTECT, related_name="+", verbose_name=_("taught with")
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["rayon", "subject"], name="plpg_merge_once"),
            models.CheckConstraint(
                condition=~models.Q(subject=models.F("into")), name="plpg_merge_elsewhere"
            ),
        ]
        verbose_name = _("subject merge")
        verbose_name_plural = _("subject merges")

    def __str__(self) -> str:
        return f"{self.subject} → {self.into}"


class PlpgClass(models.Model):
    """A PLPG class (kelas): one subject group of a rayon's programme year, its instructor,
    venue and dates."""

    rayon = models.ForeignKey(Rayon, on_delete=models.PROTECT, related_name="plpg_classes")
    programme_year = models.ForeignKey(ProgrammeYear, on_delete=models.PROTECT, related_name="+")
    subject = models.ForeignKey(Subject, on_delete=models.PROTECT, related_name="+")
    number = models.PositiveSmallIntegerField(_("class number"))
    instructor = models.ForeignKey(
        Instructor,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="classes",
        verbose_name=_("instructor"),
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    starts_on = models.DateField(_("first day"), null=True, blank=True)
    ends_on = models.DateField(_("last day"), null=True, blank=True)

    class Meta:
        ordering = ["programme_year", "subject__code", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["rayon", "programme_year", "subject", "number"], name="plpg_class_once"
            )
        ]
        verbose_name = _("PLPG class")
        verbose_name_plural = _("PLPG classes")

    def __str__(self) -> str:
        return f"{self.subject.name} {self.number} ({self.programme_year})"


class Session(models.Model):
    """One session of a class's timetable with its JP (jam pertemuan)."""

    plpg_class = models.ForeignKey(PlpgClass, on_delete=models.CASCADE, related_name="sessions")
    day = models.DateField(_("day"))
    starts_at = models.TimeField(_("starts at"))
    topic = models.CharField(_("topic"), max_length=200)
    jp = models.PositiveSmallIntegerField(
        _("JP"), validators=[MinValueValidator(1), MaxValueValidator(12)]
    )

    class Meta:
        ordering = ["day", "starts_at", "pk"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def __str__(self) -> str:
        return f"{self.day} {self.starts_at:%H:%M} {self.topic}"


class Participant(models.Model):
    """A teacher's place in a PLPG class (one per case) and where they stand: the exam round
    (0 the first exams, then each retake), the parts to retake, the last result."""

    class Status(models.TextChoices):
        TRAINING = "training", _("In training")
        RETAKE = "retake", _("Retake due")
        PASSED = "passed", _("Passed")
        RETURNED = "returned", _("Returned to the district")

    case = models.OneToOneField(Case, on_delete=models.PROTECT, related_name="plpg")
    plpg_class = models.ForeignKey(PlpgClass, on_delete=models.PROTECT, related_name="participants")
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.TRAINING
    )
    round = models.PositiveSmallIntegerField(_("exam round"), default=0)
    retake_parts = models.JSONField(_("parts to retake"), default=list, blank=True)
    final_score = models.DecimalField(
        _("final score"), max_digits=7, decimal_places=4, null=True, blank=True
    )

    class Meta:
        ordering = ["plpg_class", "case__teacher__name"]
        verbose_name = _("PLPG participant")
        verbose_name_plural = _("PLPG participants")

    def __str__(self) -> str:
        return f"{self.case} · {self.plpg_class}"


class Attendance(models.Model):
    """Whether a participant attended one session."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attendance")
    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="attendance"
    )
    present = models.BooleanField(_("present"), default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "participant"], name="plpg_attended_once")
        ]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")

    def __str__(self) -> str:
        return f"{self.session}: {self.participant} {'✓' if self.present else '✗'}"


class PeerTeaching(models.Model):
    """One peer-teaching appearance: the lesson plan discussed with the instructor first, the
    plan and the teaching scored on the instrument (docs/sources/domain.md §3.1)."""

    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="appearances"
    )
    number = models.PositiveSmallIntegerField(_("appearance"), validators=[MinValueValidator(1)])
    plan_discussed = models.BooleanField(_("lesson plan discussed with the instructor"))
    plan_score = models.DecimalField(
        _("lesson plan score"), max_digits=5, decimal_places=2, validators=SCORE
    )
    teaching_score = models.DecimalField(
        _("teaching score"), max_digits=5, decimal_places=2, validators=SCORE
    )
    scored_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["participant", "number"]
        constraints = [
            models.UniqueConstraint(fields=["participant", "number"], name="plpg_appearance_once")
        ]
        verbose_name = _("peer-teaching appearance")
        verbose_name_plural = _("peer-teaching appearances")

    def __str__(self) -> str:
        return f"{self.participant} #{self.number}"


class Score(AppendOnlyModel):
    """A part score of the year's formula (an exam, the process, workshop or peer rating) for
    one exam round: round 0 the first attempt, 1.. the retakes. Never changed: a retake is a new
    row, and so is a correction of a score typed wrongly (`corrects` the entry it replaces, with
    who and why); the latest entry of a part and round counts."""

    append_only_message = "PLPG scores are append-only"

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="scores")
    part = models.CharField(_("part"), max_length=30)
    round = models.PositiveSmallIntegerField(_("exam round"), default=0)
    score = models.DecimalField(_("score"), max_digits=5, decimal_places=2, validators=SCORE)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    entered_at = models.DateTimeField(_("entered"), auto_now_add=True)
    corrects = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="corrected_by",
        verbose_name=_("corrects"),
    )
    reason = models.CharField(_("reason of the correction"), max_length=300, blank=True)

    class Meta:
        ordering = ["participant", "round", "part", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "part", "round"],
                condition=models.Q(corrects__isnull=True),
                name="plpg_score_once_a_round",
            ),
            models.CheckConstraint(
                condition=models.Q(corrects__isnull=True) | ~models.Q(reason=""),
                name="plpg_score_correction_has_a_reason",
            ),
        ]
        verbose_name = _("PLPG score")
        verbose_name_plural = _("PLPG scores")

    def __str__(self) -> str:
        return f"{self.participant} {self.part}/{self.round}: {self.score}"


class RemedialActivity(AppendOnlyModel):
    """A remedial activity between a failure and the retake, recorded by the district office
    (seed 003, FAQ question 21: self-study, MGMP meetings, training by the Dinas or others)."""

    append_only_message = "remedial activities are append-only"

    class Kind(models.TextChoices):
        SELF_STUDY = "self_study", _("Self-study")
        MGMP = "mgmp", _("MGMP meeting")
        TRAINING = "training", _("Training (district office, PMPTK or another body)")

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="remedial")
    kind = models.CharField(_("activity"), max_length=12, choices=Kind.choices)
    description = models.CharField(_("what and where"), max_length=200)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        ordering = ["participant", "starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="plpg_remedial_dates",
                violation_error_message=_("The activity ends before it starts."),
            )
        ]
        verbose_name = _("remedial activity")
        verbose_name_plural = _("remedial activities")

    def __str__(self) -> str:
        return f"{self.participant}: {self.get_kind_display()} {self.starts_on}"
