"""The demo district: Kabupaten Bantul (DI Yogyakarta) with its schools, teachers, the
people around them, and portfolios in every state. `manage.py demo_setup` loads it.

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
from sergur.registry.demo.assessment import load_assessment
from sergur.registry.demo.people import People, load_people, load_registry
from sergur.registry.demo.portfolios import DESCRIPTIONS, Scenario, build_portfolio, scenario_of
from sergur.registry.demo.specs import TeacherSpec, teacher_spec

DEMO_PASSWORD = "sergur-demo"  # noqa: S105 - a published demo login, never used in production
DEMO_URL = "http://127.0.0.1:8000/"

__all__ = ["DEMO_PASSWORD", "DEMO_URL", "DemoReport", "Login", "load_demo", "participant_number"]


@dataclass(frozen=True)
class Login:
    """One demo login to print: who it is and what they will find."""

    role: str
    username: str
    name: str
    note: str


@dataclass(frozen=True)
class DemoReport:
    """What the demo holds after loading, and the logins to try."""

    created_cases: int
    created_teachers: int
    cases_by_state: dict[str, int]
    logins: list[Login]


def participant_number(spec: TeacherSpec, people: People) -> str:
    """YY PP KK BBB D NNNN (facts.md §4.5): 2007, the province, the district, the subject,
    1 for the education ministry, and the order in the district's list."""
    return (
        f"{people.year.year % 100:02d}{people.province.code}{people.district.code}"
        f"{spec.subject.code}1{spec.serial:04d}"
    )


@transaction.atomic
def load_demo(
    *, teachers: int = 200, password: str = DEMO_PASSWORD, now: dt.datetime | None = None
) -> DemoReport:
    """Load (or complete) the demo district with `teachers` teachers and return its logins."""
    now = now or timezone.now()
    people = load_registry(now=now)
    specs = [teacher_spec(index) for index in range(teachers)]
    load_people(people=people, specs=specs, password=password)
    opened = set(
        Case.objects.filter(
            programme_year=people.year, teacher__nuptk__in=people.teachers
        ).values_list("teacher__nuptk", flat=True)
    )
    created = 0
    for spec in specs:
        if spec.nuptk in opened:
            continue
        case = case_open(
            teacher=people.teachers[spec.nuptk],
            programme_year=people.year,
            actor=people.users["dinas"],
            participant_number=participant_number(spec, people),
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
    return DemoReport(
        created_cases=created,
        created_teachers=people.created_teachers,
        cases_by_state=_states(people),
        logins=_logins(people, specs) + _assessment_logins(people, assessed),
    )


def _assessment_logins(people: People, cases: list[Case]) -> list[Login]:
    """One teacher for every stage after submission (verification to appeal)."""
    logins: list[Login] = []
    seen: set[str] = set()
    for case in (
        Case.objects.filter(pk__in=[c.pk for c in cases])
        .select_related("teacher", "teacher__user")
        .order_by("teacher__nuptk")
    ):
        result = case.results.filter(current=True).only("code", "published_at").first()
        key = f"{case.state}/{result.code if result and result.published_at else ''}"
        if key in seen or case.teacher.user is None:
            continue
        seen.add(key)
        note = f"[{case.state}]" + (f" {result.code}" if result and result.published_at else "")
        logins.append(Login("Teacher", case.teacher.user.username, case.teacher.name, note))
    return logins


def _states(people: People) -> dict[str, int]:
    rows = Case.objects.filter(programme_year=people.year).values_list("state", flat=True)
    return dict(Counter(rows))


def _logins(people: People, specs: list[TeacherSpec]) -> list[Login]:
    users = people.users
    logins = [
        Login("Operator", "operator", "Operator Demo", "superuser: /admin/"),
        Login("District committee", "dinas", str(users["dinas"]), "Kabupaten Bantul"),
        Login("Quality office (LPMP)", "lpmp", str(users["lpmp"]), "Provinsi DI Yogyakarta"),
    ]
    logins.append(Login("Rayon admin", "rayon", str(users["rayon"]), str(people.rayon.institution)))
    for username in ("asesor1", "asesor2", "asesor3", "asesor4"):
        logins.append(Login("Assessor", username, str(users[username]), "My worklist"))
    for username in ("pengawas1", "pengawas2"):
        covered = "SD and SLB schools" if username == "pengawas1" else "SMP, SMA and SMK schools"
        logins.append(Login("Supervisor", username, str(users[username]), covered))
    shown: dict[Scenario, TeacherSpec] = {}
    for spec in specs:
        shown.setdefault(scenario_of(spec.index), spec)
    picked = [shown[scenario] for scenario in Scenario if scenario in shown]
    schools: list[str] = []
    for spec in picked:
        if spec.main_school.npsn not in schools:
            schools.append(spec.main_school.npsn)
    for npsn in schools:
        principal = people.principals[npsn]
        school = people.schools[npsn]
        logins.append(Login("Principal", principal.username, str(principal), school.name))
    if len(people.principals) > len(schools):
        logins.append(Login("Principal", "kepsek01 … kepsek16", "", "one principal per school"))
    states = dict(
        Case.objects.filter(
            programme_year=people.year, teacher__user__username__in=[s.username for s in picked]
        ).values_list("teacher__user__username", "state")
    )
    for spec in picked:
        scenario = scenario_of(spec.index)
        note = (
            f"[{states.get(spec.username, '')}] {DESCRIPTIONS[scenario]} ({spec.main_school.name})"
        )
        logins.append(Login("Teacher", spec.username, spec.name, note))
    return logins
