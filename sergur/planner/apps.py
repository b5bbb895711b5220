from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlannerConfig(AppConfig):
    name = "sergur.planner"
    label = "planner"
    verbose_name = _("Teaching-load planner")
