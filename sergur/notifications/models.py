"""Notifications: what waits on a person or changed for them, in their in-app inbox and by
e-mail, and each person's choice of e-mail per kind."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sergur.cases.models import Case, CaseEvent


class Kind(models.TextChoices):
    """What a notification is about."""

    ENVELOPE = "envelope", _("A closed envelope to fill")
    RETURNED = "returned", _("A portfolio returned to its teacher")
    PUBLISHED = "published", _("A decision published")
    APPEAL_DECIDED = "appeal_decided", _("An appeal decided")
    ALLOCATED = "allocated", _("A portfolio allocated to an assessor")
    RECONCILIATION = "reconciliation", _("A reconciliation to settle")
    PLPG_PLACED = "plpg_placed", _("A place in a PLPG class")
    PLPG_RETAKE = "plpg_retake", _("A PLPG retake set")
    PLPG_PASSED = "plpg_passed", _("The PLPG passed")
    PLPG_RETURNED = "plpg_returned", _("Returned to the district after the PLPG")
    CERTIFIED = "certified", _("An educator certificate issued")
    CERTIFICATE_STATUS = "certificate_status", _("A certificate suspended, revoked or reinstated")


class Notification(models.Model):
    """One message in one person's inbox, made from one event of a case's log."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notifications")
    event = models.ForeignKey(CaseEvent, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(_("created"))
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("e-mailed"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            # A redelivered task makes no second message.
            models.UniqueConstraint(fields=["recipient", "event"], name="one_notice_per_event"),
        ]
        indexes = [
            models.Index(fields=["recipient", "read_at"], name="notice_unread"),
        ]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · case {self.case_id}"


class Preference(models.Model):
    """A person's choice for one kind: whether it also comes by e-mail (the inbox always has
    it). No row means yes."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notice_preferences"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    email = models.BooleanField(_("by e-mail"), default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="one_preference_per_kind"),
        ]
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")

    def __str__(self) -> str:
        return f"{self.user_id} {self.kind}: {'e-mail' if self.email else 'inbox only'}"
