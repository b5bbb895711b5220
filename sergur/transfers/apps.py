from __future__ import annotations

from django.apps import AppConfig


class TransfersConfig(AppConfig):
    name = "sergur.transfers"
    label = "transfers"
    verbose_name = "Transfers"
