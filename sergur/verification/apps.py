"""Document verification: the district committee, the quality office (LPMP) and the rayon
check every document of a submitted portfolio (MP, K or TMP, with a reason)."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VerificationConfig(AppConfig):
    name = "sergur.verification"
    verbose_name = _("Verification")
