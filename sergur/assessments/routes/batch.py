"""URL routes of the re-scoring batch page and its progress fragment (see urls.py)."""

from __future__ import annotations

from django.urls import URLPattern, path

from sergur.assessments.views import batch

urlpatterns: list[URLPattern] = [
    path("assessments/batch/", batch.batch, name="batch"),
    path("assessments/batch/<int:pk>/progress/", batch.batch_progress, name="batch_progress"),
]
