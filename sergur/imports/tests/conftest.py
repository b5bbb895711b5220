"""Fixtures of the import tests."""

from __future__ import annotations

import pytest

from sergur.conftest import Cast
from sergur.imports.tests.factories import NPSN
from sergur.registry.models import School


@pytest.fixture
def school(cast: Cast) -> School:
    """School one of the cast (Bantul) with the NPSN the sample rows name."""
    found = School.objects.get(name="SMP Negeri 1 Bantul")
    found.npsn = NPSN
    found.save()
    return found
