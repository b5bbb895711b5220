"""Fixtures of the transfer tests: Sleman (the cast's other district) asks for Sri of Bantul."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from sergur.accounts.models import User
from sergur.conftest import Cast
from sergur.registry.models import School
from sergur.registry.tests.factories import (
    DistrictFactory,
    ProvinceFactory,
    SchoolFactory,
    SubdistrictFactory,
    UserFactory,
)


@dataclass
class Outsiders:
    """A third district's officer and another province's quality office."""

    third: User
    lpmp_other: User


@pytest.fixture
def sleman_school(cast: Cast) -> School:
    """A school of the destination district (Sleman)."""
    assert cast.dinas_other.district is not None
    return SchoolFactory(
        name="SMP Negeri 4 Sleman",
        subdistrict=SubdistrictFactory(district=cast.dinas_other.district),
    )


@pytest.fixture
def outsiders(cast: Cast) -> Outsiders:
    assert cast.dinas.district is not None
    kulon_progo = DistrictFactory(province=cast.dinas.district.province, code="01", name="Kulon")
    jateng = ProvinceFactory(code="33", name="Jawa Tengah")
    return Outsiders(
        third=UserFactory(
            username="dinas3", role=User.Role.DISTRICT_COMMITTEE, district=kulon_progo
        ),
        lpmp_other=UserFactory(username="lpmp2", role=User.Role.QUALITY_OFFICE, province=jateng),
    )
