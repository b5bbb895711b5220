"""Helpers of the appeal tests: a case with a published decision (stored directly, or after a
real blind round), a filed appeal and a reviewer assigned, all through the services."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from sergur.accounts.models import User
from sergur.appeals.models import Appeal
from sergur.appeals.services import appeal_file, appeal_reviewer_assign
from sergur.assessments.models import Result
from sergur.assessments.services.decisions import result_publish
from sergur.assessments.tests.decisions_support import decided
from sergur.assessments.tests.support import allocate, at_rayon, submit_complete, submit_sheet
from sergur.cases.models import Case

NOW = dt.datetime(2008, 3, 1, 9, 0, tzinfo=dt.UTC)
LATER = NOW + dt.timedelta(days=3)
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200


def published(case: Case, code: str = "MS", *, now: dt.datetime = NOW, **extra: Any) -> Result:
    """A decision with `code`, published at `now` (the appeal window: 14 days in 2007)."""
    return result_publish(result=decided(case, code, **extra), actor=None, now=now)


def assessed_and_published(case: Case, cast: Any, *, now: dt.datetime = NOW) -> Result:
    """A real round: complete portfolio, asesor and asesor2 submit agreeing sheets, the
    mean is decided and published."""
    sheets = allocate(at_rayon(submit_complete(case, cast)), cast.asesor, cast.asesor2)
    submit_sheet(sheets[0], item=4)
    submit_sheet(sheets[1], item=4)
    result = Result.objects.get(case=case, current=True)
    return result_publish(result=result, actor=cast.rayon_admin, now=now)


def filed(
    case: Case, *, now: dt.datetime = LATER, grounds: str = "Komponen 2 dinilai terlalu rendah."
) -> Appeal:
    """The case's teacher appeals (no file)."""
    teacher = case.teacher.user
    assert teacher is not None
    return appeal_file(case=case, actor=teacher, grounds=grounds, now=now)


def assigned(appeal: Appeal, reviewer: User, admin: User, *, now: dt.datetime = LATER) -> Appeal:
    """The rayon admin assigns `reviewer` (an assessor user)."""
    return appeal_reviewer_assign(appeal=appeal, reviewer=reviewer.assessor, actor=admin, now=now)


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    """A file as a view or a service receives it (the type sent says nothing)."""
    return SimpleUploadedFile(name, data, "application/octet-stream")
