"""Helpers of the certificate tests: a case with a published L, its certificate, a ministry
officer, all through the services."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sergur.accounts.models import User
from sergur.appeals.tests.support import published
from sergur.cases.models import Case
from sergur.certificates.models import Certificate
from sergur.certificates.services import certificate_issue

NOW = dt.datetime(2008, 4, 1, 3, 0, tzinfo=dt.UTC)


def passed(case: Case) -> Case:
    """The case with a published L decision."""
    published(case, "L")
    case.refresh_from_db()
    return case


def issued(case: Case, cast: Any, *, now: dt.datetime = NOW) -> Certificate:
    """The certificate of a case that passed, issued by the cast's rayon admin."""
    return certificate_issue(actor=cast.rayon_admin, case=passed(case), now=now)


def ministry() -> User:
    """An officer of the ministry (Ditjen GTK)."""
    user, _created = User.objects.get_or_create(
        username="kemdikbud", defaults={"role": User.Role.MINISTRY}
    )
    return user
