"""The SQL queries of the portfolio pages, in-process with Django's test Client, for a small
and a large portfolio (or school): step 2 of bench/portfolio_pages.py, which prints them.

It is a helper module of that benchmark, not a benchmark itself.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass
from typing import Any

SECTION = "training"
EXTRA_ROWS = 80


@dataclass
class QueryRow:
    """The SQL queries of one page for a small and a large portfolio (or school)."""

    page: str
    small: str
    large: str
    small_queries: int | str
    large_queries: int | str
    small_ms: float
    large_ms: float


def _count(client: Any, url: str) -> tuple[int | str, float]:
    """The page's SQL queries, and its median time over 10 requests one after another."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    if response.status_code != 200:
        return f"HTTP {response.status_code}", float("nan")
    # Read the count now: every request starts by clearing the connection's query log.
    count = len(captured)
    times = []
    for _ in range(10):
        began = time.perf_counter()
        client.get(url)
        times.append(time.perf_counter() - began)
    return count, statistics.median(times) * 1000


def _grow(case: Any, actor: Any, rows: int) -> None:
    """Add `rows` training and forum rows to a draft portfolio, through the service."""
    from sergur.portfolios.services import entry_save

    for number in range(rows):
        if number % 2:
            values = {
                "name": f"Seminar {number}",
                "year": "2005",
                "role": "participant",
                "level": "district",
            }
            entry_save(case=case, section_key="forum", values=values, actor=actor)
        else:
            values = {
                "name": f"Diklat {number}",
                "hours": "30",
                "organizer": "LPMP DIY",
                "year": "2006",
                "level": "province",
                "relevant": "yes",
            }
            entry_save(case=case, section_key="training", values=values, actor=actor)


def _row(page: str, small: str, large: str, counts: list[tuple[int | str, float]]) -> QueryRow:
    """The row of one page from the (queries, ms) of its small and its large case."""
    (small_queries, small_ms), (large_queries, large_ms) = counts
    return QueryRow(page, small, large, small_queries, large_queries, small_ms, large_ms)


def _teacher_rows() -> list[QueryRow]:
    """The case page and a section page of the draft with the fewest entries (but some) and
    of the fullest draft, after `EXTRA_ROWS` rows are added to the fullest."""
    from django.db.models import Count
    from django.test import Client

    from sergur.cases.models import Case

    drafts = (
        Case.objects.filter(state=Case.State.DRAFT)
        .annotate(rows=Count("entries"))
        .select_related("teacher__user")
        .order_by("rows", "pk")
    )
    small = next(case for case in drafts if case.rows > 0)
    large = drafts.last()
    assert large is not None
    _grow(large, large.teacher.user, EXTRA_ROWS)
    entries = {case.pk: case.entries.count() for case in (small, large)}
    rows = []
    pages = [
        ("teacher's case page", "/cases/{}/"),
        ("section page (training)", "/cases/{}/portfolio/" + SECTION + "/"),
    ]
    for label, pattern in pages:
        counts: list[tuple[int | str, float]] = []
        for case in (small, large):
            client = Client(HTTP_HOST="127.0.0.1")
            assert case.teacher.user is not None
            client.force_login(case.teacher.user)
            counts.append(_count(client, pattern.format(case.pk)))
        rows.append(
            _row(label, f"{entries[small.pk]} entries", f"{entries[large.pk]} entries", counts)
        )
    return rows


def _principal_row() -> QueryRow:
    """The case list of the principal of the smallest school and of the largest."""
    from django.test import Client

    from sergur.accounts.models import User
    from sergur.cases.models import Case

    def teachers(user: Any) -> int:
        return Case.objects.filter(
            teacher__assignments__school=user.school, teacher__assignments__is_main=True
        ).count()

    principals = sorted(
        User.objects.filter(role=User.Role.PRINCIPAL).select_related("school"), key=teachers
    )
    timed: list[tuple[int | str, float]] = []
    sizes: list[int] = []
    for principal in (principals[0], principals[-1]):
        sizes.append(teachers(principal))
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(principal)
        _second_factor_given(client, principal)
        timed.append(_count(client, "/cases/"))
    return _row("principal's list (/cases/)", f"{sizes[0]} teachers", f"{sizes[1]} teachers", timed)


def _second_factor_given(client: Any, user: Any) -> None:
    """Mark the session as verified by the user's demo authenticator, as the code page does
    after a right code (the load test types the code; here the session is written directly)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    session = client.session
    session[DEVICE_ID_SESSION_KEY] = TOTPDevice.objects.get(user=user).persistent_id
    session.save()


def measure_queries() -> list[QueryRow]:
    """Queries of the case page, a section page and the principal's list, small and large."""
    return [*_teacher_rows(), _principal_row()]
