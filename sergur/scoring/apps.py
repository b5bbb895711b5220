from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScoringConfig(AppConfig):
    name = "sergur.scoring"
    label = "scoring"
    verbose_name = "Portfolio scoring"

    def ready(self) -> None:
        """Put the app's pages in the main menu."""
        from sergur.common.menu import PUBLIC, MenuEntry, everyone, menu_register

        menu_register(
            MenuEntry("scoring:home", _("Home"), 10, everyone),
            MenuEntry("scoring:score", _("Score a portfolio"), 20, everyone, group=PUBLIC),
        )
