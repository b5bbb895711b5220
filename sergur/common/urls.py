from __future__ import annotations

from django.urls import path

from sergur.common import views

app_name = "common"

urlpatterns = [
    path("audit/", views.audit_list, name="audit"),
    path("worklists/filter/", views.worklist_filter, name="worklist_filter"),
]
