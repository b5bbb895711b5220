"""URLs of the home page and the scoring page."""

from __future__ import annotations

from django.urls import URLPattern, path

from sergur.scoring import views

app_name = "scoring"
urlpatterns: list[URLPattern] = [
    path("", views.home, name="home"),
    path("score/", views.PortfolioScoreView.as_view(), name="score"),
]
