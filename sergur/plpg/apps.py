from __future__ import annotations

from django.apps import AppConfig


class PlpgConfig(AppConfig):
    name = "sergur.plpg"
    label = "plpg"
    verbose_name = "PLPG"

    def ready(self) -> None:
        from sergur.plpg import panels

        panels.register()
