"""The professional allowance (TPG): teaching load per semester and eligibility
(docs/allowance.md).
"""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AllowanceConfig(AppConfig):
    name = "sergur.allowance"
    label = "allowance"
    verbose_name = _("Allowance")

    def ready(self) -> None:
        """Put the allowance's pages in the main menu."""
        from sergur.common.menu import CERTIFIED, MenuEntry, menu_register, roles

        menu_register(
            MenuEntry(
                "allowance:mine",
                _("My allowance"),
                120,
                roles("teacher"),
                teacher_stage=CERTIFIED,
            ),
            MenuEntry(
                "allowance:schools",
                _("Teaching load"),
                121,
                roles("school_operator"),
                also_current=("allowance:school", "allowance:import", "allowance:line"),
            ),
            MenuEntry(
                "allowance:district",
                _("Allowance"),
                122,
                roles("district_committee"),
                also_current=("allowance:approvals", "allowance:linearity", "allowance:schools"),
            ),
        )
