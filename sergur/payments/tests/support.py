"""Test helpers of the payments: a finance officer, eligibility rows as the allowance app
writes them, pay profiles, and an issued SKTP with a paid quarter."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sergur.accounts.models import User
from sergur.allowance.models import SemesterEligibility
from sergur.payments.models import PaymentRun, PayProfile, Sktp
from sergur.payments.services import pay_profile_set, run_execute, run_start, sktp_run, sktp_start
from sergur.registry.models import District, Teacher
from sergur.registry.selectors import teacher_district_ids
from sergur.registry.tests.factories import UserFactory
from sergur.rules.allowance.payment import Quarter

NOW = dt.datetime(2019, 3, 5, 2, tzinfo=dt.UTC)
SEMESTER = "2019-1"
Q1 = Quarter(2019, 1)


def finance(district: District, username: str = "keuangan") -> User:
    """A finance officer of the district."""
    return UserFactory(username=username, role=User.Role.FINANCE, district=district)


def district_of(teacher: Teacher) -> District:
    """The district of the teacher's main school."""
    return District.objects.get(pk=teacher_district_ids(teacher_ids=[teacher.pk])[teacher.pk])


def eligible(
    teacher: Teacher, semester: str = SEMESTER, *, ok: bool = True, funding: str = "dau"
) -> SemesterEligibility:
    """The allowance app's computed eligibility of the teacher (written as that app does)."""
    return SemesterEligibility.objects.create(
        teacher=teacher,
        semester=semester,
        district=district_of(teacher),
        eligible=ok,
        hours=Decimal(24),
        reasons=[],
        funding=funding,
        computed_at=NOW,
    )


def profile(teacher: Teacher, actor: User, **values: object) -> PayProfile:
    """A PNS III/a profile with 10 years in rank on 1 January 2019, paid from 2019."""
    fields: dict[str, object] = {
        "employment": PayProfile.Kind.PNS,
        "golongan": "III/a",
        "mkg": 10,
        "mkg_counted_on": dt.date(2019, 1, 1),
        "paid_from": dt.date(2019, 1, 1),
        "bank_name": "BPD DIY",
        "bank_account": "0011223344",
        **values,
    }
    return pay_profile_set(actor=actor, teacher=teacher, now=NOW, **fields)


def issued(actor: User, district: District, semester: str = SEMESTER) -> Sktp:
    """The district's SKTP for the semester, issued to the end."""
    return sktp_run(
        sktp=sktp_start(actor=actor, district=district, semester=semester, now=NOW), now=NOW
    )


def paid(actor: User, district: District, quarter: Quarter = Q1) -> PaymentRun:
    """A payment run of the quarter, run to the end."""
    return run_execute(
        run=run_start(actor=actor, district=district, quarter=quarter, now=NOW), now=NOW
    )
