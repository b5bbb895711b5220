from __future__ import annotations

from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "sergur.common"
    label = "common"

    def ready(self) -> None:
        from sergur.common import receivers

        receivers.connect()
