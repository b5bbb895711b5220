"""URLs of the verification pages."""

from __future__ import annotations

from django.urls import URLPattern

app_name = "verification"
urlpatterns: list[URLPattern] = []
