"""Document verification records: one verdict per document per stage (MP, K or TMP with its
reason) and one record per completed stage, both kept as history (a later stage or a
resubmission adds rows; nothing is rewritten)."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from sergur.cases.models import Case
from sergur.common.models import AppendOnlyModel
from sergur.portfolios.models import Evidence, Submission


class Stage(models.TextChoices):
    """The offices a portfolio passes through before assessment (docs/sources/domain.md §4.6)."""

    DISTRICT = "district", _("District committee")
    QUALITY = "quality", _("Quality office (LPMP)")
    RAYON = "rayon", _("Rayon")


class Verdict(models.TextChoices):
    """PSPL per-document verdicts (2011 Juknis, p. 66; docs/sources/domain.md §1.1)."""

    MP = "MP", _("MP: meets the requirements")
    K = "K", _("K: needs clarification")
    TMP = "TMP", _("TMP: does not meet the requirements")


NEEDS_REASON = frozenset({Verdict.K, Verdict.TMP})
"""The verdicts that must say why."""

REASON_REQUIRED = _("Give the reason for a K or TMP verdict (document %(code)s).")


class DocumentVerdict(AppendOnlyModel):
    """One office's verdict on one evidence file of a submitted portfolio. A changed mind
    adds a row; the latest row of a document, stage and submission is the one that counts.
    The document's code, table and file are copied so the history survives a file that the
    teacher later replaces."""

    append_only_message = "document verdicts are append-only"

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="document_verdicts")
    submission = models.ForeignKey(
        Submission, on_delete=models.PROTECT, related_name="document_verdicts"
    )
    stage = models.CharField(_("stage"), max_length=10, choices=Stage.choices)
    evidence = models.ForeignKey(
        Evidence,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="verdicts",
        verbose_name=_("file"),
    )
    code = models.CharField(_("code"), max_length=20)
    section = models.CharField(_("table"), max_length=32)
    file_name = models.CharField(_("file name"), max_length=120)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    is_original = models.BooleanField(_("original document"), default=False)
    verdict = models.CharField(_("verdict"), max_length=3, choices=Verdict.choices)
    reason = models.TextField(_("reason"), max_length=1000, blank=True)
    suggested = models.BooleanField(
        _("carried over"),
        default=False,
        help_text=_("Accepted from the same stage's verdict on the unchanged file."),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("who")
    )
    decided_at = models.DateTimeField(_("when"))

    class Meta:
        ordering = ["decided_at", "pk"]
        indexes = [
            models.Index(fields=["case", "stage"], name="verdict_case_stage"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(verdict="MP") | ~models.Q(reason=""),
                name="verdict_reason_for_k_tmp",
            )
        ]
        verbose_name = _("document verdict")
        verbose_name_plural = _("document verdicts")

    def __str__(self) -> str:
        return f"{self.code} {self.get_stage_display()}: {self.verdict}"

    def clean(self) -> None:
        """K and TMP say why."""
        super().clean()
        if self.verdict in NEEDS_REASON and not self.reason.strip():
            raise ValidationError(
                {"reason": ValidationError(REASON_REQUIRED, params={"code": self.code})}
            )


class StageReview(AppendOnlyModel):
    """One office's completed check of one submission: passed on, or returned to the teacher
    with the documents that are K or TMP and why (`findings`)."""

    append_only_message = "stage reviews are append-only"

    class Outcome(models.TextChoices):
        PASSED = "passed", _("Passed on")
        RETURNED = "returned", _("Returned to the teacher")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="stage_reviews")
    submission = models.ForeignKey(
        Submission, on_delete=models.PROTECT, related_name="stage_reviews"
    )
    stage = models.CharField(_("stage"), max_length=10, choices=Stage.choices)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices)
    findings = models.JSONField(
        _("documents not met"),
        default=list,
        blank=True,
        help_text=_("Each K or TMP document: code, table, file, verdict, reason."),
    )
    documents = models.PositiveIntegerField(_("documents checked"), default=0)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("who")
    )
    completed_at = models.DateTimeField(_("when"))

    class Meta:
        ordering = ["completed_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "stage"], name="one_review_per_stage_and_submission"
            )
        ]
        verbose_name = _("stage review")
        verbose_name_plural = _("stage reviews")

    def __str__(self) -> str:
        return f"{self.case} {self.get_stage_display()}: {self.get_outcome_display()}"
