"""Helpers of the verification tests: a case submitted with a complete portfolio (either
school of the cast), verdicts recorded through the service, and a case moved along the
chain."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from sergur.accounts.models import User
from sergur.cases.models import Case
from sergur.cases.selectors import main_school_id
from sergur.portfolios.services import envelope_confirm, envelope_save, portfolio_submit
from sergur.portfolios.tests.teacher_support import fill_rows, fill_submittable
from sergur.verification.models import DocumentVerdict, Stage, StageReview
from sergur.verification.selectors import STAGE_STATE, case_verification, stage_of
from sergur.verification.services import stage_complete, verdict_record


def submit(case: Case, cast: Any, *, extra_rows: int = 0) -> Case:
    """The teacher fills a submittable portfolio (plus `extra_rows` rows with a file each),
    the main school's principal and the supervisor complete the envelope, the teacher
    submits."""
    now = timezone.now()
    teacher = case.teacher.user
    assert teacher is not None
    fill_submittable(case, teacher)
    if extra_rows:
        fill_rows(case, teacher, extra_rows)
    school = main_school_id(case)
    principal = cast.pak_kepala if cast.pak_kepala.school_id == school else cast.bu_kepala
    cast.pengawas.supervised_schools.add(school)
    envelope_save(
        case=case,
        actor=principal,
        author="principal",
        observation=[4] * 24,
        superior=[4] * 10,
        now=now,
    )
    envelope_confirm(case=case, actor=principal, author="principal", now=now)
    envelope_confirm(case=case, actor=cast.pengawas, author="supervisor", now=now)
    portfolio_submit(case=case, actor=teacher, declaration=True, now=now)
    case.refresh_from_db()
    return case


def judge(
    case: Case, actor: User, verdict: str = "MP", *, except_codes: dict[str, str] | None = None
) -> list[DocumentVerdict]:
    """Record `verdict` on every document of the actor's stage; `except_codes` maps a code to
    the TMP reason of that document."""
    stage = stage_of(actor)
    assert stage is not None
    view = case_verification(case=case, stage=stage)
    rows = []
    for doc in view.documents:
        reason = (except_codes or {}).get(doc.row.code)
        rows.append(
            verdict_record(
                case=case,
                evidence_id=doc.file.pk,
                verdict="TMP" if reason else verdict,
                reason=reason or ("" if verdict == "MP" else "Tidak dilegalisir"),
                actor=actor,
                now=timezone.now(),
            )
        )
    return rows


def complete(case: Case, actor: User) -> StageReview:
    """Complete the actor's stage now."""
    review = stage_complete(case=case, actor=actor, now=timezone.now())
    case.refresh_from_db()
    return review


def to_stage(case: Case, cast: Any, stage: Stage) -> Case:
    """A case passed on from where it is, with every document MP, until it waits for
    `stage`."""
    offices: dict[str, User] = {
        Case.State.SUBMITTED: cast.dinas,
        Case.State.DISTRICT_VERIFIED: cast.lpmp,
    }
    while case.state != STAGE_STATE[stage]:
        actor = offices[case.state]
        judge(case, actor)
        complete(case, actor)
    return case
