"""The yearly performance appraisal, PKG (docs/pkg.md): who appraises whom, the appraisal of a
teacher in a year on one instrument (instruments are data, `sergur/rules/appraisal/`), its
indicator points with evidence, its observations, its signatures, and the teacher's year-start
self-evaluation. The result is computed by the rules core; the figures other apps read (score,
category, NPK, credit) are stored when the appraisal is submitted."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from sergur.registry.models import School, Teacher


class AppraiserAssignment(models.Model):
    """The principal assigns a teacher's appraiser for a year: themself, or a trained senior
    teacher of the school (docs/pkg.md, "Who appraises")."""

    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("year"))
    teacher = models.ForeignKey(
        Teacher, on_delete=models.CASCADE, related_name="appraiser_assignments"
    )
    appraiser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="appraisal_assignments",
        verbose_name=_("appraiser"),
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    assigned_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-year", "teacher__name"]
        constraints = [
            models.UniqueConstraint(fields=["teacher", "year"], name="appraisal_assign_once")
        ]
        verbose_name = _("appraiser assignment")
        verbose_name_plural = _("appraiser assignments")

    def __str__(self) -> str:
        return f"{self.year}: {self.teacher_id} ← {self.appraiser_id}"


class Appraisal(models.Model):
    """A teacher's appraisal of one year on one instrument version."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Waiting for the teacher's signature")
        OBJECTED = "objected", _("Objection by the teacher")
        SIGNED = "signed", _("Signed by the teacher")
        PRINCIPAL_SIGNED = "principal_signed", _("Countersigned by the principal")
        FINAL = "final", _("Final (countersigned by the supervisor)")

    teacher = models.ForeignKey(Teacher, on_delete=models.PROTECT, related_name="appraisals")
    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="appraisals")
    year = models.PositiveSmallIntegerField(_("year"))
    instrument_key = models.CharField(_("instrument"), max_length=40)
    instrument_version = models.PositiveSmallIntegerField(_("instrument version"))
    appraiser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="appraisals_made",
        verbose_name=_("appraiser"),
    )
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.DRAFT)
    rank = models.CharField(_("rank/golongan at the appraisal"), max_length=10, blank=True)
    teaching_hours = models.PositiveSmallIntegerField(
        _("teaching hours a week (JM)"), null=True, blank=True, validators=[MaxValueValidator(60)]
    )
    monitoring_notes = models.TextField(_("monitoring notes (documents, interviews)"), blank=True)
    # The result as it stood when submitted (the rules core recomputes it for display).
    total = models.PositiveSmallIntegerField(_("total"), null=True, blank=True)
    score = models.DecimalField(
        _("score (0-100)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    category = models.CharField(_("category"), max_length=2, blank=True)
    below_count = models.PositiveSmallIntegerField(
        _("competencies below standard"), null=True, blank=True
    )
    lowest_value = models.PositiveSmallIntegerField(
        _("lowest competency value"), null=True, blank=True
    )
    npk = models.PositiveSmallIntegerField(_("NPK %"), null=True, blank=True)
    credit = models.DecimalField(
        _("yearly credit"), max_digits=8, decimal_places=4, null=True, blank=True
    )
    objection = models.TextField(_("objection"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    teacher_signed_at = models.DateTimeField(null=True, blank=True)
    principal = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    principal_signed_at = models.DateTimeField(null=True, blank=True)
    supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    final_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-year", "teacher__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["teacher", "year", "instrument_key"], name="appraisal_once_a_year"
            ),
            models.CheckConstraint(
                condition=models.Q(score__isnull=True)
                | models.Q(score__gte=Decimal(0), score__lte=Decimal(100)),
                name="appraisal_score_range",
            ),
        ]
        indexes = [
            models.Index(fields=["teacher", "state", "final_at"], name="appraisal_final"),
            models.Index(
                fields=["year", "school"],
                condition=models.Q(state="final", below_count__gt=0),
                name="appraisal_final_below",
            ),
        ]
        verbose_name = _("appraisal")
        verbose_name_plural = _("appraisals")

    def __str__(self) -> str:
        return f"PKG {self.year} #{self.pk}"

    @property
    def is_final(self) -> bool:
        """Whether the supervisor has countersigned: the result counts."""
        return self.state == self.State.FINAL


class IndicatorScore(models.Model):
    """One indicator's points (0, 1 or 2) with the evidence seen."""

    appraisal = models.ForeignKey(Appraisal, on_delete=models.CASCADE, related_name="scores")
    competency = models.CharField(_("competency"), max_length=40)
    indicator = models.PositiveSmallIntegerField(_("indicator"))
    points = models.PositiveSmallIntegerField(
        _("points"), validators=[MinValueValidator(0), MaxValueValidator(2)]
    )
    evidence = models.TextField(_("evidence"), blank=True)

    class Meta:
        ordering = ["competency", "indicator"]
        constraints = [
            models.UniqueConstraint(
                fields=["appraisal", "competency", "indicator"], name="appraisal_indicator_once"
            ),
            models.CheckConstraint(condition=models.Q(points__lte=2), name="appraisal_points_0_2"),
        ]
        verbose_name = _("indicator score")
        verbose_name_plural = _("indicator scores")

    def __str__(self) -> str:
        return f"{self.competency}.{self.indicator}: {self.points}"


class Observation(models.Model):
    """A classroom observation with the discussions before and after it (docs/sources/
    domain.md §7.1: "observation with pre- and post-discussion")."""

    appraisal = models.ForeignKey(Appraisal, on_delete=models.CASCADE, related_name="observations")
    observed_on = models.DateField(_("observed on"))
    pre_discussion = models.TextField(_("pre-observation discussion"))
    notes = models.TextField(_("observation notes"))
    post_discussion = models.TextField(_("post-observation discussion"), blank=True)

    class Meta:
        ordering = ["observed_on", "pk"]
        verbose_name = _("observation")
        verbose_name_plural = _("observations")

    def __str__(self) -> str:
        return f"{self.appraisal_id} @ {self.observed_on}"


class SelfEvaluation(models.Model):
    """The teacher's year-start self-evaluation: a value 1-4 per competency of the instrument,
    compared later with the appraisal."""

    teacher = models.ForeignKey(Teacher, on_delete=models.CASCADE, related_name="self_evaluations")
    year = models.PositiveSmallIntegerField(_("year"))
    instrument_key = models.CharField(_("instrument"), max_length=40)
    instrument_version = models.PositiveSmallIntegerField(_("instrument version"))
    values = models.JSONField(_("values per competency"), default=dict)
    saved_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["teacher", "year", "instrument_key"], name="appraisal_self_once"
            )
        ]
        verbose_name = _("self-evaluation")
        verbose_name_plural = _("self-evaluations")

    def __str__(self) -> str:
        return f"{self.year}: {self.teacher_id}"
