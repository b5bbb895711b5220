"""URLs of imports."""

from __future__ import annotations

from django.urls import path

from sergur.imports import views

app_name = "imports"
urlpatterns = [
    path("imports/", views.import_list, name="list"),
    path("imports/upload/", views.import_upload, name="upload"),
    path("imports/<int:pk>/", views.import_detail, name="detail"),
    path("imports/<int:pk>/status/", views.import_status, name="status"),
    path("imports/<int:pk>/problems.csv", views.import_problems_csv, name="problems_csv"),
    path("imports/<int:pk>/apply/", views.import_apply, name="apply"),
]
