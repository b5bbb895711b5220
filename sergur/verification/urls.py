"""URLs of the verification pages."""

from __future__ import annotations

from django.urls import path

from sergur.verification import views

app_name = "verification"
urlpatterns = [
    path("verification/", views.worklist_page, name="worklist"),
    path("verification/receive-all/", views.receive_all, name="receive_all"),
    path("verification/cases/<int:pk>/", views.case_page, name="case"),
    path("verification/cases/<int:pk>/verdict/", views.verdict, name="verdict"),
    path(
        "verification/cases/<int:pk>/carry-over/",
        views.accept_suggestions,
        name="accept_suggestions",
    ),
    path(
        "verification/cases/<int:pk>/meet-remaining/",
        views.meet_remaining,
        name="meet_remaining",
    ),
    path("verification/cases/<int:pk>/complete/", views.complete, name="complete"),
]
