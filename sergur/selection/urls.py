"""URLs of selection: the district's selection and SK, the quota, the teacher's own page and
the public participant lookup (the NUPTK is posted, never part of a URL)."""

from __future__ import annotations

from django.urls import path

from sergur.selection import views

app_name = "selection"
urlpatterns = [
    path("selection/", views.selection_home, name="home"),
    path("selection/me/", views.own_selection, name="me"),
    path("selection/<int:year>/quota/", views.quota, name="quota"),
    path("selection/<int:year>/districts/<int:pk>/", views.district_selection, name="district"),
    path(
        "selection/<int:year>/districts/<int:pk>/filter/",
        views.district_selection_filter,
        name="district_filter",
    ),
    path("selection/<int:year>/districts/<int:pk>/sk.pdf", views.district_sk, name="sk"),
    path(
        "selection/<int:year>/districts/<int:pk>/sk/",
        views.district_sk_letter,
        name="sk_letter",
    ),
    path("participants/lookup/", views.participant_lookup, name="lookup"),
]
