"""Factories of the registry and the people around a case, shared by every app's tests."""

from __future__ import annotations

import datetime as dt

import factory
from django.utils import timezone

from sergur.accounts.models import User
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


class ProvinceFactory(factory.django.DjangoModelFactory[Province]):
    class Meta:
        model = Province
        django_get_or_create = ("code",)

    code = "34"
    name = "DI Yogyakarta"


class DistrictFactory(factory.django.DjangoModelFactory[District]):
    class Meta:
        model = District
        django_get_or_create = ("province", "code")

    province = factory.SubFactory(ProvinceFactory)
    code = "02"
    name = "Bantul"


class SubdistrictFactory(factory.django.DjangoModelFactory[Subdistrict]):
    class Meta:
        model = Subdistrict

    district = factory.SubFactory(DistrictFactory)
    code = factory.Sequence(lambda n: f"{n % 1000:03d}")
    name = factory.Sequence(lambda n: f"Kecamatan {n}")


class SchoolFactory(factory.django.DjangoModelFactory[School]):
    class Meta:
        model = School

    npsn = factory.Sequence(lambda n: f"{20400000 + n:08d}")
    name = factory.Sequence(lambda n: f"SMP Negeri {n + 1} Contoh")
    level = School.Level.SMP
    status = School.Status.STATE
    subdistrict = factory.SubFactory(SubdistrictFactory)


class SubjectFactory(factory.django.DjangoModelFactory[Subject]):
    class Meta:
        model = Subject
        django_get_or_create = ("code",)

    code = "180"
    name = "Matematika"
    is_counseling = False


class UserFactory(factory.django.DjangoModelFactory[User]):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Demo"
    role = User.Role.TEACHER
    password = factory.PostGenerationMethodCall("set_password", "pw-secret-123")

    @factory.post_generation
    def saved(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            self.save()


class TeacherFactory(factory.django.DjangoModelFactory[Teacher]):
    class Meta:
        model = Teacher

    nuptk = factory.Sequence(lambda n: f"{1000000000000000 + n:016d}")
    nip = factory.Sequence(lambda n: f"{196501011990031000 + n:018d}")
    name = factory.Sequence(lambda n: f"Guru Contoh {n}, S.Pd.")
    birth_place = "Bantul"
    birth_date = dt.date(1965, 1, 1)
    gender = Teacher.Gender.FEMALE
    employment = Teacher.Employment.PNS
    rank = "III/c"
    subject = factory.SubFactory(SubjectFactory)
    user = factory.SubFactory(UserFactory)


class TeachingAssignmentFactory(factory.django.DjangoModelFactory[TeachingAssignment]):
    class Meta:
        model = TeachingAssignment

    teacher = factory.SubFactory(TeacherFactory)
    school = factory.SubFactory(SchoolFactory)
    weekly_hours = 24
    is_main = True


class ProgrammeYearFactory(factory.django.DjangoModelFactory[ProgrammeYear]):
    """The 2007 programme year with its deadlines around now, so that it is open."""

    class Meta:
        model = ProgrammeYear
        django_get_or_create = ("year",)

    year = 2007
    portfolio_opens = factory.LazyFunction(lambda: (timezone.now() - dt.timedelta(days=60)).date())
    portfolio_deadline = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=30))
    envelope_deadline = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=40))
    service_until = dt.date(2007, 12, 31)
    is_current = True
