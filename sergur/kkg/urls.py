from __future__ import annotations

from django.urls import URLPattern, path

from sergur.kkg.views import groups, programme

app_name = "kkg"

urlpatterns: list[URLPattern] = [
    path("kkg/", groups.group_list, name="groups"),
    path("kkg/add/", groups.group_add, name="group_add"),
    path("kkg/resources/", groups.resources, name="resources"),
    path("kkg/<int:pk>/", groups.group_detail, name="group"),
    path("kkg/<int:pk>/members/", groups.member_add, name="member_add"),
    path("kkg/<int:pk>/coordinator/", groups.coordinator_elect, name="coordinator"),
    path("kkg/<int:pk>/packages/", programme.package_create, name="package_add"),
    path("kkg/packages/<int:pk>/meetings/", programme.meeting_create, name="meeting_add"),
    path("kkg/packages/<int:pk>/outputs/", programme.output_create, name="output_add"),
    path("kkg/packages/<int:pk>/report/", programme.report_upload, name="report"),
    path("kkg/packages/<int:pk>/report/file/", programme.report_file, name="report_file"),
    path("kkg/meetings/<int:pk>/", programme.meeting_detail, name="meeting"),
    path("kkg/meetings/<int:pk>/attendance/", programme.attendance, name="attendance"),
    path("kkg/outputs/<int:pk>/", programme.output_file, name="output_file"),
]
