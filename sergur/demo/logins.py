"""The demo logins to print: every role of the district, and one teacher for every state a
portfolio can be in."""

from __future__ import annotations

from dataclasses import dataclass

from sergur.cases.models import Case
from sergur.demo.allowance import AllowanceDemo
from sergur.demo.people import People
from sergur.demo.portfolios import DESCRIPTIONS, Scenario, scenario_of
from sergur.demo.specs import TeacherSpec


@dataclass(frozen=True)
class Login:
    """One demo login to print: who it is and what they will find."""

    role: str
    username: str
    name: str
    note: str


def assessment_logins(people: People, cases: list[Case]) -> list[Login]:
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


def district_logins(people: People, specs: list[TeacherSpec]) -> list[Login]:
    """The district's staff, the principals of the schools shown and one teacher per scenario."""
    users = people.users
    logins = [
        Login("Operator", "operator", "Operator Demo", "superuser: /admin/"),
        Login("District committee", "dinas", str(users["dinas"]), "Kabupaten Bantul"),
        Login(
            "Head of the district education office",
            "kadinas",
            str(users["kadinas"]),
            "the principal's part of a principal-participant's envelope",
        ),
        Login("Quality office (LPMP)", "lpmp", str(users["lpmp"]), "Provinsi DI Yogyakarta"),
    ]
    logins.append(Login("Rayon admin", "rayon", str(users["rayon"]), str(people.rayon.institution)))
    logins.append(
        Login("Ministry (Ditjen GTK)", "kemdikbud", str(users["kemdikbud"]), "NRGs, /certificates/")
    )
    logins.append(
        Login(
            "Finance office", "keuangan", str(users["keuangan"]), "Allowance payments: SKTP, runs"
        )
    )
    for username in ("asesor1", "asesor2", "asesor3", "asesor4"):
        logins.append(Login("Assessor", username, str(users[username]), "My worklist"))
    logins.append(
        Login("PLPG instructor", "instruktur1", str(users["instruktur1"]), "My PLPG classes")
    )
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


def allowance_logins(allowance: AllowanceDemo | None) -> list[Login]:
    """The school operator and a teacher short of hours (docs/allowance.md)."""
    if allowance is None:
        return []
    operator, short = allowance.operator, allowance.short
    school = operator.school.name if operator.school is not None else ""
    logins = [Login("School operator", operator.username, str(operator), f"{school}: /allowance/")]
    if short.user is not None:
        logins.append(
            Login(
                "Teacher",
                short.user.username,
                short.name,
                f"short of hours in {allowance.semester}: /allowance/",
            )
        )
    return logins
