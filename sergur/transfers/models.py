"""A teacher's transfer (mutasi) from one district to another, and its append-only history."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sergur.common.models import AppendOnlyModel
from sergur.registry.models import District, School, Teacher


class Transfer(models.Model):
    """A district's request to take over a teacher another district holds (mutasi guru):
    the district of origin answers, the province (LPMP) decides a dispute."""

    class State(models.TextChoices):
        REQUESTED = "requested", _("Requested, awaiting the district of origin")
        REFUSED = "refused", _("Refused by the district of origin")
        ESCALATED = "escalated", _("Disputed, awaiting the province")
        APPROVED = "approved", _("Approved: the teacher has moved")
        REJECTED = "rejected", _("Refused by the province")

    teacher = models.ForeignKey(Teacher, on_delete=models.PROTECT, related_name="transfers")
    origin = models.ForeignKey(
        District, on_delete=models.PROTECT, related_name="+", verbose_name=_("from district")
    )
    destination = models.ForeignKey(
        District, on_delete=models.PROTECT, related_name="+", verbose_name=_("to district")
    )
    school = models.ForeignKey(
        School, on_delete=models.PROTECT, related_name="+", verbose_name=_("new main school")
    )
    state = models.CharField(
        _("state"), max_length=12, choices=State.choices, default=State.REQUESTED
    )
    reason = models.TextField(_("reason for the request"), max_length=2000)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(_("requested"))
    updated_at = models.DateTimeField(_("updated"))

    class Meta:
        ordering = ["-requested_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["teacher"],
                condition=Q(state__in=["requested", "refused", "escalated"]),
                name="one_open_transfer_a_teacher",
            )
        ]
        verbose_name = _("transfer")
        verbose_name_plural = _("transfers")

    def __str__(self) -> str:
        return f"{self.origin} → {self.destination} ({self.get_state_display()})"

    @property
    def is_open(self) -> bool:
        """Still waiting for an answer or a decision (a refusal may still be disputed)."""
        return self.state in OPEN_STATES


OPEN_STATES = frozenset(
    {Transfer.State.REQUESTED, Transfer.State.REFUSED, Transfer.State.ESCALATED}
)


class TransferStep(AppendOnlyModel):
    """One step of a teacher's transfer history: who did what, when and why."""

    class Kind(models.TextChoices):
        REQUESTED = "requested", _("Transfer requested")
        APPROVED = "approved", _("Transfer approved")
        REFUSED = "refused", _("Transfer refused")
        ESCALATED = "escalated", _("Transfer disputed before the province")

    append_only_message = "transfer steps are append-only"

    transfer = models.ForeignKey(Transfer, on_delete=models.PROTECT, related_name="steps")
    teacher = models.ForeignKey(Teacher, on_delete=models.PROTECT, related_name="transfer_steps")
    at = models.DateTimeField(_("when"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("who"),
    )
    kind = models.CharField(_("what"), max_length=12, choices=Kind.choices)
    by_province = models.BooleanField(_("decided by the province"), default=False)
    reason = models.TextField(_("why"), max_length=2000)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("transfer step")
        verbose_name_plural = _("transfer steps")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.get_kind_display()}"
