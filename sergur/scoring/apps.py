from __future__ import annotations

from django.apps import AppConfig


class ScoringConfig(AppConfig):
    name = "sergur.scoring"
    label = "scoring"
    verbose_name = "Portfolio scoring"
