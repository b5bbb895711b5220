from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlpgConfig(AppConfig):
    name = "sergur.plpg"
    label = "plpg"
    verbose_name = "PLPG"

    def ready(self) -> None:
        """Show the PLPG on the case page and put its pages in the main menu."""
        from sergur.common.menu import PLPG, MenuEntry, menu_register, menu_stages_register, roles
        from sergur.plpg import panels

        panels.register()
        from sergur.common.worklists import worklist_register
        from sergur.plpg.selectors import PARTICIPANT_WORKLIST, teacher_menu_stages

        worklist_register(PARTICIPANT_WORKLIST)
        menu_stages_register(teacher_menu_stages)
        menu_register(
            MenuEntry("plpg:rayon", _("PLPG"), 105, roles("rayon_admin")),
            MenuEntry("plpg:classes", _("My PLPG classes"), 106, roles("instructor")),
            MenuEntry(
                "plpg:participants",
                _("PLPG"),
                107,
                roles("teacher", "district_committee"),
                teacher_stage=PLPG,
            ),
        )
