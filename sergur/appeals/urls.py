"""URLs of the appeals pages."""

from __future__ import annotations

from django.urls import URLPattern

app_name = "appeals"
urlpatterns: list[URLPattern] = []
