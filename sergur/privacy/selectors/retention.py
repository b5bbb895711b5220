"""Reads for the retention job: the rules in force and the closed cases with their closure
day (docs/privacy.md, "How long")."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db.models import Exists, Max, OuterRef, Q
from django.utils import timezone

from sergur.appeals.models import Appeal
from sergur.assessments.models import Result
from sergur.cases.models import Case, CaseEvent
from sergur.rules.retention import CLOSED_STATES, RetentionRule, case_closed_on, retention_rules


def retention_rules_current() -> dict[str, RetentionRule]:
    """The retention rules in force: the deployment's file (SERGUR_RETENTION_FILE) or the
    shipped one."""
    path: Path | None = settings.SERGUR_RETENTION_FILE
    return retention_rules(path)


@dataclass(frozen=True, slots=True)
class ClosedCase:
    """A case in a closed state and the day it closed (None: not closed yet, e.g. an appeal
    is still open)."""

    case: Case
    closed_on: dt.date | None


def _local_day(value: dt.datetime | None) -> dt.date | None:
    return timezone.localtime(value).date() if value else None


def closed_cases() -> Iterator[ClosedCase]:
    """Every case in a closed state, with its closure day: the later of the day it entered
    that state and the end of its current result's appeal window, once no appeal is open."""
    entered = (
        CaseEvent.objects.filter(case=OuterRef("pk"), to_state=OuterRef("state"))
        .values("case")
        .annotate(at=Max("at"))
        .values("at")
    )
    appeal_until = Result.objects.filter(case=OuterRef("pk"), current=True).values("appeal_until")[
        :1
    ]
    open_appeal = Appeal.objects.filter(case=OuterRef("pk"), decided_at__isnull=True)
    cases = (
        Case.objects.filter(Q(state__in=[str(state) for state in CLOSED_STATES]))
        .annotate(entered_at=entered, appeal_until=appeal_until, appeal_open=Exists(open_appeal))
        .order_by("pk")
    )
    for case in cases.iterator(chunk_size=500):
        closed_on = case_closed_on(
            state=case.state,
            entered_state_on=_local_day(case.entered_at),
            appeal_until=_local_day(case.appeal_until),
            appeal_open=case.appeal_open,
        )
        yield ClosedCase(case, closed_on)
