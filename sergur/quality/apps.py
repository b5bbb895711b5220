"""Quality assurance of certified teachers' performance (seed 001's model,
docs/quality-assurance.md)."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QualityConfig(AppConfig):
    name = "sergur.quality"
    label = "quality"
    verbose_name = _("Quality assurance")

    def ready(self) -> None:
        """Put the overview and the monitors' worklist in the main menu."""
        from sergur.common.menu import MenuEntry, menu_register, roles

        menu_register(
            MenuEntry(
                "quality:overview",
                _("Teacher quality"),
                145,
                roles(
                    "principal",
                    "supervisor",
                    "district_committee",
                    "district_head",
                    "quality_office",
                    "ministry",
                    superuser=True,
                ),
            ),
            MenuEntry("quality:worklist", _("Monitoring"), 146, roles("principal", "supervisor")),
        )
