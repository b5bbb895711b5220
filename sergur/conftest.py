"""The shared cast of the tests (STYLE 25): one school with its teacher, principal and
supervisor; a second school with its own teacher and principal; district, quality-office,
assessor and operator accounts. Everyone's password is PASSWORD."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth.signals import user_logged_in

from sergur.accounts.models import User
from sergur.cases.models import Case
from sergur.cases.services import case_open

pytest_plugins = ["sergur.common.tests.browser"]

PASSWORD = "pw-secret-123"  # nosec B105 # the test accounts' password


def _second_factor_given(sender: Any, request: Any, user: User, **kwargs: Any) -> None:
    """Mark the new session as verified by a second factor, as django-otp's `login` does
    after a right code: the session names the device that verified it (written directly, as
    the test client's sign-in request has no `user` for `login` to check)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_static.models import StaticDevice

    device, _created = StaticDevice.objects.get_or_create(
        user=user, name="test-session", defaults={"confirmed": True}
    )
    request.session[DEVICE_ID_SESSION_KEY] = device.persistent_id


@pytest.fixture(autouse=True)
def _signed_in_sessions_have_the_second_factor(request: pytest.FixtureRequest) -> Iterator[None]:
    """Every sign-in of a test (force_login, login, the sign-in form, the browser) counts as
    having given the second factor, so tests about other things need not type codes; the
    2FA requirement itself stays on (SERGUR_REQUIRE_2FA). Tests marked `two_factor` sign in
    with the password only, as a real person does. The sign-in lockout counts in the cache,
    which starts empty for every test, and so do the pages' remembered fragments (a test's
    rows may get the ids an earlier test's had)."""
    from django.core.cache import cache

    from sergur.common.fragments import fragments_clear

    cache.clear()
    fragments_clear()
    if request.node.get_closest_marker("two_factor"):
        yield
        return
    user_logged_in.connect(_second_factor_given, dispatch_uid="tests-second-factor")
    yield
    user_logged_in.disconnect(dispatch_uid="tests-second-factor")


@pytest.fixture(autouse=True)
def _default_language_after_each_test() -> Iterator[None]:
    """Each test starts in the site's default language: a request's LocaleMiddleware leaves
    the language it activated on the thread (a test client with an English cookie left the
    next test's Indonesian messages in English, seen when a worker ran the payments views
    before the certificate services)."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@dataclass
class Cast:
    """The people and cases every access test uses."""

    sri: User  # teacher at school one
    sri_case: Case
    budi: User  # teacher at school two
    budi_case: Case
    pak_kepala: User  # principal of school one
    bu_kepala: User  # principal of school two
    pengawas: User  # supervisor of school one
    dinas: User  # district committee of the district of both schools
    dinas_other: User  # district committee of another district
    lpmp: User  # quality office of the province
    asesor: User  # assessor of the rayon serving the province (no allocations yet)
    operator: User  # superuser
    asesor2: User  # a second assessor of the rayon (both in the register, subject of the cast)
    asesor3: User  # a third assessor of the rayon
    rayon_admin: User  # the admin of rayon 900
    rayon_other: User  # the admin of another rayon (serving no province of the cast)


@pytest.fixture
def cast(db: None) -> Cast:
    """Build the cast."""
    from sergur.registry.models import Rayon
    from sergur.registry.tests.factories import (
        DistrictFactory,
        ProgrammeYearFactory,
        ProvinceFactory,
        SchoolFactory,
        SubdistrictFactory,
        TeacherFactory,
        TeachingAssignmentFactory,
        UserFactory,
    )

    province = ProvinceFactory()
    rayon = Rayon.objects.create(code="900", institution="Universitas Contoh")
    rayon.provinces.add(province)
    district = DistrictFactory(province=province)
    other_district = DistrictFactory(province=province, code="03", name="Sleman")
    sub = SubdistrictFactory(district=district)
    one = SchoolFactory(subdistrict=sub, name="SMP Negeri 1 Bantul")
    two = SchoolFactory(subdistrict=sub, name="SMP Negeri 2 Bantul")
    year = ProgrammeYearFactory()

    def teacher(username: str, school: object) -> tuple[User, Case]:
        user = UserFactory(username=username, role=User.Role.TEACHER)
        person = TeacherFactory(user=user)
        TeachingAssignmentFactory(teacher=person, school=school)
        return user, case_open(teacher=person, programme_year=year, actor=None)

    sri, sri_case = teacher("sri", one)
    budi, budi_case = teacher("budi", two)
    pengawas = UserFactory(username="pengawas", role=User.Role.SUPERVISOR)
    pengawas.supervised_schools.add(one)
    other_rayon = Rayon.objects.create(code="901", institution="Universitas Lain")

    def assessor(username: str) -> User:
        from sergur.assessments.models import Assessor
        from sergur.assessments.tests.support import QUALIFIED

        user = UserFactory(username=username, role=User.Role.ASSESSOR, rayon=rayon)
        entry = Assessor.objects.create(
            user=user,
            rayon=rayon,
            number=f"A-{username}",
            degree=Assessor.Degree.S2,
            institution="Universitas Contoh",
            **QUALIFIED,
        )
        entry.subjects.add(sri_case.teacher.subject, budi_case.teacher.subject)
        return user

    return Cast(
        sri=sri,
        sri_case=sri_case,
        budi=budi,
        budi_case=budi_case,
        pak_kepala=UserFactory(username="kepala1", role=User.Role.PRINCIPAL, school=one),
        bu_kepala=UserFactory(username="kepala2", role=User.Role.PRINCIPAL, school=two),
        pengawas=pengawas,
        dinas=UserFactory(username="dinas", role=User.Role.DISTRICT_COMMITTEE, district=district),
        dinas_other=UserFactory(
            username="dinas2", role=User.Role.DISTRICT_COMMITTEE, district=other_district
        ),
        lpmp=UserFactory(username="lpmp", role=User.Role.QUALITY_OFFICE, province=province),
        asesor=assessor("asesor"),
        asesor2=assessor("asesor2"),
        asesor3=assessor("asesor3"),
        rayon_admin=UserFactory(username="rayon", role=User.Role.RAYON_ADMIN, rayon=rayon),
        rayon_other=UserFactory(username="rayon2", role=User.Role.RAYON_ADMIN, rayon=other_rayon),
        operator=UserFactory(
            username="operator", role=User.Role.OPERATOR, is_staff=True, is_superuser=True
        ),
    )
