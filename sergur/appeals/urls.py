"""URLs of the appeals pages."""

from __future__ import annotations

from django.urls import path

from sergur.appeals import views

app_name = "appeals"
urlpatterns = [
    path("cases/<int:pk>/appeal/", views.appeal_file_view, name="file"),
    path("appeals/", views.appeal_list, name="list"),
    path("appeals/stats/", views.appeal_stats_view, name="stats"),
    path("appeals/<int:pk>/", views.appeal_detail, name="detail"),
    path("appeals/<int:pk>/assign/", views.appeal_assign, name="assign"),
    path("appeals/<int:pk>/decide/", views.appeal_decide_view, name="decide"),
    path("appeals/<int:pk>/file/", views.appeal_evidence, name="evidence"),
]
