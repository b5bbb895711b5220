from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "sergur.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        """Follow the case log, the appraisals' steps and the planner's accepted proposals,
        and put the inbox in the main menu."""
        from sergur.appraisal.signals import appraisal_stepped
        from sergur.cases.signals import events_logged
        from sergur.common.menu import MenuEntry, menu_register, signed_in
        from sergur.notifications.receivers import (
            on_appraisal_stepped,
            on_events_logged,
            on_proposal_accepted,
        )
        from sergur.planner.signals import proposal_accepted

        events_logged.connect(on_events_logged, dispatch_uid="notifications")
        appraisal_stepped.connect(on_appraisal_stepped, dispatch_uid="notifications")
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
