"""A counsellor's 4.b service records carry two endorsements: "diketahui oleh koordinator
bimbingan dan konseling dan atasan" (seed 003, Buku II, 4.b counsellor variant). Verification
never lets a record without both meet the requirements."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from sergur.cases.models import Case
from sergur.cases.services import case_open
from sergur.conftest import Cast
from sergur.portfolios.models import Entry
from sergur.portfolios.services import envelope_confirm, envelope_save, portfolio_submit
from sergur.portfolios.tests.teacher_support import add_row, attach, fill_submittable
from sergur.registry.tests.factories import (
    SubjectFactory,
    TeacherFactory,
    TeachingAssignmentFactory,
    UserFactory,
)
from sergur.verification.models import Stage, Verdict
from sergur.verification.selectors import case_verification
from sergur.verification.services import NOT_ACKNOWLEDGED, verdict_record, verdicts_meet_remaining

pytestmark = pytest.mark.django_db

RECORD = "4.b.1)"


def counsellor_submitted(cast: Cast, *, principal_acknowledged: str) -> Case:
    subject = SubjectFactory(code="850", name="Bimbingan dan Konseling", is_counseling=True)
    user = UserFactory(username="konselor", role="teacher")
    teacher = TeacherFactory(user=user, subject=subject)
    TeachingAssignmentFactory(teacher=teacher, school=cast.sri.teacher.assignments.get().school)
    case = case_open(teacher=teacher, programme_year=cast.sri_case.programme_year, actor=None)
    fill_submittable(case, user, plans=4)
    record = add_row(
        case, user, "counselor_practice", principal_acknowledged=principal_acknowledged
    )
    attach(record, user)
    now = timezone.now()
    envelope_save(
        case=case,
        actor=cast.pak_kepala,
        author="principal",
        observation=[],
        superior=[4] * 10,
        now=now,
    )
    envelope_confirm(case=case, actor=cast.pak_kepala, author="principal", now=now)
    envelope_confirm(case=case, actor=cast.pengawas, author="supervisor", now=now)
    portfolio_submit(case=case, actor=user, declaration=True, now=now)
    case.refresh_from_db()
    return case


def record_file(case: Case) -> int:
    view = case_verification(case=case, stage=Stage.DISTRICT)
    return next(doc.file.pk for doc in view.documents if doc.row.code == RECORD)


def test_a_record_without_the_principals_endorsement_is_kept_but_not_complete(cast: Cast) -> None:
    case = counsellor_submitted(cast, principal_acknowledged="no")
    entry = Entry.objects.get(case=case, section="counselor_practice")
    assert not entry.complete
    doc = next(
        d
        for d in case_verification(case=case, stage=Stage.DISTRICT).documents
        if d.row.code == RECORD
    )
    assert doc.unacknowledged


def test_an_unendorsed_record_cannot_meet_the_requirements(cast: Cast) -> None:
    case = counsellor_submitted(cast, principal_acknowledged="no")
    evidence = record_file(case)

    with pytest.raises(ValidationError) as refused:
        verdict_record(
            case=case,
            evidence_id=evidence,
            verdict=Verdict.MP,
            reason="",
            actor=cast.dinas,
            now=timezone.now(),
        )
    assert refused.value.messages == [str(NOT_ACKNOWLEDGED % {"code": RECORD})]

    # MP for the rest leaves the record to the office, which gives it K with a reason.
    rows = verdicts_meet_remaining(case=case, actor=cast.dinas, now=timezone.now())
    assert RECORD not in [row.code for row in rows]
    verdict = verdict_record(
        case=case,
        evidence_id=evidence,
        verdict=Verdict.K,
        reason="Belum diketahui kepala sekolah",
        actor=cast.dinas,
        now=timezone.now(),
    )
    assert verdict.verdict == Verdict.K


def test_an_endorsed_record_meets_the_requirements(cast: Cast) -> None:
    case = counsellor_submitted(cast, principal_acknowledged="yes")

    verdict = verdict_record(
        case=case,
        evidence_id=record_file(case),
        verdict=Verdict.MP,
        reason="",
        actor=cast.dinas,
        now=timezone.now(),
    )

    assert verdict.verdict == Verdict.MP and verdict.section == "counselor_practice"


def test_another_districts_committee_cannot_judge_the_record(cast: Cast) -> None:
    case = counsellor_submitted(cast, principal_acknowledged="yes")

    with pytest.raises(ValidationError):
        verdict_record(
            case=case,
            evidence_id=record_file(case),
            verdict=Verdict.MP,
            reason="",
            actor=cast.dinas_other,
            now=timezone.now(),
        )
