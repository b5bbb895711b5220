"""Every write of the payments: pay profiles, salary tables, the SKTP job and payment runs."""

from __future__ import annotations

from sergur.payments.services.profiles import ProfileLoad, pay_profile_set, pay_profiles_load
from sergur.payments.services.runs import parse_quarter, run_execute, run_start
from sergur.payments.services.sktp import sktp_run, sktp_start
from sergur.payments.services.tables import TableLoad, salary_table_load

__all__ = [
    "ProfileLoad",
    "TableLoad",
    "parse_quarter",
    "pay_profile_set",
    "pay_profiles_load",
    "run_execute",
    "run_start",
    "salary_table_load",
    "sktp_run",
    "sktp_start",
]
