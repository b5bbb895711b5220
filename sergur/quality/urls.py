"""URLs of quality assurance (pks only in the query string; no personal data)."""

from __future__ import annotations

from django.urls import path

from sergur.quality import views

app_name = "quality"
urlpatterns = [
    path("quality-assurance/", views.overview, name="overview"),
    path("quality-assurance/worklist/", views.worklist, name="worklist"),
]
