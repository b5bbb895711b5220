"""URLs of transfers (no NUPTK in any of them)."""

from __future__ import annotations

from django.urls import path

from sergur.transfers import views

app_name = "transfers"
urlpatterns = [
    path("transfers/", views.transfer_list, name="list"),
    path("transfers/request/", views.transfer_request_view, name="request"),
    path("transfers/<int:pk>/", views.transfer_detail, name="detail"),
    path("transfers/<int:pk>/answer/", views.transfer_answer_view, name="answer"),
    path("transfers/<int:pk>/escalate/", views.transfer_escalate_view, name="escalate"),
]
