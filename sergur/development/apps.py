"""Continuous professional development, PKB: plans, activities and credits towards the next rank
(docs/pkb.md).
"""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DevelopmentConfig(AppConfig):
    name = "sergur.development"
    label = "development"
    verbose_name = _("Professional development (PKB)")

    def ready(self) -> None:
        """Put the teacher's development and the verifier's worklist in the main menu."""
        from sergur.common.menu import CERTIFIED, MenuEntry, menu_register, roles

        menu_register(
            MenuEntry(
                "development:mine",
                _("My development (PKB)"),
                126,
                roles("teacher"),
                teacher_stage=CERTIFIED,
            ),
            MenuEntry(
                "development:worklist",
                _("PKB to verify"),
                127,
                roles("principal", "supervisor", superuser=True),
                also_current=("development:teacher",),
            ),
        )
