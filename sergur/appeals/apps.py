"""Appeals against a published decision: grounds and evidence from the teacher, an
independent reviewer's decision with reasons, statistics per rayon."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AppealsConfig(AppConfig):
    name = "sergur.appeals"
    verbose_name = _("Appeals")

    def ready(self) -> None:
        """Show the appeal window and the appeal's status on the case page."""
        from sergur.appeals.panels import appeal_panel
        from sergur.cases.panels import panel_register

        panel_register(appeal_panel)
        from sergur.appeals.selectors import APPEAL_WORKLIST
        from sergur.common.worklists import worklist_register

        worklist_register(APPEAL_WORKLIST)
        from sergur.appeals.waiting import APPEAL_WAITING
        from sergur.common.waiting import waiting_register

        waiting_register(*APPEAL_WAITING)
        from sergur.common.menu import MenuEntry, menu_register, roles

        menu_register(
            MenuEntry("appeals:list", _("Appeals"), 120, roles("rayon_admin", superuser=True))
        )
