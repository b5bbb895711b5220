"""Imports of teacher master data: one batch per uploaded file, with every problem found."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sergur.rules.messages import Lang, Message


def batch_file_name(instance: Any, filename: str) -> str:
    """A random name: the uploaded name (possibly personal data) never reaches the disk."""
    return f"imports/{uuid.uuid4().hex}.{instance.kind}"


class ImportBatch(models.Model):
    """One uploaded file of teacher master data (NUPTK/Dapodik export), its dry run and,
    when the officer chooses, its import into the registry."""

    class Kind(models.TextChoices):
        CSV = "csv", "CSV"
        XLSX = "xlsx", "XLSX"

    class Mode(models.TextChoices):
        DRY_RUN = "dry_run", _("Dry run (nothing imported)")
        ALL_OR_NOTHING = "all_or_nothing", _("Import all, only if there are no errors")
        GOOD_ROWS = "good_rows", _("Import the good rows only")

    class Status(models.TextChoices):
        UPLOADED = "uploaded", _("Uploaded")
        CHECKING = "checking", _("Checking")
        CHECKED = "checked", _("Checked")
        APPLYING = "applying", _("Importing")
        APPLIED = "applied", _("Imported")
        FAILED = "failed", _("Unreadable file")

    class DateFormat(models.TextChoices):
        ISO = "YYYY-MM-DD", "YYYY-MM-DD"
        DMY = "DD/MM/YYYY", "DD/MM/YYYY"

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="import_batches",
        verbose_name=_("uploaded by"),
    )
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    district = models.ForeignKey(
        "registry.District",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="import_batches",
        verbose_name=_("district (empty: the whole country, operator)"),
    )
    file = models.FileField(_("file"), upload_to=batch_file_name)
    original_name = models.CharField(_("file name"), max_length=255)
    kind = models.CharField(_("kind"), max_length=4, choices=Kind.choices)
    date_format = models.CharField(
        _("date format"), max_length=10, choices=DateFormat.choices, default=DateFormat.ISO
    )
    mode = models.CharField(_("mode"), max_length=14, choices=Mode.choices, default=Mode.DRY_RUN)
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.UPLOADED
    )
    rows_total = models.PositiveIntegerField(_("rows"), default=0)
    rows_valid = models.PositiveIntegerField(_("valid rows"), default=0)
    rows_invalid = models.PositiveIntegerField(_("rows with errors"), default=0)
    rows_created = models.PositiveIntegerField(_("teachers created"), default=0)
    rows_updated = models.PositiveIntegerField(_("teachers updated"), default=0)
    file_errors = models.PositiveIntegerField(_("errors of the whole file"), default=0)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    # The last sign of life of a check or an import: set with every progress step.
    beat_at = models.DateTimeField(_("last progress"), null=True, blank=True)
    bytes_total = models.PositiveBigIntegerField(_("size (bytes)"), default=0)
    # Whether the dry run read the file as a plain CSV (the fast path, docs/import.md
    # "Speed"); the import then reads it the same way.
    plain = models.BooleanField(_("plain CSV"), default=False)
    # On PostgreSQL the dry run leaves the good rows in a staging table; this is the digest
    # of everything they were made from (file, registry lookups, rules), empty when there is
    # no stage. The import uses the stage only while the digest is still the same.
    staged = models.CharField(_("digest of the staged rows"), max_length=64, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("import batch")
        verbose_name_plural = _("import batches")

    def __str__(self) -> str:
        return f"{self.original_name} ({self.get_status_display()})"

    @property
    def is_running(self) -> bool:
        """Whether a check or an import is under way (the page polls its progress)."""
        return self.status in {self.Status.CHECKING, self.Status.APPLYING} and not self.is_stalled

    @property
    def is_stalled(self) -> bool:
        """A check or import that gave no sign of life for SERGUR_IMPORT_STALE_MINUTES: its
        process was stopped. The page stops waiting for it and says so; the next check drops
        its stage. (Progress inside the all-or-nothing transaction is not seen outside it,
        but the largest file allowed imports in about a minute.)"""
        if self.status not in {self.Status.CHECKING, self.Status.APPLYING}:
            return False
        since = timezone.now() - dt.timedelta(minutes=settings.SERGUR_IMPORT_STALE_MINUTES)
        return (self.beat_at or self.created_at) < since

    @property
    def can_apply_all(self) -> bool:
        """All or nothing is offered only for a checked file without a single error."""
        return (
            self.status == self.Status.CHECKED
            and self.rows_invalid == 0
            and self.file_errors == 0
            and self.rows_valid > 0
        )

    @property
    def can_apply_good(self) -> bool:
        """The good rows can be imported from a checked, readable file with good rows."""
        return (
            self.status == self.Status.CHECKED and self.rows_valid > 0 and (self.file_errors == 0)
        )


class ImportProblem(models.Model):
    """One problem of one row (or of the whole file, line 0/1): line, column and reason."""

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="problems")
    line = models.PositiveIntegerField(_("line"))
    column = models.CharField(_("column"), max_length=40, blank=True)
    code = models.CharField(_("code"), max_length=40)
    params = models.JSONField(_("parameters"), default=dict)
    warning = models.BooleanField(_("warning only"), default=False)

    class Meta:
        ordering = ["batch", "line", "pk"]
        indexes = [models.Index(fields=["batch", "line"], name="import_problem_line")]
        verbose_name = _("import problem")
        verbose_name_plural = _("import problems")

    def __str__(self) -> str:
        return f"{self.line} {self.column} {self.code}"

    def message(self) -> Message:
        """The reason as a catalogue message (rendered in the reader's language)."""
        return Message(self.code, tuple(self.params.items()))

    def text(self, lang: Lang) -> str:
        """The reason in plain words."""
        return self.message().text(lang)
