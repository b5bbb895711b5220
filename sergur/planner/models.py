"""A run of the teaching-load planner for a district and semester (docs/allowance.md,
"The page"): its what-if parameters, its state, the proposal as JSON, and the committee's
decision on it per teacher."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from sergur.registry.models import District, Teacher


class PlanRun(models.Model):
    """One run of the planner, computed by a background task."""

    class State(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="+")
    semester = models.CharField(_("semester"), max_length=6)
    min_hours = models.PositiveSmallIntegerField(
        _("minimum hours a week"), validators=[MinValueValidator(1), MaxValueValidator(60)]
    )
    max_km = models.DecimalField(
        _("farthest school (km)"),
        max_digits=5,
        decimal_places=1,
        validators=[MinValueValidator(0), MaxValueValidator(500)],
    )
    max_schools = models.PositiveSmallIntegerField(
        _("most schools per teacher"), validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    what_if_pupils = models.PositiveSmallIntegerField(
        _("what if: schools with fewer pupils than"), null=True, blank=True
    )
    what_if_hours = models.PositiveSmallIntegerField(
        _("what if: their minimum hours"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.QUEUED)
    result = models.JSONField(_("proposal"), default=dict, blank=True)
    error = models.TextField(_("error"), blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created"))
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("planner run")
        verbose_name_plural = _("planner runs")

    def __str__(self) -> str:
        return f"{self.semester} ({self.state})"


class PlanDecision(models.Model):
    """The district committee's answer to a run's proposal for one teacher (docs/allowance.md,
    "Accepting a proposal"): accepted, with the class-subjects taken (all proposed, or the
    ones left ticked), or rejected. One per run and teacher; never changed."""

    class Outcome(models.TextChoices):
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")

    run = models.ForeignKey(PlanRun, on_delete=models.CASCADE, related_name="decisions")
    teacher = models.ForeignKey(Teacher, on_delete=models.PROTECT, related_name="+")
    outcome = models.CharField(_("decision"), max_length=10, choices=Outcome.choices)
    slots = models.JSONField(_("class-subjects taken"), default=list, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"))

    class Meta:
        ordering = ["run", "teacher"]
        constraints = [
            models.UniqueConstraint(fields=["run", "teacher"], name="planner_decision_once"),
        ]
        verbose_name = _("decision on a proposal")
        verbose_name_plural = _("decisions on proposals")

    def __str__(self) -> str:
        return f"{self.run_id} {self.teacher_id}: {self.outcome}"
