from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlannerConfig(AppConfig):
    name = "sergur.planner"
    label = "planner"
    verbose_name = _("Teaching-load planner")

    def ready(self) -> None:
        from sergur.common.menu import MenuEntry, menu_register, roles

        menu_register(
            MenuEntry("planner:home", _("Teaching-load planner"), 121, roles("district_committee")),
        )
