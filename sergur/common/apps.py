from __future__ import annotations

from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "sergur.common"
    label = "common"

    def ready(self) -> None:
        """Register the system checks (the signing keys)."""
        from sergur.common import checks  # noqa: F401
