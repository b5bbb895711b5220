"""Builders for the PKB tests: Sri's standing at III/a, an activity of hers, and her KKG
package (through the working-group test builders)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sergur.conftest import Cast
from sergur.development.models import Activity, Standing
from sergur.development.services import activity_record, standing_record
from sergur.portfolios.tests.teacher_support import pdf_upload
from sergur.rules.development import Kind

SINCE = dt.date(2024, 4, 1)
DONE = dt.date(2026, 2, 20)


def standing(cast: Cast, *, pk: str = "42", supporting: str = "5") -> Standing:
    """Sri holds III/a since April 2024, with `pk` appraisal and `supporting` credit."""
    return standing_record(
        actor=cast.dinas,
        teacher=cast.sri.teacher,
        rank="III/a",
        since=SINCE,
        carried_pk=Decimal(pk),
        supporting=Decimal(supporting),
    )


def training(cast: Cast, *, hours: int = 100) -> Activity:
    """A functional training of Sri's with its certificate as evidence."""
    return activity_record(
        actor=cast.sri,
        teacher=cast.sri.teacher,
        kind=Kind.TRAINING,
        title="Diklat fungsional kurikulum",
        done_on=DONE,
        hours=hours,
        upload=pdf_upload(),
    )
