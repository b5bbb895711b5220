from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KkgConfig(AppConfig):
    name = "sergur.kkg"
    label = "kkg"
    verbose_name = _("Working groups (KKG/MGMP)")
