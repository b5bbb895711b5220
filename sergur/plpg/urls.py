"""URLs of the PLPG (ids only; no personal data in any of them)."""

from __future__ import annotations

from django.urls import path

from sergur.plpg import views

app_name = "plpg"
urlpatterns = [
    path("plpg/rayon/", views.rayon_page, name="rayon"),
    path("plpg/rayon/propose/", views.propose, name="propose"),
    path("plpg/rayon/instructors/", views.instructor_add, name="instructor_add"),
    path("plpg/rayon/merges/", views.merge_set, name="merge_set"),
    path("plpg/rayon/relations/", views.relation_declare, name="relation_declare"),
    path("plpg/classes/", views.class_list, name="classes"),
    path("plpg/classes/<int:pk>/", views.class_detail, name="class"),
    path("plpg/classes/<int:pk>/update/", views.class_update, name="class_update"),
    path("plpg/classes/<int:pk>/sessions/", views.session_add, name="session_add"),
    path(
        "plpg/classes/<int:pk>/sessions/<int:session>/attendance/",
        views.attendance,
        name="attendance",
    ),
    path("plpg/classes/<int:pk>/import/", views.scores_import, name="import"),
    path("plpg/participants/", views.participant_list, name="participants"),
    path("plpg/participants/<int:pk>/", views.participant_detail, name="participant"),
    path("plpg/participants/<int:pk>/scores/", views.score_enter, name="score"),
    path("plpg/participants/<int:pk>/scores/correct/", views.score_correct, name="score_correct"),
    path("plpg/participants/<int:pk>/peer-teaching/", views.peer_teaching, name="peer_teaching"),
    path("plpg/participants/<int:pk>/remedial/", views.remedial, name="remedial"),
    path("plpg/participants/<int:pk>/invitation.pdf", views.invitation, name="invitation"),
]
