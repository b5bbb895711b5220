"""Notifications: what waits on a person or changed for them, in their in-app inbox and by
e-mail, and each person's choice of e-mail per kind."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
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
    PKG_TO_SIGN = "pkg_to_sign", _("An appraisal (PKG) waiting on your signature")
    PKG_OBJECTION = "pkg_objection", _("An objection to an appraisal (PKG) you made")
    PKG_COUNTERSIGN = "pkg_countersign", _("An appraisal (PKG) to countersign")
    PKG_FINAL = "pkg_final", _("Your appraisal (PKG) made final")
    PKB_PLAN = "pkb_plan", _("A development plan (PKB) opened for you")
    PKB_TO_VERIFY = "pkb_to_verify", _("A PKB activity waiting for your verification")
    PKB_VERIFIED = "pkb_verified", _("Your PKB activity verified")
    PKB_REJECTED = "pkb_rejected", _("Your PKB activity rejected")
    KKG_MEETING = "kkg_meeting", _("A meeting of your working group (KKG/MGMP) scheduled")
    KKG_REPORT = "kkg_report", _("A working-group package reported: its credit is yours")
    ALLOWANCE_ELIGIBILITY = "allowance_eligible", _("Your allowance eligibility changed")
    SKTP_LISTED = "sktp_listed", _("An allowance decree (SKTP) lists you")
    ALLOWANCE_PAID = "allowance_paid", _("An allowance payment recorded")
    PLAN_HOURS = "plan_hours", _("Hours at another school given to you by the district's plan")
    PLAN_SCHOOL = "plan_school", _("A teacher given hours at your school by the district's plan")
    PLAN_GIVER = (
        "plan_giver",
        _("Hours above the cap moved to another teacher by the district's plan"),
    )


class Notification(models.Model):
    """One message in one person's inbox: made from one event of a case's log (`case`,
    `event`), or about any other subject (`subject`, `link`, `key`, no case)."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="notifications", null=True, blank=True
    )
    event = models.ForeignKey(
        CaseEvent, on_delete=models.CASCADE, related_name="+", null=True, blank=True
    )
    # A message about another subject: what it is about (ids and years only, never a name)
    # and the path of its page on this site; `key` names the occurrence so a redelivered
    # task makes no second message.
    subject = models.CharField(_("about"), max_length=120, blank=True)
    link = models.CharField(_("link"), max_length=200, blank=True)
    key = models.CharField(_("occurrence"), max_length=120, blank=True)
    created_at = models.DateTimeField(_("created"))
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("e-mailed"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            # A redelivered task makes no second message.
            models.UniqueConstraint(fields=["recipient", "event"], name="one_notice_per_event"),
            models.UniqueConstraint(
                fields=["recipient", "key"], condition=~models.Q(key=""), name="one_notice_per_key"
            ),
            models.CheckConstraint(
                condition=models.Q(event__isnull=False, case__isnull=False)
                | (models.Q(event__isnull=True, case__isnull=True) & ~models.Q(link="")),
                name="notice_case_or_link",
            ),
        ]
        indexes = [
            models.Index(fields=["recipient", "read_at"], name="notice_unread"),
        ]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")

    def __str__(self) -> str:
        if self.case_id is None:
            return f"{self.get_kind_display()} · {self.subject}"
        return f"{self.get_kind_display()} · case {self.case_id}"

    @property
    def target(self) -> str:
        """The path the message opens: its case's page, or its own link."""
        if self.case_id is not None:
            return reverse("portfolios:case", args=[self.case_id])
        return self.link


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
