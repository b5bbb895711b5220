from __future__ import annotations

import re
from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command

from sergur.accounts.models import User
from sergur.appeals.models import Appeal
from sergur.assessments.models import ClarificationResponse, Result
from sergur.cases.models import Case, CaseEvent
from sergur.certificates.models import Certificate
from sergur.common.signing import verify
from sergur.demo.data import SCHOOLS
from sergur.demo.loader import DEMO_PASSWORD
from sergur.demo.portfolios import Scenario, scenario_of
from sergur.demo.quality import OTHERS, PARTICIPANTS
from sergur.demo.specs import teacher_spec
from sergur.portfolios.models import Entry, EnvelopeInstrument, Evidence, Submission
from sergur.portfolios.selectors import portfolio_gaps, portfolio_read
from sergur.portfolios.services import submission_payload
from sergur.registry.models import (
    District,
    ProgrammeYear,
    Province,
    School,
    Subdistrict,
    Subject,
    Teacher,
    TeachingAssignment,
)

TEACHERS = 20
MODELS = (
    Province,
    District,
    Subdistrict,
    School,
    Subject,
    ProgrammeYear,
    User,
    Teacher,
    TeachingAssignment,
    Case,
    CaseEvent,
    Entry,
    Evidence,
    EnvelopeInstrument,
    Submission,
)


def run_demo(teachers: int = TEACHERS) -> str:
    out = StringIO()
    call_command("demo_setup", teachers=teachers, stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


@pytest.fixture
def demo_output(db) -> str:
    return run_demo()


def test_every_role_has_its_accounts(demo_output):
    roles = Counter(User.objects.values_list("role", flat=True))

    assert roles == {
        # The 2007 participants, and the teachers certified earlier whom quality
        # assurance follows (sergur/demo/quality.py).
        User.Role.TEACHER: TEACHERS + PARTICIPANTS + OTHERS,
        User.Role.PRINCIPAL: len(SCHOOLS),
        User.Role.SUPERVISOR: 2,
        User.Role.DISTRICT_COMMITTEE: 1,
        User.Role.DISTRICT_HEAD: 1,
        User.Role.QUALITY_OFFICE: 1,
        User.Role.ASSESSOR: 4,
        User.Role.RAYON_ADMIN: 1,
        User.Role.INSTRUCTOR: 1,
        User.Role.OPERATOR: 1,
        User.Role.MINISTRY: 1,
        User.Role.FINANCE: 1,
    }
    operator = User.objects.get(username="operator")
    assert operator.is_staff and operator.is_superuser
    assert User.objects.get(username="guru001").check_password(DEMO_PASSWORD)
    supervised = School.objects.filter(supervisors__isnull=False).distinct().count()
    assert supervised == School.objects.count() == len(SCHOOLS)
    assert all(user.school_id for user in User.objects.filter(role=User.Role.PRINCIPAL))


def test_every_case_state_and_envelope_stage_appears(db):
    # The second twenty teachers hold the portfolios taken through assessment.
    run_demo(teachers=2 * TEACHERS)
    states = set(Case.objects.values_list("state", flat=True))
    envelopes = list(EnvelopeInstrument.objects.all())

    # The demo's three PLPG targets follow the thirteen assessed teachers of these forty
    # (`make run`'s 200 hold them; test_the_demo_takes_mplpg_teachers_through_the_plpg).
    plpg = {Case.State.PLPG, Case.State.PLPG_PASSED, Case.State.PLPG_RETURNED}
    assert states == set(Case.State.values) - plpg
    assert Case.objects.count() == 2 * TEACHERS
    codes = set(Result.objects.filter(current=True).values_list("code", flat=True))
    assert codes == {"L", "MA", "MS", "MPLPG", "K", "D"}
    assert Appeal.objects.exists() and ClarificationResponse.objects.exists()
    assert any(not e.filled for e in envelopes)  # drafted
    assert any(
        e.filled and e.principal_confirmed_at and not e.supervisor_confirmed_at for e in envelopes
    )
    assert any(e.complete for e in envelopes)
    assert Entry.objects.filter(complete=False).exists()  # partly filled drafts
    assert Evidence.objects.filter(content_type="image/png").exists()
    assert Evidence.objects.filter(content_type="application/pdf").exists()
    # Every published L has its educator certificate and NRG (sergur/demo/certificates.py).
    passed = Result.objects.filter(current=True, code="L", published_at__isnull=False)
    certified = Certificate.objects.filter(case__in=passed.values("case"), nrg__isnull=False)
    assert passed.exists()
    assert certified.count() == passed.count()


def test_participant_numbers_follow_yy_pp_kk_bbb_d_nnnn(demo_output):
    numbers = list(Case.objects.values_list("participant_number", "teacher__subject__code"))

    assert len({number for number, _ in numbers}) == TEACHERS
    for number, subject in numbers:
        assert re.fullmatch(r"073402(\d{3})1(\d{4})", number)
        assert number[6:9] == subject


def test_submitted_portfolios_carry_valid_receipts(demo_output):
    submissions = list(Submission.objects.select_related("case"))

    assert submissions
    for submission in submissions:
        assert verify(submission.signature) == submission_payload(submission)
    submitted = Case.objects.filter(state__in=[Case.State.SUBMITTED, Case.State.RETURNED])
    assert submitted.count() == len(submissions)


def test_ready_drafts_have_no_blocking_gap_and_empty_drafts_nothing(demo_output):
    for index in range(TEACHERS):
        case = Case.objects.get(teacher__nuptk=teacher_spec(index).nuptk)
        scenario = scenario_of(index)
        if scenario == Scenario.READY:
            assert case.state == Case.State.DRAFT
            assert not [gap for gap in portfolio_gaps(portfolio_read(case=case)) if gap.blocking]
        if scenario == Scenario.EMPTY:
            assert not case.entries.exists()


def test_a_second_run_adds_nothing_and_the_output_lists_the_logins(demo_output):
    before = counts()

    again = run_demo()

    assert counts() == before
    for text in (demo_output, again):
        assert "http://127.0.0.1:8000/" in text
        assert DEMO_PASSWORD in text
        for username in (
            "operator",
            "dinas",
            "lpmp",
            "asesor1",
            "pengawas1",
            "kepsek01",
            "guru001",
        ):
            assert username in text
        assert "[submitted]" in text and "[draft]" in text and "[returned]" in text


def test_the_synthetic_teachers_are_plausible():
    specs = [teacher_spec(index) for index in range(200)]

    assert len({spec.nuptk for spec in specs}) == 200
    assert {spec.main_school.npsn for spec in specs} == {row.npsn for row in SCHOOLS}
    assert any(spec.second_school for spec in specs)
    assert any(spec.subject.is_counseling for spec in specs)
    for spec in specs:
        assert re.fullmatch(r"\d{16}", spec.nuptk)
        assert 18 <= spec.main_hours + spec.second_hours <= 30
        if spec.employment == "pns":
            assert re.fullmatch(r"\d{18}", spec.nip)
            assert spec.nip.startswith(spec.birth_date.strftime("%Y%m%d"))
            assert spec.rank
        else:
            assert spec.nip == "" and spec.rank == ""
    assert teacher_spec(7) == specs[7]  # the same index makes the same person


def test_the_district_head_endorses_the_demo_principal_and_the_register_is_qualified(
    demo_output,
):
    from sergur.assessments.models import Assessor
    from sergur.assessments.selectors.allocation_slots import register_gaps
    from sergur.cases.selectors import case_list_for_user, case_rights

    head = User.objects.get(username="kadinas")
    (case,) = case_list_for_user(user=head)
    assert case.teacher.additional_duty == 3
    assert case_rights(user=head, case=case).envelope_role == "principal"
    assert "kadinas" in demo_output
    entries = list(Assessor.objects.all())
    assert len(entries) == 4
    assert all(gaps == () for gaps in register_gaps(entries).values())
    assert all(len(school.nss) == 12 for school in School.objects.all())
