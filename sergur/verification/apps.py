"""Document verification: the district committee, the quality office (LPMP) and the rayon
check every document of a submitted portfolio (MP, K or TMP, with a reason)."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VerificationConfig(AppConfig):
    name = "sergur.verification"
    verbose_name = _("Verification")

    def ready(self) -> None:
        """Show the verification status on the case page."""
        from sergur.cases.panels import panel_register
        from sergur.verification.panels import verification_panel

        panel_register(verification_panel)
        from sergur.common.menu import MenuEntry, menu_register, roles

        menu_register(
            MenuEntry(
                "verification:worklist",
                _("Verification"),
                80,
                roles("district_committee", "quality_office", "rayon_admin"),
            )
        )
