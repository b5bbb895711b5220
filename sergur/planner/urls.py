from __future__ import annotations

from django.urls import URLPattern, path

from sergur.planner import views

app_name = "planner"

urlpatterns: list[URLPattern] = [
    path("planner/", views.home, name="home"),
    path("planner/runs/", views.start, name="start"),
    path("planner/runs/<int:pk>/", views.run_detail, name="run"),
    path("planner/runs/<int:pk>/decide/", views.decide, name="decide"),
]
