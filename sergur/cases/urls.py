"""URLs of the case lists."""

from __future__ import annotations

from django.urls import path

from sergur.cases import views

app_name = "cases"
urlpatterns = [
    path("cases/", views.case_list, name="list"),
]
