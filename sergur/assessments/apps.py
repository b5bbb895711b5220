"""The rayon's assessment of a portfolio: assessors, allocation, the blind double scoring,
reconciliation, decisions and their publication, batch re-scoring."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "sergur.assessments"
    verbose_name = _("Assessment")
