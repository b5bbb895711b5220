from __future__ import annotations

from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "sergur.registry"
    label = "registry"
    verbose_name = "Registry"
