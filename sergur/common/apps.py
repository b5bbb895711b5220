from __future__ import annotations

from typing import TYPE_CHECKING

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from sergur.common.menu import User


class CommonConfig(AppConfig):
    name = "sergur.common"
    label = "common"

    def ready(self) -> None:
        """Put the app's pages in the main menu."""
        from sergur.common.menu import MenuEntry, menu_register

        def staff(user: User | None) -> bool:
            return user is not None and user.is_staff

        menu_register(MenuEntry("admin:index", _("Admin"), 900, staff))
