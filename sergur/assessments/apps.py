"""The rayon's assessment of a portfolio: assessors, allocation, the blind double scoring,
reconciliation, decisions and their publication, batch re-scoring."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from sergur.common.menu import User


class AssessmentsConfig(AppConfig):
    name = "sergur.assessments"
    verbose_name = _("Assessment")

    def ready(self) -> None:
        """Show the decision (and, for the rayon, what to do next) on the case page."""
        from sergur.assessments.panels import result_panel
        from sergur.cases.panels import panel_register

        panel_register(result_panel)
        from sergur.assessments.selectors.sheets import ASSESSOR_WORKLIST
        from sergur.common.menu import MenuEntry, menu_register, roles
        from sergur.common.worklists import worklist_register

        worklist_register(ASSESSOR_WORKLIST)
        from sergur.assessments.waiting import ASSESSMENT_WAITING
        from sergur.common.waiting import waiting_register

        waiting_register(*ASSESSMENT_WAITING)

        def operator_not_rayon(user: User | None) -> bool:
            return user is not None and user.is_superuser and user.role != "rayon_admin"

        menu_register(
            MenuEntry("assessments:rayon", _("Assessment"), 90, roles("rayon_admin")),
            MenuEntry("assessments:decisions", _("Decisions"), 100, roles("rayon_admin")),
            MenuEntry("assessments:batch", _("Re-score a programme year"), 110, operator_not_rayon),
            MenuEntry(
                "assessments:district_results", _("Results"), 130, roles("district_committee")
            ),
            MenuEntry("assessments:worklist", _("My worklist"), 140, roles("assessor")),
            MenuEntry("assessments:my_relations", _("My relationships"), 150, roles("assessor")),
        )
