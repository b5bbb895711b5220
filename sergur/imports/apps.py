from __future__ import annotations

from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "sergur.imports"
    label = "imports"
    verbose_name = "Imports"
