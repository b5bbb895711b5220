"""Session lengths: a staff session ends after the idle timeout, a teacher's does not."""

from __future__ import annotations

import time

import pytest
from django.conf import settings as django_settings

from sergur.accounts.middleware import LAST_SEEN_KEY, MSG_IDLE

pytestmark = pytest.mark.django_db

LIST = "/cases/"


def idle_for(client, minutes: int) -> None:
    session = client.session
    session[LAST_SEEN_KEY] = int(time.time()) - minutes * 60
    session.save()


def test_a_staff_session_ends_after_30_idle_minutes(client, cast):
    client.force_login(cast.dinas)
    idle_for(client, 31)

    response = client.get(LIST, follow=True)

    assert response.redirect_chain[0][0] == f"/accounts/login/?next={LIST}"
    assert "_auth_user_id" not in client.session
    assert str(MSG_IDLE) in response.content.decode()


def test_a_staff_session_in_use_goes_on(client, cast):
    client.force_login(cast.dinas)
    idle_for(client, 29)

    assert client.get(LIST).status_code == 200
    assert int(time.time()) - client.session[LAST_SEEN_KEY] < 5


def test_the_idle_clock_starts_at_sign_in(client, cast):
    client.force_login(cast.operator)

    assert int(time.time()) - client.session[LAST_SEEN_KEY] < 5


def test_a_teacher_keeps_the_normal_session(client, cast):
    client.force_login(cast.sri)
    idle_for(client, 120)

    response = client.get(LIST)

    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_the_idle_timeout_is_a_setting(client, cast, settings):
    settings.SERGUR_STAFF_IDLE_MINUTES = 5
    client.force_login(cast.dinas)
    idle_for(client, 6)

    assert client.get(LIST)["Location"].startswith("/accounts/login/")


def test_sessions_last_a_working_day_and_end_with_the_browser():
    assert django_settings.SESSION_COOKIE_AGE == 8 * 60 * 60
    assert django_settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
