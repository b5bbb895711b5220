"""URLs of the privacy app: the teacher's own data (no id in the URL: only one's own)."""

from __future__ import annotations

from django.urls import path

from sergur.privacy import views

app_name = "privacy"

urlpatterns = [
    path("my-data/", views.mine, name="mine"),
    path("my-data/download/", views.download, name="download"),
]
