"""`acting_user`: the one check every app's access helpers start from."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from sergur.accounts.access import acting_user
from sergur.registry.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_signed_in_active_account_acts_and_a_visitor_or_deactivated_one_does_not() -> None:
    user = UserFactory()
    assert acting_user(user) is user
    assert acting_user(AnonymousUser()) is None
    user.is_active = False
    assert acting_user(user) is None
