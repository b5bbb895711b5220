from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "sergur.cases"
    label = "cases"
    verbose_name = "Cases"

    def ready(self) -> None:
        """Put the app's pages in the main menu and its list among the worklists."""
        from sergur.cases.selectors import CASE_WORKLIST
        from sergur.common.menu import MenuEntry, menu_register, signed_in
        from sergur.common.worklists import worklist_register

        worklist_register(CASE_WORKLIST)
        from sergur.cases.waiting import CASE_WAITING
        from sergur.common.waiting import waiting_register

        waiting_register(*CASE_WAITING)

        menu_register(
            MenuEntry(
                "cases:list",
                _("Cases"),
                40,
                signed_in,
                label_by_role=(("teacher", _("My cases")),),
            )
        )
