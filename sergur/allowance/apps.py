from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AllowanceConfig(AppConfig):
    name = "sergur.allowance"
    label = "allowance"
    verbose_name = _("Allowance")
