"""Personal data: the teacher's own copy and the retention job (docs/privacy.md)."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "sergur.privacy"
    verbose_name = _("Personal data")

    def ready(self) -> None:
        """Put the teacher's own copy in the main menu."""
        from sergur.common.menu import MenuEntry, menu_register, roles

        menu_register(MenuEntry("privacy:mine", _("My data"), 45, roles("teacher")))
