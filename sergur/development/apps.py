from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DevelopmentConfig(AppConfig):
    name = "sergur.development"
    label = "development"
    verbose_name = _("Professional development (PKB)")
