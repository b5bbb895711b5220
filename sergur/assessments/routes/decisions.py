"""URL routes of the decisions pages (see urls.py)."""

from __future__ import annotations

from django.urls import URLPattern, path

from sergur.assessments.views import decisions

urlpatterns: list[URLPattern] = [
    path("rayon/decisions/", decisions.decisions, name="decisions"),
    path("rayon/decisions/publish/", decisions.publish, name="publish"),
    path("rayon/plpg/", decisions.plpg, name="plpg"),
    path("rayon/cases/<int:pk>/reconcile/", decisions.reconcile, name="reconcile"),
    path(
        "rayon/cases/<int:pk>/clarification/",
        decisions.clarification_decide,
        name="clarification_decide",
    ),
    path("district/results/", decisions.district_results_page, name="district_results"),
    path("cases/<int:pk>/clarify/", decisions.clarify, name="clarify"),
    path(
        "cases/<int:pk>/clarify/<int:response_pk>/file/",
        decisions.clarification_file,
        name="clarification_file",
    ),
]
