"""The certificates app."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    """The educator certificate and the NRG; its panel on the case page."""

    name = "sergur.certificates"
    label = "certificates"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        """Register the certificate panel of the case page and the menu entries."""
        from sergur.cases.panels import panel_register
        from sergur.certificates.panels import certificate_panel
        from sergur.common.menu import (
            CERTIFIED,
            PUBLIC,
            MenuEntry,
            everyone,
            menu_register,
            menu_stages_register,
            roles,
        )

        panel_register(certificate_panel)
        from sergur.certificates.selectors import CERTIFICATE_WORKLIST, teacher_menu_stages
        from sergur.common.worklists import worklist_register

        worklist_register(CERTIFICATE_WORKLIST)
        menu_stages_register(teacher_menu_stages)
        menu_register(
            MenuEntry("certificates:verify", _("Check a certificate"), 32, everyone, group=PUBLIC),
            MenuEntry(
                "certificates:list",
                _("Certificates"),
                108,
                roles("rayon_admin", "teacher", "ministry", superuser=True),
                teacher_stage=CERTIFIED,
            ),
            MenuEntry("certificates:nrg", _("NRG"), 109, roles("ministry", superuser=True)),
        )
