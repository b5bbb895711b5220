"""Personal data: the teacher's own copy and the retention job (docs/privacy.md)."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "sergur.privacy"
    verbose_name = _("Personal data")
