"""URL routes of the assessor's worklist and scoring sheet (see urls.py)."""

from __future__ import annotations

from django.urls import URLPattern, path

from sergur.assessments.views import sheets

urlpatterns: list[URLPattern] = [
    path("assessments/worklist/", sheets.worklist, name="worklist"),
    path("assessments/sheets/<int:pk>/", sheets.sheet_detail, name="sheet"),
    path("assessments/sheets/<int:pk>/submit/", sheets.sheet_submit_confirm, name="sheet_submit"),
]
