from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TransfersConfig(AppConfig):
    name = "sergur.transfers"
    label = "transfers"
    verbose_name = "Transfers"

    def ready(self) -> None:
        """Put the app's pages in the main menu."""
        from sergur.common.menu import MenuEntry, menu_register, roles

        menu_register(
            MenuEntry(
                "transfers:list",
                _("Transfers"),
                70,
                roles("district_committee", "quality_office", superuser=True),
            )
        )
