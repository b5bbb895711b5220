"""URLs of the allowance's load and eligibility (ids and semester codes only; no personal data
in any of them)."""

from __future__ import annotations

from django.urls import path

from sergur.allowance import views

app_name = "allowance"
urlpatterns = [
    path("allowance/", views.mine, name="mine"),
    path("allowance/schools/", views.school_list, name="schools"),
    path("allowance/schools/<int:pk>/", views.school_detail, name="school"),
    path("allowance/schools/<int:pk>/import/", views.load_import_view, name="import"),
    path("allowance/lines/<int:pk>/", views.line_edit, name="line"),
    path("allowance/district/", views.district_view, name="district"),
    path("allowance/district/recompute/", views.recompute, name="recompute"),
    path("allowance/linearity/", views.linearity_view, name="linearity"),
    path("allowance/approvals/", views.approvals_view, name="approvals"),
]
