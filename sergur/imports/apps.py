from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImportsConfig(AppConfig):
    name = "sergur.imports"
    label = "imports"
    verbose_name = "Imports"

    def ready(self) -> None:
        """Put the app's pages in the main menu."""
        from sergur.common.menu import MenuEntry, menu_register, roles

        menu_register(
            MenuEntry("imports:list", _("Imports"), 60, roles("district_committee", superuser=True))
        )
