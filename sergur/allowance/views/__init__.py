"""The allowance's pages (docs/allowance.md, "On the web")."""

from __future__ import annotations

from sergur.allowance.views.district import approvals_view, district_view, linearity_view, recompute
from sergur.allowance.views.school import line_edit, load_import_view, school_detail, school_list
from sergur.allowance.views.teacher import mine

__all__ = [
    "approvals_view",
    "district_view",
    "line_edit",
    "linearity_view",
    "load_import_view",
    "mine",
    "recompute",
    "school_detail",
    "school_list",
]
