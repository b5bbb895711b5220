"""A portfolio is the case's entries, their evidence, the closed-envelope instruments and the
submissions. Entries keep what the teacher typed even when it is not complete yet."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sergur.cases.models import Case
from sergur.portfolios.sections import SECTIONS
from sergur.rules.instruments import PRACTICE_SCORED_BY

SECTION_CHOICES = [(s.key, s.title) for s in SECTIONS]


class Entry(models.Model):
    """One filled row of an instrument table (a degree, a training, a forum...)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="entries")
    section = models.CharField(_("table"), max_length=32, choices=SECTION_CHOICES)
    position = models.PositiveIntegerField(_("row"))
    values = models.JSONField(_("values"), default=dict, blank=True)
    complete = models.BooleanField(_("complete"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["case", "section", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "section", "position"], name="entry_position_unique"
            )
        ]
        indexes = [models.Index(fields=["case", "section"], name="entry_case_section")]
        verbose_name = _("portfolio entry")
        verbose_name_plural = _("portfolio entries")

    def __str__(self) -> str:
        return f"{self.get_section_display()} #{self.position + 1}"


def evidence_path(instance: Evidence, filename: str) -> str:
    """Stored under a random name: the teacher's file name never reaches the file system."""
    return f"evidence/{instance.case_id}/{uuid.uuid4().hex}"


class Evidence(models.Model):
    """One file of physical evidence (bukti fisik) supporting one entry."""

    class Kind(models.TextChoices):
        PDF = "application/pdf", "PDF"
        JPEG = "image/jpeg", "JPEG"
        PNG = "image/png", "PNG"

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="evidence")
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(_("file"), upload_to=evidence_path, max_length=200)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    content_type = models.CharField(_("type"), max_length=32, choices=Kind.choices)
    original_name = models.CharField(_("file name"), max_length=120)
    is_original = models.BooleanField(
        _("original document"),
        default=False,
        help_text=_("Unticked: a copy legalised by the competent official."),
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["entry", "uploaded_at", "pk"]
        constraints = [
            # One file supports one place only (Buku II: "setiap bukti fisik hanya boleh
            # digunakan untuk satu komponen portofolio").
            models.UniqueConstraint(fields=["case", "sha256"], name="evidence_once_per_case")
        ]
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")

    def __str__(self) -> str:
        return self.original_name


class EnvelopeInstrument(models.Model):
    """The closed-envelope instruments of one case: the teaching-practice observation (24
    items, subject teachers only) and the assessment by superior and supervisor (10 items),
    filled by the principal and the supervisor in one form that both confirm. A counsellor's
    envelope holds component 5 only: the assessor scores their 4b (seed 003, Buku II pp.
    33-35, "Oleh Penilai (Asesor)")."""

    class Variant(models.TextChoices):
        SUBJECT_TEACHER = "subject_teacher", _("Subject or class teacher")
        COUNSELOR = "counselor", _("Guidance and counselling teacher")

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="envelope")
    variant = models.CharField(_("variant"), max_length=20, choices=Variant.choices)
    # Empty for a counsellor: their 4b is the assessor's (`holds_practice`).
    observation_items = models.JSONField(_("teaching practice items"), default=list, blank=True)
    superior_items = models.JSONField(_("superior assessment items"), default=list)
    principal = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("principal"),
    )
    principal_confirmed_at = models.DateTimeField(_("principal confirmed"), null=True, blank=True)
    supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("supervisor"),
    )
    supervisor_confirmed_at = models.DateTimeField(_("supervisor confirmed"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("closed-envelope instrument")
        verbose_name_plural = _("closed-envelope instruments")

    def __str__(self) -> str:
        return f"{self.case}"

    @property
    def holds_practice(self) -> bool:
        """Whether the envelope holds the 4b observation: a subject teacher's does; a
        counsellor's holds component 5 only, their 4b is the assessor's
        (`rules.instruments.PRACTICE_SCORED_BY`)."""
        return PRACTICE_SCORED_BY.get(self.variant) == "envelope"

    @property
    def filled(self) -> bool:
        """Every item of the envelope's instruments has a score."""
        superior = len(self.superior_items) == 10 and all(
            isinstance(i, int) for i in self.superior_items
        )
        if not self.holds_practice:
            return superior
        return (
            superior
            and len(self.observation_items) == 24
            and all(isinstance(i, int) for i in self.observation_items)
        )

    @property
    def complete(self) -> bool:
        """Filled and confirmed by both the principal and the supervisor."""
        return (
            self.filled
            and self.principal_confirmed_at is not None
            and self.supervisor_confirmed_at is not None
        )


class Submission(models.Model):
    """One submission of the portfolio: the content it locked and the signed receipt."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="submissions")
    submitted_at = models.DateTimeField(_("submitted"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    content = models.JSONField(_("submitted content"))
    content_hash = models.CharField(_("content hash (SHA-256)"), max_length=64)
    signature = models.TextField(_("receipt code (signed)"))
    declaration = models.TextField(_("declaration of authenticity"))

    class Meta:
        ordering = ["-submitted_at"]
        get_latest_by = "submitted_at"
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")

    def __str__(self) -> str:
        return f"{self.case} @ {self.submitted_at:%Y-%m-%d %H:%M}"
