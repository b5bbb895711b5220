from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "sergur.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        """Follow the case log, the appraisals' steps, PKB's plans and activities, the
        working groups' meetings and reports, the allowance's verdicts, the planner's
        accepted proposals and the payments, and put the inbox in the main menu."""
        from sergur.allowance.signals import eligibility_changed
        from sergur.appraisal.signals import appraisal_stepped
        from sergur.cases.signals import events_logged
        from sergur.common.menu import MenuEntry, menu_register, signed_in
        from sergur.development.signals import activity_stepped, plan_opened
        from sergur.kkg.signals import meeting_planned, package_reported
        from sergur.notifications.receivers import (
            on_activity_stepped,
            on_appraisal_stepped,
            on_eligibility_changed,
            on_events_logged,
            on_meeting_planned,
            on_package_reported,
            on_payments_recorded,
            on_plan_opened,
            on_proposal_accepted,
            on_sktp_listed,
        )
        from sergur.payments.signals import payments_recorded, sktp_listed
        from sergur.planner.signals import proposal_accepted

        events_logged.connect(on_events_logged, dispatch_uid="notifications")
        appraisal_stepped.connect(on_appraisal_stepped, dispatch_uid="notifications")
        plan_opened.connect(on_plan_opened, dispatch_uid="notifications")
        activity_stepped.connect(on_activity_stepped, dispatch_uid="notifications")
        meeting_planned.connect(on_meeting_planned, dispatch_uid="notifications")
        package_reported.connect(on_package_reported, dispatch_uid="notifications")
        eligibility_changed.connect(on_eligibility_changed, dispatch_uid="notifications")
        sktp_listed.connect(on_sktp_listed, dispatch_uid="notifications")
        payments_recorded.connect(on_payments_recorded, dispatch_uid="notifications")
        proposal_accepted.connect(on_proposal_accepted, dispatch_uid="notifications")
        menu_register(
            MenuEntry(
                "notifications:inbox",
                _("Inbox"),
                35,
                signed_in,
                also_current=("notifications:preferences",),
            )
        )
