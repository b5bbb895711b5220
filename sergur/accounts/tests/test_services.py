from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from sergur.accounts.models import User
from sergur.accounts.services import user_ensure

pytestmark = pytest.mark.django_db


def test_user_ensure_creates_a_user_with_role_and_password():
    user = user_ensure(username="sri", password="pw-123456", role=User.Role.TEACHER)  # nosec B106 # a test account's password

    assert user.pk is not None
    assert user.role == User.Role.TEACHER
    assert user.check_password("pw-123456")
    assert not user.is_staff


def test_user_ensure_is_idempotent_and_updates_in_place():
    first = user_ensure(username="sri", password="one-123456", role=User.Role.TEACHER)  # nosec B106 # a test account's password
    second = user_ensure(
        username="sri",
        password="two-123456",  # nosec B106 # a test account's password
        role=User.Role.SUPERVISOR,
        first_name="Sri",
    )

    assert first.pk == second.pk
    assert User.objects.count() == 1
    second.refresh_from_db()
    assert second.role == User.Role.SUPERVISOR
    assert second.first_name == "Sri"
    assert second.check_password("two-123456")


def test_user_ensure_refuses_an_unknown_role():
    with pytest.raises(ValidationError):
        user_ensure(username="x", password="pw-123456", role="king")  # nosec B106 # a test account's password
    assert not User.objects.filter(username="x").exists()


def test_str_prefers_the_full_name():
    assert str(User(username="u", first_name="Sri", last_name="Wahyuni")) == "Sri Wahyuni"
    assert str(User(username="u")) == "u"


@pytest.mark.parametrize(
    ("role", "field"),
    [
        (User.Role.PRINCIPAL, "school"),
        (User.Role.DISTRICT_COMMITTEE, "district"),
        (User.Role.QUALITY_OFFICE, "province"),
        (User.Role.RAYON_ADMIN, "rayon"),
        (User.Role.ASSESSOR, "rayon"),
    ],
)
def test_a_role_that_works_for_an_organisation_must_name_it(role, field):
    with pytest.raises(ValidationError) as refused:
        user_ensure(username="x", password="pw-123456", role=role)  # nosec B106 # a test account's password
    assert field in refused.value.message_dict
