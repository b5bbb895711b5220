"""The yearly teacher performance appraisal, PKG (docs/pkg.md)."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AppraisalConfig(AppConfig):
    name = "sergur.appraisal"
    label = "appraisal"
    verbose_name = _("Performance appraisal (PKG)")

    def ready(self) -> None:
        """Put the PKG worklists in the main menu of the roles that appraise, are appraised,
        countersign or follow the district."""
        from sergur.common.menu import CERTIFIED, MenuEntry, menu_register, roles

        menu_register(
            MenuEntry(
                "appraisal:home",
                _("Performance appraisal (PKG)"),
                130,
                roles(
                    "teacher",
                    "principal",
                    "supervisor",
                    "district_committee",
                    "district_head",
                    superuser=True,
                ),
                also_current=("appraisal:detail", "appraisal:self"),
                teacher_stage=CERTIFIED,
            ),
        )
