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
        """Put the finance office's page and a teacher's payments in the main menu."""
        from sergur.common.menu import MenuEntry, menu_register, roles

        menu_register(
            MenuEntry("payments:home", _("Allowance payments"), 125, roles("finance")),
            MenuEntry("payments:mine", _("My allowance payments"), 126, roles("teacher")),
        )
