"""Continuous professional development (PKB): a teacher's standing towards the next rank, the
development plans that follow the PKG, and the activities with their evidence and
verification (docs/pkb.md; docs/sources/domain.md §7.3-§7.4)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sergur.appraisal.models import Appraisal
from sergur.kkg.models import Output, Package
from sergur.registry.models import Teacher
from sergur.rules.development import Kind


def evidence_path(instance: models.Model, filename: str) -> str:
    """Stored under a random name: the teacher's file name never reaches the file system."""
    return f"pkb/{uuid.uuid4().hex}"


class Standing(models.Model):
    """A teacher's standing for PKB: the rank held and since when, with the credits earned
    since then outside the activities recorded here (appraisal credit of years before this
    system, supporting elements), as the district's credit team recorded them."""

    teacher = models.OneToOneField(Teacher, on_delete=models.CASCADE, related_name="pkb_standing")
    rank = models.CharField(_("rank held"), max_length=10)
    since = models.DateField(_("rank held since"))
    carried_pk = models.DecimalField(
        _("appraisal credit carried"), max_digits=8, decimal_places=4, default=0
    )
    supporting = models.DecimalField(
        _("supporting credit"), max_digits=8, decimal_places=4, default=0
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.teacher_id} {self.rank}"


class Plan(models.Model):
    """A development plan of a year: remedial when the PKG found competencies below standard
    (docs/sources/domain.md §7.3: below standard obliges remedial PKB), otherwise career
    development; its activities are recorded against it until the deadline."""

    class Kind(models.TextChoices):
        REMEDIAL = "remedial", _("Remedial")
        CAREER = "career", _("Career development")

    teacher = models.ForeignKey(Teacher, on_delete=models.CASCADE, related_name="pkb_plans")
    year = models.PositiveSmallIntegerField(_("year"))
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    appraisal = models.OneToOneField(
        Appraisal,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pkb_plan",
        verbose_name=_("appraisal"),
    )
    competencies = models.JSONField(_("competencies below standard"), default=list, blank=True)
    goal = models.TextField(_("goal and activities"), max_length=2000)
    deadline = models.DateField(_("deadline"))
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-year", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind="career") | models.Q(appraisal__isnull=False),
                name="pkb_remedial_plan_has_appraisal",
            )
        ]

    def __str__(self) -> str:
        return f"{self.teacher_id}/{self.year}/{self.kind}"


class Activity(models.Model):
    """A PKB activity the teacher records (training, a KKG/MGMP package, a collective
    activity, a publication, an innovative work, a presentation) with its evidence; the
    principal or supervisor verifies it and the rules core gives its credit."""

    class State(models.TextChoices):
        SUBMITTED = "submitted", _("Waiting for verification")
        VERIFIED = "verified", _("Verified")
        REJECTED = "rejected", _("Rejected")

    teacher = models.ForeignKey(Teacher, on_delete=models.CASCADE, related_name="pkb_activities")
    plan = models.ForeignKey(
        Plan, on_delete=models.SET_NULL, null=True, blank=True, related_name="activities"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=[(k.value, k.value) for k in Kind])
    title = models.CharField(_("title"), max_length=200)
    done_on = models.DateField(_("date"))
    hours = models.PositiveIntegerField(_("hours (training)"), default=0)
    collective_key = models.CharField(_("collective activity"), max_length=20, blank=True)
    claimed = models.DecimalField(
        _("credit claimed"), max_digits=6, decimal_places=3, null=True, blank=True
    )
    kkg_package = models.ForeignKey(
        Package, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    kkg_output = models.ForeignKey(
        Output, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    evidence = models.FileField(_("evidence"), upload_to=evidence_path, blank=True, max_length=200)
    evidence_type = models.CharField(max_length=32, blank=True)
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.SUBMITTED
    )
    element = models.CharField(_("element"), max_length=10, blank=True)
    credit = models.DecimalField(_("credit"), max_digits=6, decimal_places=3, null=True, blank=True)
    note = models.CharField(_("verifier's note"), max_length=500, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    verified_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-done_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["teacher", "kkg_package"],
                condition=models.Q(kkg_package__isnull=False),
                name="pkb_kkg_package_once",
            )
        ]

    def __str__(self) -> str:
        return self.title
