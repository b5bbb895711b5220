from __future__ import annotations

from django.apps import AppConfig


class PortfoliosConfig(AppConfig):
    name = "sergur.portfolios"
    label = "portfolios"
    verbose_name = "Portfolios"
