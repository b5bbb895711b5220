"""A run of the teaching-load planner for a district and semester (docs/allowance.md,
"The page"): its what-if parameters, its state, and the proposal as JSON."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from sergur.registry.models import District


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
