"""Document verification: the district committee, the quality office (LPMP) and the rayon
check every document of a submitted portfolio (MP, K or TMP, with a reason)."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext


class VerificationConfig(AppConfig):
    name = "sergur.verification"
    verbose_name = _("Verification")

    def ready(self) -> None:
        """Show the verification status on the case page."""
        from sergur.cases.panels import panel_register
        from sergur.verification.panels import verification_panel

        panel_register(verification_panel)
        from sergur.common.worklists import worklist_register
        from sergur.verification.selectors import VERIFICATION_WORKLIST

        worklist_register(VERIFICATION_WORKLIST)
        from sergur.common.menu import roles
        from sergur.common.waiting import Waiting, waiting_register
        from sergur.verification.selectors import worklist

        waiting_register(
            Waiting(
                "verify",
                lambda n: (
                    ngettext(
                        "%(count)s portfolio waiting for your verification",
                        "%(count)s portfolios waiting for your verification",
                        n,
                    )
                    % {"count": n}
                ),
                roles("district_committee", "quality_office", "rayon_admin"),
                lambda user: worklist(user=user).count(),
                worklist="verification",
                order=20,
            )
        )
        from sergur.common.menu import MenuEntry, menu_register, roles

        menu_register(
            MenuEntry(
                "verification:worklist",
                _("Verification"),
                80,
                roles("district_committee", "quality_office", "rayon_admin"),
            )
        )
