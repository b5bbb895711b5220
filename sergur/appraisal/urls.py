"""URLs of the PKG (ids and years only; no personal data in any of them)."""

from __future__ import annotations

from django.urls import path

from sergur.appraisal import views

app_name = "appraisal"
urlpatterns = [
    path("pkg/", views.home, name="home"),
    path("pkg/assign/", views.assign, name="assign"),
    path("pkg/assignments/<int:pk>/open/", views.open_appraisal, name="open"),
    path("pkg/<int:pk>/", views.detail, name="detail"),
    path("pkg/<int:pk>/scores/", views.scores, name="scores"),
    path("pkg/<int:pk>/observations/", views.observe, name="observe"),
    path("pkg/<int:pk>/sign/", views.sign, name="sign"),
    path("pkg/<int:pk>/object/", views.object_to, name="object"),
    path("pkg/<int:pk>/countersign/", views.countersign, name="countersign"),
    path("pkg/self/<int:year>/", views.self_evaluation, name="self"),
]
