"""The rayon's assessment of a portfolio: assessors, allocation, the blind double scoring,
reconciliation, decisions and their publication, batch re-scoring."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "sergur.assessments"
    verbose_name = _("Assessment")

    def ready(self) -> None:
        """Show the decision (and, for the rayon, what to do next) on the case page."""
        from sergur.assessments.panels import result_panel
        from sergur.cases.panels import panel_register

        panel_register(result_panel)
