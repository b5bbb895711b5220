"""The demo's allowance: the certified teachers' loads for the first semester they can be
paid, some eligible, two short of hours in a small school (seed 002), one of them with the
minister's approval; a second run adds nothing."""

from __future__ import annotations

from typing import Any

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from sergur.accounts.models import User
from sergur.allowance.models import MinisterApproval, SemesterEligibility, TeachingLoad
from sergur.allowance.tests.support import NOW, certified
from sergur.demo.allowance import load_allowance
from sergur.demo.logins import allowance_logins
from sergur.demo.people import People

pytestmark = pytest.mark.django_db


def test_the_demo_shows_eligible_and_short_teachers_and_an_approval(cast: Any) -> None:
    teachers = [certified(cast) for _ in range(5)]
    people = People(
        province=cast.dinas.district.province,
        district=cast.dinas.district,
        rayon=cast.rayon_admin.rayon,
        year=cast.sri_case.programme_year,
        schools={},
        subjects={},
        users={"operator": cast.operator, "dinas": cast.dinas},
    )

    demo = load_allowance(people=people, now=NOW)

    assert demo is not None and demo.semester == "2009-1"
    verdicts = {
        row.teacher_id: row.eligible
        for row in SemesterEligibility.objects.filter(semester="2009-1")
    }
    first, approved, *others = sorted(teachers, key=lambda t: t.nuptk)
    assert verdicts[first.pk] is False
    assert verdicts[approved.pk] is True
    assert MinisterApproval.objects.get().teacher == approved
    assert sorted(verdicts[t.pk] for t in others) == [False, True, True]
    assert demo.operator.role == User.Role.SCHOOL_OPERATOR and demo.operator.school is not None
    # The school operator signs in with the printed demo code like every other officer.
    assert TOTPDevice.objects.filter(user=demo.operator, confirmed=True).count() == 1
    assert first.user is not None
    assert [login.username for login in allowance_logins(demo)] == [
        "opsekolah",
        first.user.username,
    ]
    lines = TeachingLoad.objects.count()

    assert load_allowance(people=people, now=NOW) is not None
    assert TeachingLoad.objects.count() == lines
    assert allowance_logins(None) == []
