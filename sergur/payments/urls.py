from __future__ import annotations

from django.urls import path

from sergur.payments import views

app_name = "payments"

urlpatterns = [
    path("payments/", views.home, name="home"),
    path("payments/sktp/", views.sktp_issue, name="sktp_issue"),
    path("payments/sktp/<int:pk>/", views.sktp_detail, name="sktp"),
    path("payments/sktp/<int:pk>/progress/", views.sktp_progress, name="sktp_progress"),
    path("payments/sktp/<int:pk>/list.<str:fmt>", views.sktp_export, name="sktp_export"),
    path("payments/runs/", views.run_begin, name="run_start"),
    path("payments/runs/<int:pk>/", views.run_detail, name="run"),
    path("payments/runs/<int:pk>/progress/", views.run_progress, name="run_progress"),
    path("payments/runs/<int:pk>/<str:kind>.<str:fmt>", views.run_export, name="run_export"),
    path("payments/tables/", views.tables, name="tables"),
    path("payments/profiles/", views.profiles, name="profiles"),
    path("payments/profiles/load/", views.profiles_load, name="profiles_load"),
    path("payments/profiles/<int:pk>/", views.profile_edit, name="profile"),
    path("payments/mine/", views.mine, name="mine"),
]
