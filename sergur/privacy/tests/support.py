"""Helpers of the privacy tests: a case taken to a published decision with evidence and an
appeal with a file, through the services."""

from __future__ import annotations

import datetime as dt
from typing import Any

import time_machine

from sergur.appeals.models import Appeal
from sergur.appeals.services import appeal_file
from sergur.appeals.tests.support import LATER, NOW, assessed_and_published, upload
from sergur.assessments.models import Result
from sergur.cases.models import Case
from sergur.portfolios.tests.teacher_support import pdf_bytes

__all__ = ["LATER", "NOW", "closed_case"]


def closed_case(case: Case, cast: Any, *, appeal_decided: bool = True) -> tuple[Result, Appeal]:
    """`case` assessed by asesor and asesor2, published on NOW, appealed with a PDF on LATER;
    the appeal decided (upheld) a day later unless `appeal_decided` is False. The clock stands
    at NOW meanwhile, so that the case log's times (written by the database) are NOW's."""
    with time_machine.travel(NOW, tick=False):
        result = assessed_and_published(case, cast, now=NOW)
    teacher = case.teacher.user
    assert teacher is not None
    appeal = appeal_file(
        case=case,
        actor=teacher,
        grounds="Komponen 2 dinilai terlalu rendah.",
        upload=upload("banding.pdf", pdf_bytes("banding")),
        now=LATER,
    )
    if appeal_decided:
        Appeal.objects.filter(pk=appeal.pk).update(
            outcome=Appeal.Outcome.UPHELD, decided_at=LATER + dt.timedelta(days=1)
        )
        appeal.refresh_from_db()
    case.refresh_from_db()
    return result, appeal
