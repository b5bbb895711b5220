"""The educator certificate (sertifikat pendidik), the teacher's registration number (NRG),
every change of a certificate's status, and the bulk issuance job."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sergur.cases.models import Case
from sergur.common.models import AppendOnlyModel
from sergur.registry.models import ProgrammeYear, Rayon, Teacher


class Nrg(AppendOnlyModel):
    """A teacher's registration number (nomor registrasi guru): one per teacher for life,
    issued by the ministry, never reissued or changed (docs/sources/domain.md §5)."""

    append_only_message = "an NRG is issued once and never changed"

    teacher = models.OneToOneField(Teacher, on_delete=models.PROTECT, related_name="nrg")
    number = models.CharField(_("NRG"), max_length=20, unique=True)
    year = models.PositiveSmallIntegerField(_("year of issue"))
    serial = models.PositiveIntegerField(_("serial"))
    issued_at = models.DateTimeField(_("issued"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["year", "serial"], name="nrg_one_serial_a_year")
        ]
        verbose_name = _("NRG")
        verbose_name_plural = _("NRGs")

    def __str__(self) -> str:
        return self.number


class Certificate(models.Model):
    """An educator certificate issued by a rayon university to a teacher who passed, for one
    subject; its printed fields are kept as issued (a later change of the teacher's record
    does not change a certificate)."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Valid")
        SUSPENDED = "suspended", _("Suspended")
        REVOKED = "revoked", _("Revoked")

    number = models.CharField(_("certificate number"), max_length=30, unique=True)
    rayon = models.ForeignKey(Rayon, on_delete=models.PROTECT, related_name="certificates")
    year = models.PositiveSmallIntegerField(_("programme year"))
    serial = models.PositiveIntegerField(_("serial"))
    case = models.OneToOneField(Case, on_delete=models.PROTECT, related_name="certificate")
    teacher = models.ForeignKey(Teacher, on_delete=models.PROTECT, related_name="certificates")
    nrg = models.ForeignKey(Nrg, on_delete=models.PROTECT, related_name="certificates")
    holder_name = models.CharField(_("name"), max_length=150)
    birth_place = models.CharField(_("place of birth"), max_length=100, blank=True)
    birth_date = models.DateField(_("date of birth"))
    nuptk = models.CharField(_("NUPTK"), max_length=16)
    participant_number = models.CharField(_("participant number"), max_length=14, blank=True)
    subject_code = models.CharField(_("subject code"), max_length=3)
    subject_name = models.CharField(_("subject"), max_length=100)
    institution = models.CharField(_("rayon university"), max_length=150)
    issued_on = models.DateField(_("date"))
    issued_at = models.DateTimeField(_("issued"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    signatory = models.CharField(_("signatory"), max_length=150)
    legal_basis = models.CharField(_("legal basis"), max_length=255)
    code = models.TextField(_("signed QR code"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )
    status_index = models.PositiveIntegerField(_("status list index"), unique=True)
    status_changed_at = models.DateTimeField(_("status changed"), null=True, blank=True)
    status_reason = models.TextField(_("reason of the status"), blank=True)

    class Meta:
        ordering = ["-issued_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["rayon", "year", "serial"], name="certificate_one_serial"
            ),
            models.UniqueConstraint(
                fields=["teacher", "subject_code"], name="certificate_one_per_subject"
            ),
        ]
        verbose_name = _("educator certificate")
        verbose_name_plural = _("educator certificates")

    def __str__(self) -> str:
        return self.number


class StatusChange(AppendOnlyModel):
    """One change of a certificate's status: who, when, from what to what and why."""

    append_only_message = "certificate status changes are append-only"

    certificate = models.ForeignKey(
        Certificate, on_delete=models.PROTECT, related_name="status_changes"
    )
    at = models.DateTimeField(_("when"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("who")
    )
    from_status = models.CharField(_("from"), max_length=10, choices=Certificate.Status.choices)
    to_status = models.CharField(_("to"), max_length=10, choices=Certificate.Status.choices)
    reason = models.TextField(_("why"))

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("certificate status change")
        verbose_name_plural = _("certificate status changes")

    def __str__(self) -> str:
        return f"{self.certificate} {self.from_status} → {self.to_status}"


class IssueJob(models.Model):
    """A background job issuing a programme year's certificates and NRGs (one rayon, or all),
    with its progress for the rayon admin to watch."""

    class State(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    programme_year = models.ForeignKey(ProgrammeYear, on_delete=models.PROTECT, related_name="+")
    rayon = models.ForeignKey(
        Rayon, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.QUEUED)
    total = models.PositiveIntegerField(_("cases"), default=0)
    done = models.PositiveIntegerField(_("done"), default=0)
    issued = models.PositiveIntegerField(_("certificates issued"), default=0)
    error = models.TextField(_("error"), blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # The last sign of life (sergur/common/jobs.py): set when the job starts and after every
    # chunk; a job silent for SERGUR_BATCH_STALE_MINUTES is released as stopped.
    beat_at = models.DateTimeField(_("last progress"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("certificate issuance job")
        verbose_name_plural = _("certificate issuance jobs")

    def __str__(self) -> str:
        return f"{self.programme_year} ({self.done}/{self.total})"

    @property
    def percent(self) -> int:
        """Progress in whole percent."""
        return 100 if not self.total else min(100, self.done * 100 // self.total)
