"""Helpers of the assessment tests: a case submitted with a complete portfolio and closed
envelope, moved to the rayon, allocated to assessors, with sheets filled and submitted through
the services."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from sergur.accounts.models import User
from sergur.assessments.models import Allocation, Sheet
from sergur.assessments.selectors import PLANS_REQUIRED
from sergur.assessments.services.rounds import sheet_submit
from sergur.cases.models import Case, CaseEvent
from sergur.cases.tests.support import state_set
from sergur.portfolios.selectors import teacher_role
from sergur.portfolios.services import envelope_confirm, envelope_save, portfolio_submit
from sergur.portfolios.tests.teacher_support import add_row, attach, fill_submittable
from sergur.rules.instruments import sheet_practice

QUALIFIED: dict[str, Any] = {
    "status": "lecturer",
    "educator_certificate": True,
    "degree_in_education": True,
    "experience_last_year": 2006,
}
"""A register entry meeting the FAQ's criteria for the 2007 programme year (rules/assessment/
qualification.py): a lecturer with an educator certificate, an S2 or S3 in education, who
trained teachers in 2006."""

OBSERVATION: list[int | None] = [4] * 24
SUPERIOR: list[int | None] = [4] * 10


def submit_complete(case: Case, cast: Any, *, now: dt.datetime | None = None) -> Case:
    """The teacher fills a submittable portfolio (a counsellor: four programmes and the 4.b
    records), principal and supervisor complete the envelope (of school one: Sri's case), the
    teacher submits."""
    at = now or timezone.now()
    teacher = case.teacher.user
    assert teacher is not None
    role = teacher_role(case)
    fill_submittable(case, teacher, plans=PLANS_REQUIRED[role])
    if role == "counselor":  # the 4.b service records the assessors score
        attach(add_row(case, teacher, "counselor_practice"), teacher)
    envelope_save(
        case=case,
        actor=cast.pak_kepala,
        author="principal",
        observation=OBSERVATION,
        superior=SUPERIOR,
        now=at,
    )
    envelope_confirm(case=case, actor=cast.pak_kepala, author="principal", now=at)
    envelope_confirm(case=case, actor=cast.pengawas, author="supervisor", now=at)
    portfolio_submit(case=case, actor=teacher, declaration=True, now=at)
    case.refresh_from_db()
    return case


def at_rayon(case: Case, *, state: str = Case.State.RECEIVED) -> Case:
    """Skip verification (its own tests cover it): the case as the rayon received it."""
    state_set(case=case, to_state=state, actor=None, kind=CaseEvent.Kind.RECEIVED)
    return case


def allocate(case: Case, *users: User, round: int = 1, first_slot: int = 1) -> list[Sheet]:
    """Allocate the given assessors to slots first_slot, first_slot+1... with empty sheets,
    and put the case in assessment."""
    sheets = []
    for offset, user in enumerate(users):
        allocation = Allocation.objects.create(
            case=case, assessor=user.assessor, round=round, slot=first_slot + offset
        )
        sheets.append(Sheet.objects.create(allocation=allocation))
    if case.state != Case.State.IN_ASSESSMENT and first_slot == 1:
        state_set(
            case=case, to_state=Case.State.IN_ASSESSMENT, actor=None, kind=CaseEvent.Kind.ALLOCATED
        )
    return sheets


def fill_plans(sheet: Sheet, item: int = 4) -> Sheet:
    """Score every item of every required lesson plan with `item`, and every item of a
    counsellor's 4b practice form (the assessor's, seed 003 Buku II pp. 33-35)."""
    role = teacher_role(sheet.allocation.case)
    sheet.plan_items = [[item] * 8 for _ in range(PLANS_REQUIRED[role])]
    form = sheet_practice(role)
    sheet.practice_items = [] if form is None else [item] * form.size
    sheet.save(update_fields=["plan_items", "practice_items"])
    return sheet


def submit_sheet(sheet: Sheet, *, item: int = 4, **changes: Any) -> Sheet:
    """Fill the plans, apply `changes` (overrides, findings) and submit as its assessor."""
    fill_plans(sheet, item)
    for field, value in changes.items():
        setattr(sheet, field, value)
    sheet.save()
    return sheet_submit(sheet=sheet, actor=sheet.allocation.assessor.user, now=timezone.now())
