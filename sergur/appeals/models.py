"""A teacher's appeal against a published decision and the independent reviewer's decision.

No formal appeal procedure was found for portfolio results (docs/sources/domain.md §2, "[NOT
FOUND]"): the window (`appeal_days` of the programme year) and this procedure are product defaults.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sergur.assessments.models import Assessor, Result
from sergur.cases.models import Case
from sergur.registry.models import Rayon


def appeal_evidence_path(instance: Appeal, filename: str) -> str:
    """Stored under a random name: the teacher's file name never reaches the file system."""
    return f"appeals/{instance.case_id}/{uuid.uuid4().hex}"


class Appeal(models.Model):
    """One appeal (banding) of a teacher against one published decision: the grounds and an
    optional file, the reviewer the rayon assigned, and the reviewer's decision with reasons."""

    class Outcome(models.TextChoices):
        UPHELD = "upheld", _("Decision upheld")
        CHANGED = "changed", _("Decision changed")

    class Status(models.TextChoices):
        FILED = "filed", _("Filed, awaiting a reviewer")
        IN_REVIEW = "in_review", _("Being reviewed")
        DECIDED = "decided", _("Decided")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="appeals")
    result = models.ForeignKey(
        Result,
        on_delete=models.PROTECT,
        related_name="appeals",
        verbose_name=_("decision appealed"),
    )
    rayon = models.ForeignKey(
        Rayon, on_delete=models.PROTECT, related_name="appeals", verbose_name=_("rayon")
    )
    grounds = models.TextField(_("grounds"))
    evidence = models.FileField(
        _("supporting file"), upload_to=appeal_evidence_path, max_length=200, blank=True
    )
    evidence_name = models.CharField(_("file name"), max_length=120, blank=True)
    evidence_type = models.CharField(_("file type"), max_length=32, blank=True)
    evidence_size = models.PositiveBigIntegerField(_("file size in bytes"), null=True, blank=True)
    filed_at = models.DateTimeField(_("filed"))
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reviewer = models.ForeignKey(
        Assessor,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="appeal_reviews",
        verbose_name=_("reviewer"),
    )
    assigned_at = models.DateTimeField(_("reviewer assigned"), null=True, blank=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    outcome = models.CharField(_("outcome"), max_length=8, choices=Outcome.choices, blank=True)
    new_result = models.OneToOneField(
        Result,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="from_appeal",
        verbose_name=_("decision after the appeal"),
    )
    new_code = models.CharField(_("decision after the appeal"), max_length=5, blank=True)
    # {"parts": {part: {"before", "after"}}, "review": {"before", "after"}, "total": {...}}
    corrections = models.JSONField(_("corrections"), default=dict, blank=True)
    reasons = models.TextField(_("reviewer's reasons"), blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        ordering = ["-filed_at", "-pk"]
        constraints = [
            # A decision is appealed once; the appeal's own decision is final.
            models.UniqueConstraint(fields=["result"], name="one_appeal_a_result"),
            models.CheckConstraint(
                condition=(
                    models.Q(decided_at__isnull=True, outcome="", new_code="")
                    | models.Q(decided_at__isnull=False, outcome="upheld", new_code="")
                    | (
                        models.Q(decided_at__isnull=False, outcome="changed")
                        & ~models.Q(new_code="")
                    )
                ),
                name="appeal_outcome_complete",
            ),
        ]
        indexes = [models.Index(fields=["rayon", "decided_at"], name="appeal_rayon_decided")]
        verbose_name = _("appeal")
        verbose_name_plural = _("appeals")

    def __str__(self) -> str:
        return f"{self.case} · {self.filed_at:%Y-%m-%d}"

    @property
    def status(self) -> Appeal.Status:
        """Where the appeal stands."""
        if self.decided_at is not None:
            return Appeal.Status.DECIDED
        if self.reviewer_id is not None:
            return Appeal.Status.IN_REVIEW
        return Appeal.Status.FILED

    @property
    def code_changed(self) -> bool:
        """Whether the appeal changed the decision itself, not only its total (a corrected
        score may leave the code as it was)."""
        return self.new_result is not None and self.new_result.code != self.result.code

    @property
    def status_label(self) -> str:
        """The status in words."""
        return str(self.status.label)
