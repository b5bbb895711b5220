"""Fixtures of the selection tests: a district of ~30 teachers with the fields eligibility
needs, around the shared cast."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from django.core.cache import cache

from sergur.registry.models import District, ProgrammeYear, School, Teacher
from sergur.registry.tests.factories import SubjectFactory
from sergur.selection.tests.factories import eligible_teacher


@dataclass
class Pool:
    """The district's teachers by kind."""

    district: District
    year: ProgrammeYear
    school: School
    pns: list[Teacher]
    non_pns: list[Teacher]
    ineligible: list[Teacher]


def build_pool(cast, *, pns: int = 20, non_pns: int = 6, prefix: str = "Guru") -> Pool:
    """`pns` senior PNS teachers, `non_pns` junior non-PNS teachers (ranked below every PNS)
    and four ineligible ones, all at Sri's school in Bantul."""
    case = cast.sri_case
    school = case.teacher.assignments.get().school
    indonesian = SubjectFactory(code="156", name="Bahasa Indonesia")
    mathematics = SubjectFactory(code="180", name="Matematika")
    seniors = [
        eligible_teacher(
            school,
            name=f"{prefix} PNS {n:02d}",
            teacher_since=dt.date(1980 + n % 20, 1, 1),
            subject=mathematics if n % 2 else indonesian,
            degree_date=dt.date(1979, 1, 1),
        )
        for n in range(pns)
    ]
    juniors = [
        eligible_teacher(
            school,
            name=f"{prefix} Honorer {n:02d}",
            employment="non_pns",
            teacher_since=dt.date(2001, 1, 1),
            birth_date=dt.date(1975, 1, 1),
            subject=mathematics,
        )
        for n in range(non_pns)
    ]
    ineligible = [
        eligible_teacher(school, name=f"{prefix} Bersertifikat", certified=True),
        eligible_teacher(
            school,
            name=f"{prefix} SMA",
            education_level="SMA",
            degree_date=None,
            birth_date=dt.date(1975, 1, 1),
            teacher_since=dt.date(1998, 1, 1),
        ),
        eligible_teacher(school, name=f"{prefix} Baru", teacher_since=dt.date(2006, 7, 1)),
        eligible_teacher(school, name=f"{prefix} Sepuh", birth_date=dt.date(1945, 1, 1)),
    ]
    district = school.subdistrict.district
    return Pool(district, case.programme_year, school, seniors, juniors, ineligible)


@pytest.fixture
def pool(cast) -> Pool:
    """Thirty teachers in Bantul besides Sri and Budi (who lack the data to be eligible)."""
    return build_pool(cast)


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    """The public lookup's throttle counts in the cache: every test starts at zero."""
    cache.clear()
