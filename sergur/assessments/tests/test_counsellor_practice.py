"""A counsellor's 4b is scored by the assessors on their sheet (seed 003, Buku II pp. 33-35:
"Penilaian Pelaksanaan Program Pelayanan Bimbingan dan Konseling Oleh Penilai (Asesor)"):
the envelope asks the principal and the supervisor for component 5 only, both assessors score
the 24 items, two sheets far apart are reconciled like any other part, and the decision speaks
the counsellor's words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone

from sergur.accounts.models import User
from sergur.assessments.models import Assessor, Reconciliation, Result, Sheet
from sergur.assessments.selectors import sheet_document, sheet_outcome
from sergur.assessments.selectors.sheets import allocation_get_for_user
from sergur.assessments.services.decisions import reconciliation_correct, reconciliation_resolve
from sergur.assessments.services.rounds import NOT_YOURS, PRACTICE_INCOMPLETE, sheet_submit
from sergur.assessments.services.sheets import (
    PRACTICE_NOT_COUNSELLOR,
    PRACTICE_RANGE,
    PRACTICE_SIZE,
    sheet_save,
)
from sergur.assessments.tests.support import (
    QUALIFIED,
    allocate,
    at_rayon,
    fill_plans,
    submit_complete,
)
from sergur.cases.models import Case
from sergur.cases.services import case_open
from sergur.portfolios.selectors import portfolio_document, portfolio_gaps, portfolio_read
from sergur.portfolios.services import envelope_confirm, envelope_save, portfolio_submit
from sergur.portfolios.tests.teacher_support import add_row, attach, fill_submittable
from sergur.registry.tests.factories import (
    SubjectFactory,
    TeacherFactory,
    TeachingAssignmentFactory,
    UserFactory,
)
from sergur.rules.assessment import SheetReview
from sergur.rules.instruments import COUNSELOR_PRACTICE

PLANS = [[4] * 8 for _ in range(4)]


def counsellor_case(cast: Any, *, start: str = "1990-07-01") -> Case:
    """A guidance counsellor at Sri's school (so Sri's principal and supervisor fill the
    envelope), with a submittable portfolio, the 4.b service records and a confirmed envelope,
    submitted and received at the rayon. `start`: when their service began."""
    subject = SubjectFactory(code="850", name="Bimbingan dan Konseling", is_counseling=True)
    user = UserFactory(username="konselor", role="teacher")
    teacher = TeacherFactory(user=user, subject=subject)
    TeachingAssignmentFactory(teacher=teacher, school=cast.sri.teacher.assignments.get().school)
    case = case_open(teacher=teacher, programme_year=cast.sri_case.programme_year, actor=None)
    fill_submittable(case, user, plans=4)
    if start != "1990-07-01":
        period = portfolio_read(case=case).section_rows("teaching_period")[0].entry
        period.values = {**period.values, "start": start}
        period.save(update_fields=["values"])
    attach(add_row(case, user, "counselor_practice"), user)
    now = timezone.now()
    # The principal's practice scores are not the counsellor's 4b: they are not kept.
    envelope_save(
        case=case,
        actor=cast.pak_kepala,
        author="principal",
        observation=[5] * 24,
        superior=[4] * 10,
        now=now,
    )
    envelope_confirm(case=case, actor=cast.pak_kepala, author="principal", now=now)
    envelope_confirm(case=case, actor=cast.pengawas, author="supervisor", now=now)
    portfolio_submit(case=case, actor=user, declaration=True, now=now)
    case.refresh_from_db()
    return at_rayon(case)


def save(sheet: Sheet, actor: Any, practice: Sequence[int | None], **changes: Any) -> Sheet:
    arguments: dict[str, Any] = {
        "plan_items": PLANS,
        "overrides": {},
        "review": SheetReview(),
        "practice_items": practice,
    }
    arguments.update(changes)
    return sheet_save(sheet=sheet, actor=actor, **arguments)


def submit(sheet: Sheet, item: int) -> Sheet:
    save(sheet, sheet.allocation.assessor.user, [item] * 24)
    return sheet_submit(sheet=sheet, actor=sheet.allocation.assessor.user, now=timezone.now())


# -- the envelope and the document ---------------------------------------------------------------


def test_the_envelope_holds_component_5_only_and_4b_waits_for_the_assessors(cast: Any) -> None:
    case = counsellor_case(cast)
    portfolio = portfolio_read(case=case)
    envelope = portfolio.envelope
    assert envelope is not None and envelope.complete
    assert envelope.observation_items == []

    document = portfolio_document(portfolio, include_envelope=True)

    assert document["superior_assessment"] == {"items": [4] * 10}
    assert "teaching_observation" not in document
    assert [gap.message.code for gap in portfolio_gaps(portfolio)] == []


def test_a_counsellor_without_service_records_is_asked_for_them(cast: Any) -> None:
    case = counsellor_case(cast)
    portfolio_read(case=case).section_rows("counselor_practice")[0].entry.delete()

    gaps = portfolio_gaps(portfolio_read(case=case))

    assert [gap.message.code for gap in gaps] == ["gap.counselor_practice"]


# -- the assessors score 4b ----------------------------------------------------------------------


def test_the_assessor_scores_the_24_items_and_they_become_4b(cast: Any) -> None:
    case = counsellor_case(cast)
    first, _second = allocate(case, cast.asesor, cast.asesor2)
    items = [5] * 12 + [4] * 12

    saved = save(first, cast.asesor, items)

    assert saved.practice_items == items
    portfolio = portfolio_read(case=case)
    assert sheet_document(portfolio, saved)["teaching_observation"] == {"items": items}
    result, outcome = sheet_outcome(portfolio, saved)
    assert outcome.parts["teaching_observation"] == 108
    line = next(t for t in result.trace if t.component == "teaching_observation")
    assert line.rule.text("id").startswith("Penilaian pelaksanaan program pelayanan BK oleh asesor")


def test_a_half_scored_form_is_a_draft_and_cannot_be_submitted(cast: Any) -> None:
    case = counsellor_case(cast)
    first, _second = allocate(case, cast.asesor, cast.asesor2)
    draft = save(first, cast.asesor, [4] * 10 + [None] * 14)

    _, outcome = sheet_outcome(portfolio_read(case=case), draft)
    assert outcome.parts["teaching_observation"] == 0
    with pytest.raises(ValidationError) as refused:
        sheet_submit(sheet=draft, actor=cast.asesor, now=timezone.now())
    assert refused.value.messages == [str(PRACTICE_INCOMPLETE)]


def test_bad_practice_scores_are_refused_naming_the_item(cast: Any) -> None:
    case = counsellor_case(cast)
    first, _second = allocate(case, cast.asesor, cast.asesor2)
    save(first, cast.asesor, [3] * 24)

    with pytest.raises(ValidationError) as wrong_size:
        save(first, cast.asesor, [3] * 23)
    with pytest.raises(ValidationError) as out_of_range:
        save(first, cast.asesor, [3] * 6 + [6] + [3] * 17)

    assert wrong_size.value.messages == [str(PRACTICE_SIZE % {"size": 24, "given": 23})]
    number = COUNSELOR_PRACTICE.items[6].number
    assert out_of_range.value.messages == [str(PRACTICE_RANGE % {"item": number})]
    first.refresh_from_db()
    assert first.practice_items == [3] * 24  # nothing saved is lost


def test_a_subject_teachers_sheet_has_no_practice_form(cast: Any) -> None:
    case = at_rayon(submit_complete(cast.sri_case, cast))
    first, _second = allocate(case, cast.asesor, cast.asesor2)

    with pytest.raises(ValidationError) as refused:
        sheet_save(
            sheet=first,
            actor=cast.asesor,
            plan_items=[[4] * 8] * 5,
            overrides={},
            review=SheetReview(),
            practice_items=[4] * 24,
        )

    assert refused.value.messages == [str(PRACTICE_NOT_COUNSELLOR)]


# -- who may score it ----------------------------------------------------------------------------


def test_the_principal_cannot_score_a_counsellors_4b(cast: Any) -> None:
    case = counsellor_case(cast)
    first, _second = allocate(case, cast.asesor, cast.asesor2)

    with pytest.raises(ValidationError) as refused:
        save(first, cast.pak_kepala, [5] * 24)

    assert refused.value.messages == [str(NOT_YOURS)]
    with pytest.raises(Http404):
        allocation_get_for_user(user=cast.pak_kepala, pk=first.allocation_id)


def test_an_assessor_not_allocated_to_the_case_cannot_score_it(cast: Any) -> None:
    case = counsellor_case(cast)
    first, _second = allocate(case, cast.asesor, cast.asesor2)

    with pytest.raises(ValidationError) as refused:
        save(first, cast.asesor3, [5] * 24)

    assert refused.value.messages == [str(NOT_YOURS)]
    with pytest.raises(Http404):
        allocation_get_for_user(user=cast.asesor3, pk=first.allocation_id)


def test_another_rayons_assessor_cannot_score_it(cast: Any) -> None:
    case = counsellor_case(cast)
    first, _second = allocate(case, cast.asesor, cast.asesor2)
    other_rayon = cast.rayon_other.rayon
    stranger = UserFactory(username="asesor-lain", role=User.Role.ASSESSOR, rayon=other_rayon)
    Assessor.objects.create(
        user=stranger,
        rayon=other_rayon,
        number="A-lain",
        degree=Assessor.Degree.S2,
        institution="Universitas Lain",
        **QUALIFIED,
    )

    with pytest.raises(ValidationError) as refused:
        save(first, stranger, [5] * 24)

    assert refused.value.messages == [str(NOT_YOURS)]
    with pytest.raises(Http404):
        allocation_get_for_user(user=stranger, pk=first.allocation_id)


def test_another_rayons_admin_cannot_open_the_sheet(cast: Any) -> None:
    case = counsellor_case(cast)
    first, _second = allocate(case, cast.asesor, cast.asesor2)

    with pytest.raises(Http404):
        allocation_get_for_user(user=cast.rayon_other, pk=first.allocation_id)


# -- agreement, reconciliation and the decision ------------------------------------------------


def test_two_close_sheets_give_the_mean_of_their_4b(cast: Any) -> None:
    case = counsellor_case(cast)
    first, second = allocate(case, cast.asesor, cast.asesor2)
    fill_plans(first)
    fill_plans(second)

    submit(first, 4)  # 96
    submit(second, 5)  # 120

    result = Result.objects.get(case=case, current=True)
    assert result.source == Result.Source.MEAN
    assert result.parts["teaching_observation"] == "108"


def test_two_sheets_far_apart_on_4b_are_reconciled_like_any_part(cast: Any) -> None:
    case = counsellor_case(cast)
    first, second = allocate(case, cast.asesor, cast.asesor2)

    submit(first, 1)  # 24, and the plans at 1
    submit(second, 5)  # 120, and the plans at 5

    reconciliation = Reconciliation.objects.get(case=case, round=1)
    assert reconciliation.parts["teaching_observation"] == "72"
    reconciliation_correct(
        reconciliation=reconciliation,
        part="teaching_observation",
        after=100,
        reason="Laporan bulanan dan konferensi kasus lengkap",
        actor=cast.rayon_admin,
    )
    result = reconciliation_resolve(
        reconciliation=reconciliation, actor=cast.rayon_admin, now=timezone.now()
    )

    assert result.source == Result.Source.JOINT
    assert result.parts["teaching_observation"] == "100"


def test_the_decision_names_an_empty_part_in_the_counsellors_words(cast: Any) -> None:
    # Under two years of service: component 3 scores 0 and group A fails by name.
    until = cast.sri_case.programme_year.service_until
    case = counsellor_case(cast, start=(until - dt.timedelta(days=200)).isoformat())
    first, second = allocate(case, cast.asesor, cast.asesor2)

    submit(first, 4)
    submit(second, 4)

    result = Result.objects.get(case=case, current=True)
    assert result.parts["teaching_experience"] == "0"
    assert any("Lama memberikan pelayanan BK" in reason for reason in result.reasons["id"])
    assert any(
        "Years of guidance and counselling service" in reason for reason in result.reasons["en"]
    )
    assert not any("Pengalaman mengajar" in reason for reason in result.reasons["id"])
