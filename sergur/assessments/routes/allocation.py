"""URL routes of the allocation pages (see urls.py): the rayon's assessment home, the
allocation run, reassignment of one slot, the assessor register and declared relationships."""

from __future__ import annotations

from django.urls import URLPattern, path

from sergur.assessments.views import allocation as views

urlpatterns: list[URLPattern] = [
    path("rayon/", views.rayon_home, name="rayon"),
    path("rayon/allocate/", views.allocation_run_view, name="allocate"),
    path("rayon/allocations/<int:pk>/reassign/", views.allocation_reassign_view, name="reassign"),
    path("rayon/cases/<int:pk>/third-assessor/", views.third_assign_view, name="assign_third"),
    path("rayon/assessors/", views.register_list, name="register"),
    path("rayon/assessors/add/", views.register_add, name="register_add"),
    path("rayon/assessors/<int:pk>/", views.register_edit, name="register_edit"),
    path(
        "rayon/assessors/<int:pk>/relations/",
        views.register_relations,
        name="register_relations",
    ),
    path("assessments/relations/", views.my_relations, name="my_relations"),
]
