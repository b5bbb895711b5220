"""Salary tables, the allowance amount, the SKTP decree and quarterly payment runs
(docs/allowance.md).
"""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PaymentsConfig(AppConfig):
    name = "sergur.payments"
    label = "payments"
    verbose_name = _("Allowance payments")

    def ready(self) -> None:
        """Put the finance office's page and a teacher's payments in the main menu, and the
        semester's decree and payments on the teacher's "My allowance"."""
        from sergur.allowance.panels import allowance_panel_register
        from sergur.common.menu import CERTIFIED, MenuEntry, menu_register, roles
        from sergur.payments.panels import allowance_money_panel

        allowance_panel_register(allowance_money_panel)

        menu_register(
            MenuEntry(
                "payments:home",
                _("Allowance payments"),
                125,
                roles("finance"),
                also_current=("payments:profiles", "payments:profile", "payments:tables"),
            ),
            MenuEntry(
                "payments:mine",
                _("My allowance payments"),
                126,
                roles("teacher"),
                teacher_stage=CERTIFIED,
            ),
        )
