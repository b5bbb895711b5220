"""The demo district's registry and people: regions, schools, subjects, the 2007 programme
year, teachers with their teaching assignments, and one account per role.

Rows that need no service are written in bulk, each checked with `full_clean()` first. Rows are
found by their natural keys (codes, NPSN, NUPTK, user name), so a second run adds nothing.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.db import models

from sergur.accounts.models import User
from sergur.cases.selectors import PRINCIPAL_DUTY
from sergur.demo import data
from sergur.demo.specs import SEED, SERVICE_UNTIL, TeacherSpec
from sergur.registry.models import (
    District,
    ProgrammeYear,
    Province,
    Rayon,
    School,
    Subdistrict,
    Subject,
    Teacher,
    TeachingAssignment,
)


@dataclass
class People:
    """The demo's rows, looked up by their natural keys."""

    province: Province
    district: District
    rayon: Rayon
    year: ProgrammeYear
    schools: dict[str, School]
    subjects: dict[str, Subject]
    users: dict[str, User]
    principals: dict[str, User] = field(default_factory=dict)  # by NPSN
    supervisors: dict[str, User] = field(default_factory=dict)  # by NPSN
    teachers: dict[str, Teacher] = field(default_factory=dict)  # by NUPTK
    created_teachers: int = 0


def _person(key: str) -> tuple[str, str, str]:
    rng = random.Random(f"{SEED}-staff-{key}")  # nosec B311 # seeded synthetic demo data, no secret
    gender = rng.choice("LP")
    given = rng.choice(data.FEMALE_GIVEN if gender == "P" else data.MALE_GIVEN)
    family = rng.choice(data.FEMALE_FAMILY if gender == "P" else data.MALE_FAMILY)
    return given, family, gender


def _ensure[M: models.Model](
    model: type[M], lookup: dict[str, object], values: dict[str, object]
) -> M:
    """Create the row or bring it to these values, checked."""
    found: M | None = model._default_manager.filter(**lookup).first()
    row = found if found is not None else model(**lookup)
    for key, value in values.items():
        setattr(row, key, value)
    row.full_clean()
    row.save()
    return row


def load_registry(*, now: dt.datetime) -> People:
    """Regions, schools, subjects and the 2007 programme year (created or refreshed)."""
    province = _ensure(Province, {"code": data.PROVINCE[0]}, {"name": data.PROVINCE[1]})
    district = _ensure(
        District,
        {"province": province, "code": data.DISTRICT[0]},
        {"name": data.DISTRICT[1], "kind": District.Kind.REGENCY},
    )
    subdistricts = {
        code: _ensure(Subdistrict, {"district": district, "code": code}, {"name": name})
        for code, name in data.SUBDISTRICTS
    }
    schools = {
        row.npsn: _ensure(
            School,
            {"npsn": row.npsn},
            {
                "name": row.name,
                "level": row.level,
                "status": row.status,
                "subdistrict": subdistricts[row.subdistrict],
                "address": f"{row.address}, {subdistricts[row.subdistrict].name}, Bantul",
                "nss": data.nss(row),
                "latitude": Decimal(data.COORDINATES[row.npsn][0]),
                "longitude": Decimal(data.COORDINATES[row.npsn][1]),
            },
        )
        for row in data.SCHOOLS
    }
    subjects = {
        row.code: _ensure(
            Subject, {"code": row.code}, {"name": row.name, "is_counseling": row.is_counseling}
        )
        for row in data.SUBJECTS
    }
    # A demo rayon: the university that will assess the district's portfolios.
    rayon = _ensure(Rayon, {"code": data.RAYON[0]}, {"institution": data.RAYON[1]})
    rayon.provinces.add(province)
    year = ProgrammeYear.objects.filter(year=2007).first() or ProgrammeYear(year=2007)
    # Deadlines around today, so that the demo is always in the middle of the filling period.
    year.portfolio_opens = (now - dt.timedelta(days=60)).date()
    year.portfolio_deadline = now + dt.timedelta(days=30)
    year.envelope_deadline = now + dt.timedelta(days=40)
    year.service_until = SERVICE_UNTIL
    year.is_current = not ProgrammeYear.objects.filter(is_current=True).exclude(year=2007).exists()
    year.full_clean()
    year.save()
    return People(
        province=province,
        district=district,
        rayon=rayon,
        year=year,
        schools=schools,
        subjects=subjects,
        users={},
    )


def _staff_accounts(people: People) -> list[User]:
    """The operator, the district, the LPMP, the assessors, the PLPG instructor, the
    supervisors, the principals."""
    accounts = [
        User(
            username="operator",
            role=User.Role.OPERATOR,
            first_name="Operator",
            last_name="Demo",
            is_staff=True,
            is_superuser=True,
        ),
    ]
    specs: list[tuple[str, str, dict[str, object]]] = [
        ("dinas", User.Role.DISTRICT_COMMITTEE, {"district": people.district}),
        ("kadinas", User.Role.DISTRICT_HEAD, {"district": people.district}),
        ("lpmp", User.Role.QUALITY_OFFICE, {"province": people.province}),
        ("rayon", User.Role.RAYON_ADMIN, {"rayon": people.rayon}),
        ("asesor1", User.Role.ASSESSOR, {"rayon": people.rayon}),
        ("asesor2", User.Role.ASSESSOR, {"rayon": people.rayon}),
        ("asesor3", User.Role.ASSESSOR, {"rayon": people.rayon}),
        ("asesor4", User.Role.ASSESSOR, {"rayon": people.rayon}),
        ("instruktur1", User.Role.INSTRUCTOR, {"rayon": people.rayon}),
        ("pengawas1", User.Role.SUPERVISOR, {}),
        ("pengawas2", User.Role.SUPERVISOR, {}),
        ("kemdikbud", User.Role.MINISTRY, {}),
        ("keuangan", User.Role.FINANCE, {"district": people.district}),
    ]
    for number, row in enumerate(data.SCHOOLS, start=1):
        specs.append(
            (f"kepsek{number:02d}", User.Role.PRINCIPAL, {"school": people.schools[row.npsn]})
        )
    for username, role, org in specs:
        given, family, _gender = _person(username)
        accounts.append(
            User(username=username, role=role, first_name=given, last_name=family, **org)
        )
    return accounts


def _teacher_account(spec: TeacherSpec) -> User:
    return User(
        username=spec.username, role=User.Role.TEACHER, first_name=spec.given, last_name=spec.family
    )


ACCOUNT_FIELDS = [
    "role",
    "first_name",
    "last_name",
    "is_staff",
    "is_superuser",
    "is_active",
    "password",
    "school",
    "district",
    "province",
    "rayon",
]


def load_people(*, people: People, specs: list[TeacherSpec], password: str) -> People:
    """Every account and teacher; existing ones are refreshed, missing ones made in bulk."""
    # One hash for every demo account: a published demo password, hashed once per run.
    hashed = make_password(password)
    wanted = [*_staff_accounts(people), *(_teacher_account(spec) for spec in specs)]
    existing = {
        u.username: u for u in User.objects.filter(username__in=[u.username for u in wanted])
    }
    fresh: list[User] = []
    for account in wanted:
        account.password = hashed
        account.is_active = True
        current = existing.get(account.username)
        if current is None:
            account.full_clean()
            fresh.append(account)
            continue
        for name in ACCOUNT_FIELDS:
            setattr(current, name, getattr(account, name))
        current.full_clean()
    User.objects.bulk_create(fresh)
    User.objects.bulk_update(list(existing.values()), ACCOUNT_FIELDS)
    people.users = {
        u.username: u for u in User.objects.filter(username__in=[u.username for u in wanted])
    }
    for number, row in enumerate(data.SCHOOLS, start=1):
        people.principals[row.npsn] = people.users[f"kepsek{number:02d}"]
        supervisor = "pengawas1" if row.level in ("SD", "SLB") else "pengawas2"
        people.supervisors[row.npsn] = people.users[supervisor]
    for username in ("pengawas1", "pengawas2"):
        schools = [
            people.schools[n] for n, u in people.supervisors.items() if u.username == username
        ]
        people.users[username].supervised_schools.set(schools)
    _load_teachers(people, specs)
    return people


# The master data selection reads (docs/selection.md), kept complete so that the district's
# own selection run finds the demo's participants eligible, as their participant numbers say.
MASTER_FIELDS = ["education_level", "degree_date", "teacher_since", "permanent_since"]


def master_data(spec: TeacherSpec) -> dict[str, object]:
    """Highest education, the date of the S1/D4 degree, and the appointment as a teacher (as a
    permanent one, for a teacher who is not a civil servant)."""
    first = spec.degrees[0]
    highest = max(spec.degrees, key=lambda degree: degree.year)
    return {
        "education_level": highest.level,
        # Degrees are listed by year; the day is the end of the academic year.
        "degree_date": dt.date(first.year, 8, 31),
        "teacher_since": spec.appointed,
        "permanent_since": spec.appointed if spec.employment != "pns" else None,
    }


def _load_teachers(people: People, specs: list[TeacherSpec]) -> None:
    existing = {t.nuptk: t for t in Teacher.objects.filter(nuptk__in=[s.nuptk for s in specs])}
    stale = []
    for spec in specs:
        current = existing.get(spec.nuptk)
        if current is None:
            continue
        wanted = master_data(spec)
        if any(getattr(current, name) != value for name, value in wanted.items()):
            for name, value in wanted.items():
                setattr(current, name, value)
            current.full_clean()
            stale.append(current)
    Teacher.objects.bulk_update(stale, MASTER_FIELDS)
    fresh: list[Teacher] = []
    for spec in specs:
        if spec.nuptk in existing:
            continue
        teacher = Teacher(
            **master_data(spec),
            nuptk=spec.nuptk,
            nip=spec.nip,
            name=spec.name,
            birth_place=spec.birth_place,
            birth_date=spec.birth_date,
            gender=spec.gender,
            employment=spec.employment,
            rank=spec.rank,
            subject=people.subjects[spec.subject.code],
            has_teaching_license=spec.subject.code == "224",
            additional_duty=PRINCIPAL_DUTY if spec.index in data.PRINCIPAL_PARTICIPANTS else 0,
            user=people.users[spec.username],
        )
        teacher.full_clean()
        fresh.append(teacher)
    Teacher.objects.bulk_create(fresh)
    by_nuptk = {t.nuptk: t for t in fresh}
    assignments: list[TeachingAssignment] = []
    for spec in specs:
        made = by_nuptk.get(spec.nuptk)
        if made is None:
            continue
        assignments.append(
            TeachingAssignment(
                teacher=made,
                school=people.schools[spec.main_school.npsn],
                weekly_hours=spec.main_hours,
                is_main=True,
            )
        )
        if spec.second_school is not None:
            assignments.append(
                TeachingAssignment(
                    teacher=made,
                    school=people.schools[spec.second_school.npsn],
                    weekly_hours=spec.second_hours,
                    is_main=False,
                )
            )
    TeachingAssignment.objects.bulk_create(assignments)
    people.teachers = {**existing, **by_nuptk}
    people.created_teachers = len(fresh)
