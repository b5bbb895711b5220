"""Load the demo district: the registry and people, then one case and portfolio per teacher,
then the assessment of the submitted ones; `manage.py demo_setup` calls `load_demo`.

Idempotent: every row is found by its natural key (codes, NPSN, NUPTK, user name) and a
teacher's portfolio is built only when the teacher's case is opened, so a second run adds
nothing. All of it is synthetic (see `data.py`).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from sergur.cases.models import Case
from sergur.cases.services import case_open
from sergur.demo.allowance import load_allowance
from sergur.demo.appraisal import load_appraisals
from sergur.demo.assessment import load_assessment
from sergur.demo.certificates import load_certificates
from sergur.demo.development import load_development
from sergur.demo.logins import Login, allowance_logins, assessment_logins, district_logins
from sergur.demo.payments import load_payments
from sergur.demo.people import People, load_people, load_registry
from sergur.demo.plpg import load_plpg
from sergur.demo.portfolios import Scenario, build_portfolio, scenario_of
from sergur.demo.quality import load_quality, quality_logins
from sergur.demo.specs import TeacherSpec, teacher_spec
from sergur.demo.twofactor import install_demo_authenticators
from sergur.rules.selection.numbers import participant_number
from sergur.selection.models import SelectionRun
from sergur.selection.services import selection_run

DEMO_PASSWORD = "sergur-demo"  # nosec B105 # a published demo login, never for production
DEMO_URL = "http://127.0.0.1:8000/"

__all__ = ["DEMO_PASSWORD", "DEMO_URL", "DemoReport", "Login", "load_demo"]


@dataclass(frozen=True)
class DemoReport:
    """What the demo holds after loading, and the logins to try."""

    created_cases: int
    created_teachers: int
    cases_by_state: dict[str, int]
    logins: list[Login]


@transaction.atomic
def load_demo(
    *, teachers: int = 200, password: str = DEMO_PASSWORD, now: dt.datetime | None = None
) -> DemoReport:
    """Load (or complete) the demo district with `teachers` teachers and return its logins."""
    now = now or timezone.now()
    people = load_registry(now=now)
    specs = [teacher_spec(index) for index in range(teachers)]
    load_people(people=people, specs=specs, password=password)
    install_demo_authenticators(people.users)
    opened = set(
        Case.objects.filter(
            programme_year=people.year, teacher__nuptk__in=people.teachers
        ).values_list("teacher__nuptk", flat=True)
    )
    by_nuptk = _select(people, specs)
    created = 0
    for spec in specs:
        if spec.nuptk in opened:
            continue
        case = by_nuptk.get(spec.nuptk) or case_open(
            teacher=people.teachers[spec.nuptk],
            programme_year=people.year,
            actor=people.users["dinas"],
            participant_number=_next_number(people, spec),
        )
        build_portfolio(
            case=case, spec=spec, people=people, scenario=scenario_of(spec.index), now=now
        )
        created += 1
    assessed_specs = [spec for spec in specs if scenario_of(spec.index) == Scenario.ASSESSED]
    assessed = list(
        Case.objects.filter(
            programme_year=people.year,
            teacher__nuptk__in=[spec.nuptk for spec in assessed_specs],
        )
        .select_related("teacher", "teacher__subject", "teacher__user", "programme_year")
        .order_by("teacher__nuptk")
    )
    load_assessment(people=people, cases=assessed, now=now)
    load_plpg(people=people, now=now)
    load_certificates(people=people, now=now)
    load_appraisals(people=people, now=now)
    load_development(people=people, now=now)
    allowance = load_allowance(people=people, now=now)
    load_payments(people=people, now=now)
    load_quality(people=people, password=password, now=now)
    return DemoReport(
        created_cases=created,
        created_teachers=people.created_teachers,
        cases_by_state=_states(people),
        logins=district_logins(people, specs)
        + assessment_logins(people, assessed)
        + allowance_logins(allowance)
        + quality_logins(people),
    )


def _select(people: People, specs: list[TeacherSpec]) -> dict[str, Case]:
    """The district's selection run of the year, as its officer would make it (once): every
    demo teacher is eligible, the quota takes them all, and the run opens their cases with
    the participant numbers in rank order, so the selection pages, the public lookup and the
    cases agree. The cases it opened, by NUPTK."""
    if not SelectionRun.objects.filter(
        programme_year=people.year, district=people.district
    ).exists():
        selection_run(
            programme_year=people.year,
            district=people.district,
            quota=len(specs),
            actor=people.users["dinas"],
        )
    cases = Case.objects.filter(
        programme_year=people.year, teacher__nuptk__in=[spec.nuptk for spec in specs]
    ).select_related("teacher")
    return {case.teacher.nuptk: case for case in cases}


def _next_number(people: People, spec: TeacherSpec) -> str:
    """A number after the district's highest, for a teacher added to a demo loaded before
    (`--teachers` larger than the first time): YY PP KK BBB D NNNN, ministry 1."""
    numbers = Case.objects.filter(
        programme_year=people.year, participant_number__startswith=f"{people.year.year % 100:02d}"
    ).values_list("participant_number", flat=True)
    serial = max((int(number[-4:]) for number in numbers if number), default=0) + 1
    return participant_number(
        year=people.year.year,
        province_code=people.province.code,
        district_code=people.district.code,
        subject_code=spec.subject.code,
        ministry=1,
        serial=serial,
    )


def _states(people: People) -> dict[str, int]:
    rows = Case.objects.filter(programme_year=people.year).values_list("state", flat=True)
    return dict(Counter(rows))
