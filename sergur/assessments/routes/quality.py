"""URL routes of the quality pages (see urls.py)."""

from __future__ import annotations

from django.urls import URLPattern, path

from sergur.assessments.views import quality

urlpatterns: list[URLPattern] = [
    path("assessments/quality/", quality.quality, name="quality"),
    path(
        "assessments/quality/assessors/<int:pk>/",
        quality.quality_assessor,
        name="quality_assessor",
    ),
]
