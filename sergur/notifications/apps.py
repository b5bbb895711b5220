from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "sergur.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        """Follow the case log, the appraisals' steps, the allowance's verdicts and the
        payments, and put the inbox in the main menu."""
        from sergur.allowance.signals import eligibility_changed
        from sergur.appraisal.signals import appraisal_stepped
        from sergur.cases.signals import events_logged
        from sergur.common.menu import MenuEntry, menu_register, signed_in
        from sergur.notifications.receivers import (
            on_appraisal_stepped,
            on_eligibility_changed,
            on_events_logged,
            on_payments_recorded,
            on_sktp_listed,
        )
        from sergur.payments.signals import payments_recorded, sktp_listed

        events_logged.connect(on_events_logged, dispatch_uid="notifications")
        appraisal_stepped.connect(on_appraisal_stepped, dispatch_uid="notifications")
        eligibility_changed.connect(on_eligibility_changed, dispatch_uid="notifications")
        sktp_listed.connect(on_sktp_listed, dispatch_uid="notifications")
        payments_recorded.connect(on_payments_recorded, dispatch_uid="notifications")
        menu_register(
            MenuEntry(
                "notifications:inbox",
                _("Inbox"),
                35,
                signed_in,
                also_current=("notifications:preferences",),
            )
        )
