from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SelectionConfig(AppConfig):
    name = "sergur.selection"
    label = "selection"
    verbose_name = "Selection"

    def ready(self) -> None:
        """Put the app's pages in the main menu."""
        from sergur.common.menu import PUBLIC, MenuEntry, everyone, menu_register, roles

        menu_register(
            MenuEntry("selection:lookup", _("Participant lookup"), 30, everyone, group=PUBLIC),
            MenuEntry(
                "selection:home",
                _("Selection"),
                50,
                roles("teacher", "district_committee", superuser=True),
                also_current=("selection:me", "selection:district"),
            ),
        )
