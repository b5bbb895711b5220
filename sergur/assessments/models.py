"""Assessors, their allocation to portfolios, the scoring sheets, reconciliation, results and
batch jobs. Points are stored exactly (Decimal as text in JSON, numeric columns for totals)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sergur.cases.models import Case
from sergur.common.models import AppendOnlyModel
from sergur.registry.models import (
    District,
    ProgrammeYear,
    Rayon,
    RayonRegisterEntry,
    School,
    Teacher,
)


class Assessor(RayonRegisterEntry):
    """One entry of the assessor register (Nomor Induk Asesor Sertifikasi Guru,
    docs/sources/domain.md §2)."""

    class Status(models.TextChoices):
        """Criterion a of the FAQ on assessors (rules/assessment/qualification.py)."""

        LECTURER = "lecturer", _("Lecturer (dosen)")
        WIDYAISWARA = "widyaiswara", _("Widyaiswara")
        SENIOR_TEACHER = "senior_teacher", _("Instructor or senior teacher")
        SUPERVISOR = "supervisor", _("Supervisor (pengawas) of the education office")

    number = models.CharField(_("assessor number"), max_length=30, unique=True)
    degree_in_education = models.BooleanField(
        _("the degree has an education element (unsur kependidikan)"), default=False
    )
    # Empty: not recorded; the assessor is not allocated until it is.
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, blank=True)
    experience_last_year = models.PositiveSmallIntegerField(
        _("last year of teaching, training or mentoring teachers or student teachers"),
        null=True,
        blank=True,
        help_text=_("The FAQ asks for this experience within the last five years."),
    )
    home_district = models.ForeignKey(
        District,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("home district"),
    )
    home_school = models.ForeignKey(
        School,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("school (if the assessor also teaches at one)"),
    )
    max_load = models.PositiveIntegerField(
        _("most portfolios in a programme year"),
        null=True,
        blank=True,
        help_text=_("Empty: the programme year's default."),
    )

    class Meta(RayonRegisterEntry.Meta):
        verbose_name = _("assessor")
        verbose_name_plural = _("assessors")

    def __str__(self) -> str:
        return f"{self.user} ({self.number})"


class DeclaredRelation(models.Model):
    """A relationship an assessor declared with a teacher (family, colleague, student...):
    the assessor never assesses that teacher."""

    assessor = models.ForeignKey(Assessor, on_delete=models.CASCADE, related_name="relations")
    teacher = models.ForeignKey(Teacher, on_delete=models.CASCADE, related_name="+")
    relation = models.CharField(_("relationship"), max_length=100)
    declared_at = models.DateTimeField(_("declared"), auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["assessor", "teacher"], name="relation_once")
        ]
        verbose_name = _("declared relationship")
        verbose_name_plural = _("declared relationships")

    def __str__(self) -> str:
        return f"{self.assessor} – {self.teacher}: {self.relation}"


class Allocation(models.Model):
    """An assessor assigned to a case for one assessment round. Slots 1 and 2 are the two
    blind assessors; slot 3 a third assessor in reconciliation. A reassignment deactivates
    the old allocation (kept, with the reason) and adds a new one in the same slot."""

    class Slot(models.IntegerChoices):
        FIRST = 1, _("First assessor")
        SECOND = 2, _("Second assessor")
        THIRD = 3, _("Third assessor")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="allocations")
    assessor = models.ForeignKey(Assessor, on_delete=models.PROTECT, related_name="allocations")
    round = models.PositiveSmallIntegerField(_("assessment round"), default=1)
    slot = models.PositiveSmallIntegerField(_("slot"), choices=Slot.choices)
    active = models.BooleanField(_("active"), default=True)
    assigned_at = models.DateTimeField(_("assigned"), auto_now_add=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reason = models.TextField(_("reason (manual assignment)"), blank=True)

    class Meta:
        ordering = ["case", "round", "slot", "-active"]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "round", "slot"],
                condition=models.Q(active=True),
                name="one_active_assessor_a_slot",
            ),
            models.UniqueConstraint(
                fields=["case", "round", "assessor"],
                condition=models.Q(active=True),
                name="assessor_once_a_round",
            ),
        ]
        indexes = [models.Index(fields=["assessor", "active"], name="allocation_worklist")]
        verbose_name = _("allocation")
        verbose_name_plural = _("allocations")

    def __str__(self) -> str:
        return f"{self.case} · {self.round}/{self.slot}: {self.assessor}"


class Sheet(models.Model):
    """One assessor's scoring sheet for one allocation: RPP item scores (and a counsellor's
    4b practice items), overrides of the
    suggested points (with reasons), findings; on submission the outcome is stored."""

    allocation = models.OneToOneField(Allocation, on_delete=models.CASCADE, related_name="sheet")
    # Five lesson plans (four guidance programmes) x 8 items, 1-5 each; None = not scored yet.
    plan_items = models.JSONField(_("lesson plan items"), default=list, blank=True)
    # A counsellor's 4b: the 24 items of "Penilaian Pelaksanaan Program Pelayanan Bimbingan dan
    # Konseling Oleh Penilai (Asesor)" (Buku II pp. 33-35), 1-5 each; None = not scored yet.
    # Empty for a subject teacher, whose 4b comes from the closed envelope.
    practice_items = models.JSONField(
        _("guidance and counselling practice items"), default=list, blank=True
    )
    # {line key: {"points": "12", "reason": "..."}}: only the lines the assessor changed.
    overrides = models.JSONField(_("overridden lines"), default=dict, blank=True)
    administrative_defects = models.JSONField(_("administrative defects"), default=list)
    doubtful_evidence = models.JSONField(_("doubtful evidence (codes)"), default=list)
    fraud_found = models.BooleanField(_("fraud found"), default=False)
    fraud_note = models.TextField(_("what the fraud is"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    # Stored on submission: the eleven parts (text Decimals), total and decision code.
    parts = models.JSONField(_("parts"), default=dict, blank=True)
    total = models.DecimalField(_("total"), null=True, blank=True, max_digits=9, decimal_places=4)
    code = models.CharField(_("decision"), max_length=5, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)

    class Meta:
        verbose_name = _("scoring sheet")
        verbose_name_plural = _("scoring sheets")

    def __str__(self) -> str:
        return f"{self.allocation}"

    @property
    def submitted(self) -> bool:
        """Whether the assessor has submitted the sheet (it is then read-only)."""
        return self.submitted_at is not None


class Reconciliation(models.Model):
    """Two assessments of one round that do not agree: why, how it is resolved (joint review
    or third assessor, per programme year), and when."""

    class Mode(models.TextChoices):
        JOINT = "joint", _("Joint review by both assessors")
        THIRD = "third", _("Third assessor")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="reconciliations")
    round = models.PositiveSmallIntegerField(_("assessment round"))
    mode = models.CharField(_("mode"), max_length=5, choices=Mode.choices)
    reasons = models.JSONField(_("why"), default=dict)  # {"id": [...], "en": [...]}
    # Joint review: the parts being corrected (start: the mean of the two sheets).
    parts = models.JSONField(_("parts under review"), default=dict, blank=True)
    opened_at = models.DateTimeField(_("opened"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["case", "round"]
        constraints = [
            models.UniqueConstraint(fields=["case", "round"], name="one_reconciliation_a_round")
        ]
        verbose_name = _("reconciliation")
        verbose_name_plural = _("reconciliations")

    def __str__(self) -> str:
        return f"{self.case} · {self.round}"


class CorrectionBase(AppendOnlyModel):
    """What every correction records besides its values: why, by whom and when; written once,
    never rewritten."""

    append_only_message = "corrections are append-only"

    reason = models.TextField(_("why"))
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["at", "pk"]


class Correction(CorrectionBase):
    """One corrected value in a reconciliation: who, why, before and after. Append-only."""

    reconciliation = models.ForeignKey(
        Reconciliation, on_delete=models.CASCADE, related_name="corrections"
    )
    part = models.CharField(_("part"), max_length=40)
    line = models.CharField(_("line"), max_length=80, blank=True)
    before = models.DecimalField(_("before"), max_digits=9, decimal_places=4)
    after = models.DecimalField(_("after"), max_digits=9, decimal_places=4)

    class Meta(CorrectionBase.Meta):
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")

    def __str__(self) -> str:
        return f"{self.part} {self.before} → {self.after}"


class Result(models.Model):
    """The decision of one round: the final parts, total, code and every reason in both
    languages, how it was reached, and its publication. A later result (re-assessment,
    clarification, appeal, re-scoring) supersedes it; old results are kept."""

    class Source(models.TextChoices):
        MEAN = "mean", _("Mean of the two assessors")
        JOINT = "joint", _("Joint review")
        THIRD = "third", _("Third assessor")
        CLARIFICATION = "clarification", _("After clarification")
        APPEAL = "appeal", _("After appeal")
        RESCORE = "rescore", _("Re-scored after a parameter change")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="results")
    round = models.PositiveSmallIntegerField(_("assessment round"))
    source = models.CharField(_("how it was reached"), max_length=15, choices=Source.choices)
    parts = models.JSONField(_("parts"))
    review = models.JSONField(_("findings"), default=dict)  # SheetReview as JSON
    total = models.DecimalField(_("total"), max_digits=9, decimal_places=4)
    # Looked up by code only with `current` (the "result_code_current" index serves that);
    # an index of its own, and its LIKE twin, would only slow every write of a result.
    code = models.CharField(_("decision"), max_length=5)
    reasons = models.JSONField(_("reasons"), default=dict)  # {"id": [...], "en": [...]}
    decided_at = models.DateTimeField(_("decided"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # MA/MS: complete by; K: clarify by; after publication: appeal by.
    respond_until = models.DateTimeField(_("teacher to respond by"), null=True, blank=True)
    appeal_until = models.DateTimeField(_("appeal until"), null=True, blank=True)
    current = models.BooleanField(_("current"), default=True)

    class Meta:
        ordering = ["case", "-decided_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["case"], condition=models.Q(current=True), name="one_current_result"
            )
        ]
        indexes = [models.Index(fields=["code", "current"], name="result_code_current")]
        verbose_name = _("result")
        verbose_name_plural = _("results")

    def __str__(self) -> str:
        return f"{self.case}: {self.code}"


class BatchJob(models.Model):
    """A background job over a whole programme year (re-score and re-decide), with its
    progress for the admin to watch."""

    class Kind(models.TextChoices):
        RESCORE = "rescore", _("Re-score and re-decide")

    class State(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    programme_year = models.ForeignKey(ProgrammeYear, on_delete=models.PROTECT, related_name="+")
    rayon = models.ForeignKey(
        Rayon, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.QUEUED)
    total = models.PositiveIntegerField(_("portfolios"), default=0)
    done = models.PositiveIntegerField(_("done"), default=0)
    changed = models.PositiveIntegerField(_("decisions changed"), default=0)
    error = models.TextField(_("error"), blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # The last sign of life: set when the job starts and after every chunk. A queued or
    # running job without one for SERGUR_BATCH_STALE_MINUTES was stopped (its worker killed,
    # its message lost) and no longer blocks a new job of its programme year.
    beat_at = models.DateTimeField(_("last progress"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("batch job")
        verbose_name_plural = _("batch jobs")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.programme_year} ({self.done}/{self.total})"

    @property
    def percent(self) -> int:
        """Progress in whole percent."""
        return 100 if not self.total else min(100, self.done * 100 // self.total)


def clarification_path(instance: ClarificationResponse, filename: str) -> str:
    """Stored under a random name: the teacher's file name never reaches the file system."""
    return f"clarifications/{instance.case_id}/{uuid.uuid4().hex}"


class ClarificationResponse(models.Model):
    """The teacher's answer to a K decision (doubtful evidence): what they say and, if they
    want, a scan of an original. Kept with the result it answers; the rayon then resolves."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="clarifications")
    result = models.ForeignKey(Result, on_delete=models.PROTECT, related_name="clarifications")
    text = models.TextField(_("clarification"))
    file = models.FileField(_("scan of an original"), upload_to=clarification_path, blank=True)
    original_name = models.CharField(_("file name"), max_length=120, blank=True)
    content_type = models.CharField(_("type"), max_length=32, blank=True)
    size = models.PositiveBigIntegerField(_("size in bytes"), null=True, blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(_("when"))

    class Meta:
        ordering = ["case", "at", "pk"]
        verbose_name = _("clarification")
        verbose_name_plural = _("clarifications")

    def __str__(self) -> str:
        return f"{self.case} · {self.at:%Y-%m-%d}"


class FindingCorrection(CorrectionBase):
    """One finding changed in a joint reconciliation (the administrative defects, the
    doubtful evidence codes, or fraud): who, why, the value before and after. Append-only."""

    class Finding(models.TextChoices):
        DEFECTS = "administrative_defects", _("Administrative defects")
        DOUBTFUL = "doubtful_evidence", _("Doubtful evidence (codes)")
        FRAUD = "fraud_found", _("Fraud found")

    reconciliation = models.ForeignKey(
        Reconciliation, on_delete=models.CASCADE, related_name="finding_corrections"
    )
    finding = models.CharField(_("finding"), max_length=30, choices=Finding.choices)
    # A list of texts (defects, codes) or a bool (fraud); an empty list is a value too.
    before = models.JSONField(_("before"), blank=True)
    after = models.JSONField(_("after"), blank=True)

    class Meta(CorrectionBase.Meta):
        verbose_name = _("finding correction")
        verbose_name_plural = _("finding corrections")

    def __str__(self) -> str:
        return f"{self.finding}: {self.before} → {self.after}"
