from __future__ import annotations

from django.urls import path

from sergur.notifications import views

app_name = "notifications"

urlpatterns = [
    path("inbox/", views.inbox_view, name="inbox"),
    path("inbox/<int:pk>/open/", views.open_view, name="open"),
    path("inbox/read-all/", views.read_all_view, name="read_all"),
    path("inbox/preferences/", views.preferences_view, name="preferences"),
]
