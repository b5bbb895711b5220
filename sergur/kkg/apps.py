"""Teacher working groups, KKG/MGMP: clusters, programmes, meetings and resource persons
(docs/kkg.md).
"""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KkgConfig(AppConfig):
    name = "sergur.kkg"
    label = "kkg"
    verbose_name = _("Working groups (KKG/MGMP)")

    def ready(self) -> None:
        """Put the working groups in the main menu."""
        from sergur.common.menu import CERTIFIED, MenuEntry, menu_register, roles

        menu_register(
            MenuEntry(
                "kkg:groups",
                _("KKG/MGMP"),
                125,
                roles(
                    "teacher",
                    "principal",
                    "supervisor",
                    "district_committee",
                    "district_head",
                    superuser=True,
                ),
                also_current=("kkg:group", "kkg:meeting", "kkg:resources"),
                teacher_stage=CERTIFIED,
            ),
        )
