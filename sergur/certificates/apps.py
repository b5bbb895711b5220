"""The certificates app."""

from __future__ import annotations

from django.apps import AppConfig


class CertificatesConfig(AppConfig):
    """The educator certificate and the NRG; its panel on the case page."""

    name = "sergur.certificates"
    label = "certificates"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        """Register the certificate panel of the case page."""
        from sergur.cases.panels import panel_register
        from sergur.certificates.panels import certificate_panel

        panel_register(certificate_panel)
