"""Appeals against a published decision: grounds and evidence from the teacher, an
independent reviewer's decision with reasons, statistics per rayon."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AppealsConfig(AppConfig):
    name = "sergur.appeals"
    verbose_name = _("Appeals")
