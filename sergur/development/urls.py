from __future__ import annotations

from django.urls import URLPattern, path

from sergur.development.views import pages

app_name = "development"

urlpatterns: list[URLPattern] = [
    path("pkb/", pages.mine, name="mine"),
    path("pkb/worklist/", pages.worklist, name="worklist"),
    path("pkb/activities/", pages.activity_add, name="activity_add"),
    path("pkb/activities/<int:pk>/verify/", pages.activity_verify_view, name="verify"),
    path("pkb/activities/<int:pk>/evidence/", pages.evidence, name="evidence"),
    path("pkb/teachers/<int:pk>/", pages.teacher_detail, name="teacher"),
    path("pkb/teachers/<int:pk>/plans/", pages.plan_add, name="plan_add"),
    path("pkb/teachers/<int:pk>/remedial/", pages.remedial_add, name="remedial_add"),
    path("pkb/teachers/<int:pk>/standing/", pages.standing, name="standing"),
]
