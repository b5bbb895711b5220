"""Top-level URL map."""

from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("accounts/", include("sergur.accounts.urls")),
    path("", include("sergur.cases.urls")),
    path("", include("sergur.portfolios.urls")),
    path("", include("sergur.imports.urls")),
    path("", include("sergur.transfers.urls")),
    path("", include("sergur.plpg.urls")),
    path("", include("sergur.selection.urls")),
    path("", include("sergur.verification.urls")),
    path("", include("sergur.assessments.urls")),
    path("", include("sergur.appeals.urls")),
    path("", include("sergur.notifications.urls")),
    path("", include("sergur.privacy.urls")),
    path("", include("sergur.certificates.urls")),
    path("", include("sergur.allowance.urls")),
    path("", include("sergur.payments.urls")),
    path("", include("sergur.planner.urls")),
    path("", include("sergur.appraisal.urls")),
    path("", include("sergur.development.urls")),
    path("", include("sergur.kkg.urls")),
    path("", include("sergur.quality.urls")),
    path("", include("sergur.scoring.urls")),
    path("", include("sergur.common.urls")),
]
