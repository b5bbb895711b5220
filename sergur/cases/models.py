"""A teacher's certification case and the log of everything that happened to it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sergur.common.models import AppendOnlyModel
from sergur.registry.models import ProgrammeYear, Teacher
from sergur.rules.workflow import teacher_fills


class Case(models.Model):
    """One teacher's certification in one programme year (the participant's file)."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Filling the portfolio")
        SUBMITTED = "submitted", _("Submitted, awaiting verification")
        RETURNED = "returned", _("Returned to the teacher after verification")
        DISTRICT_VERIFIED = "district_verified", _("Verified by the district, awaiting LPMP")
        QUALITY_VERIFIED = "quality_verified", _("Verified by LPMP, on its way to the rayon")
        RECEIVED = "received", _("Received by the rayon, awaiting assessors")
        IN_ASSESSMENT = "in_assessment", _("Being assessed")
        RECONCILIATION = "reconciliation", _("Assessors' scores being reconciled")
        DECIDED = "decided", _("Decided, awaiting publication")
        PUBLISHED = "published", _("Decision published")
        REOPENED = "reopened", _("Reopened for completion")
        CLARIFICATION = "clarification", _("Clarification requested")
        DISQUALIFIED = "disqualified", _("Disqualified")
        PLPG = "plpg", _("In the PLPG training")
        PLPG_PASSED = "plpg_passed", _("Passed the PLPG")
        PLPG_RETURNED = "plpg_returned", _("Did not pass the PLPG, returned to the district")

    teacher = models.ForeignKey(Teacher, on_delete=models.PROTECT, related_name="cases")
    programme_year = models.ForeignKey(
        ProgrammeYear, on_delete=models.PROTECT, related_name="cases"
    )
    participant_number = models.CharField(
        _("participant number"), max_length=14, blank=True, db_index=True
    )
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.DRAFT)
    reopen_until = models.DateTimeField(
        _("reopened until"),
        null=True,
        blank=True,
        help_text=_("After an MA or MS decision: the deadline to complete the portfolio."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-programme_year__year", "teacher__name"]
        constraints = [
            models.UniqueConstraint(fields=["teacher", "programme_year"], name="one_case_a_year"),
        ]
        verbose_name = _("case")
        verbose_name_plural = _("cases")

    def __str__(self) -> str:
        return f"{self.teacher} ({self.programme_year})"

    @property
    def is_editable_by_teacher(self) -> bool:
        """The teacher may change the portfolio only while filling it or after a reopening."""
        return self.state in EDITABLE_STATES


EDITABLE_STATES = frozenset(Case.State(state) for state in teacher_fills())
"""The states in which the teacher may change the portfolio and submit it (again): read from
the workflow table (`sergur.rules.workflow.teacher_fills`)."""


class CaseEvent(AppendOnlyModel):
    """One entry of a case's log: who did what, when and why. Never changed or deleted."""

    class Kind(models.TextChoices):
        CREATED = "created", _("Case opened")
        SUBMITTED = "submitted", _("Portfolio submitted")
        REOPENED = "reopened", _("Portfolio reopened")
        INSTRUMENT_CONFIRMED = "instrument_confirmed", _("Closed-envelope instrument confirmed")
        INSTRUMENT_COMPLETED = "instrument_completed", _("Closed-envelope instruments completed")
        EVIDENCE_ADDED = "evidence_added", _("Evidence added")
        EVIDENCE_REMOVED = "evidence_removed", _("Evidence removed")
        PARTICIPANT_NUMBER = "participant_number", _("Participant number set")
        VERIFIED = "verified", _("Documents verified")
        RETURNED = "returned", _("Returned to the teacher")
        RECEIVED = "received", _("Received by the rayon")
        ALLOCATED = "allocated", _("Assessors allocated")
        REASSIGNED = "reassigned", _("Assessor reassigned")
        SHEET_SUBMITTED = "sheet_submitted", _("Assessment submitted")
        RECONCILIATION = "reconciliation", _("Reconciliation opened")
        CORRECTED = "corrected", _("Score corrected in reconciliation")
        DECIDED = "decided", _("Decision taken")
        PUBLISHED = "published", _("Decision published")
        CLARIFICATION = "clarification", _("Clarification given")
        APPEAL_FILED = "appeal_filed", _("Appeal filed")
        APPEAL_DECIDED = "appeal_decided", _("Appeal decided")
        RESCORED = "rescored", _("Re-scored after a parameter change")
        TRANSFER_REQUESTED = "transfer_requested", _("Transfer to another district requested")
        TRANSFER_APPROVED = "transfer_approved", _("Transfer approved: moved to another district")
        TRANSFER_REFUSED = "transfer_refused", _("Transfer refused")
        TRANSFER_ESCALATED = "transfer_escalated", _("Transfer disputed before the province")
        RETENTION = "retention", _("Records deleted under the retention rules")
        PLPG_PLACED = "plpg_placed", _("Placed in a PLPG class")
        PLPG_ATTENDANCE = "plpg_attendance", _("PLPG attendance recorded")
        PLPG_PEER_TEACHING = "plpg_peer_teaching", _("PLPG peer teaching scored")
        PLPG_SCORED = "plpg_scored", _("PLPG score entered")
        PLPG_RETAKE = "plpg_retake", _("PLPG retake set")
        PLPG_REMEDIAL = "plpg_remedial", _("Remedial activity recorded")
        PLPG_PASSED = "plpg_passed", _("Passed the PLPG")
        PLPG_RETURNED = "plpg_returned", _("Returned to the district after the PLPG")
        CERTIFIED = "certified", _("Educator certificate issued")
        NRG_ISSUED = "nrg_issued", _("Teacher registration number (NRG) issued")
        CERTIFICATE_STATUS = "certificate_status", _("Certificate suspended, revoked or reinstated")

    append_only_message = "case events are append-only"

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
    )
    kind = models.CharField(_("what"), max_length=32, choices=Kind.choices)
    from_state = models.CharField(_("from"), max_length=20, blank=True)
    to_state = models.CharField(_("to"), max_length=20, blank=True)
    reason = models.TextField(_("why"), blank=True)
    data = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("case event")
        verbose_name_plural = _("case events")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.get_kind_display()}"


SEALED_KINDS = frozenset(
    {
        CaseEvent.Kind.RECONCILIATION,
        CaseEvent.Kind.CORRECTED,
        CaseEvent.Kind.DECIDED,
        CaseEvent.Kind.RESCORED,
    }
)
"""The rayon's own steps towards a decision: their codes and reasons (the decision before it
is published, the two assessors' recommendations and how far apart they were, corrections)
are for the rayon alone; the teacher reads the published decision instead."""
