from __future__ import annotations

from django.apps import AppConfig


class SelectionConfig(AppConfig):
    name = "sergur.selection"
    label = "selection"
    verbose_name = "Selection"
