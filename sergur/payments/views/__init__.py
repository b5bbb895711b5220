"""The payments pages (docs/allowance.md, "SKTP and payments"): the finance office's SKTPs,
runs, exports and salary tables (`money`), its teachers' pay profiles (`profiles`), and a
teacher's own SKTP lines and payments (`money.mine`)."""

from __future__ import annotations

from sergur.payments.views.money import (
    home,
    mine,
    run_begin,
    run_detail,
    run_export,
    run_progress,
    sktp_detail,
    sktp_export,
    sktp_issue,
    sktp_progress,
    tables,
)
from sergur.payments.views.profiles import profile_edit, profiles, profiles_load

__all__ = [
    "home",
    "mine",
    "profile_edit",
    "profiles",
    "profiles_load",
    "run_begin",
    "run_detail",
    "run_export",
    "run_progress",
    "sktp_detail",
    "sktp_export",
    "sktp_issue",
    "sktp_progress",
    "tables",
]
