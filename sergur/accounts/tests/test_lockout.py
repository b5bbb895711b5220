"""The sign-in lockout (django-axes): by account and by the real client address."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sergur.conftest import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"


def sign_in(client, username: str, password: str, **extra):
    return client.post(LOGIN, {"username": username, "password": password}, **extra)


def test_the_right_password_after_too_many_wrong_ones_meets_the_lockout_page(client, cast):
    for _ in range(4):
        assert sign_in(client, "dinas", "wrong").status_code == 200
    assert sign_in(client, "dinas", "wrong").status_code == 429  # the fifth locks

    response = sign_in(client, "dinas", PASSWORD)

    assert response.status_code == 429
    page = response.content.decode()
    assert '<html lang="id">' in page
    assert "login-card" in page  # the site's layout, not a bare 403
    assert "15" in page  # minutes to wait
    assert "_auth_user_id" not in client.session


def test_the_lockout_page_is_in_english_when_asked(client, cast):
    client.cookies["django_language"] = "en"
    for _ in range(5):
        sign_in(client, "dinas", "wrong")

    page = sign_in(client, "dinas", PASSWORD).content.decode()

    assert "Sign-in paused" in page
    assert "Try again in 15 minutes." in page


def test_four_wrong_passwords_still_let_the_right_one_in(client, cast):
    for _ in range(4):
        sign_in(client, "dinas", "wrong")

    response = sign_in(client, "dinas", PASSWORD)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(cast.dinas.pk)


def test_an_account_is_locked_whatever_address_the_tries_come_from(client, cast):
    for number in range(5):
        sign_in(client, "lpmp", "wrong", REMOTE_ADDR=f"203.0.113.{number}")

    response = sign_in(client, "lpmp", PASSWORD, REMOTE_ADDR="198.51.100.7")

    assert response.status_code == 429


def test_an_address_is_locked_whatever_accounts_it_tries(client, cast):
    for username in ("dinas", "lpmp", "rayon", "asesor", "nobody"):
        sign_in(client, username, "wrong", REMOTE_ADDR="203.0.113.9")

    locked = sign_in(client, "sri", PASSWORD, REMOTE_ADDR="203.0.113.9")
    elsewhere = sign_in(client, "sri", PASSWORD, REMOTE_ADDR="198.51.100.7")

    assert locked.status_code == 429
    assert elsewhere.status_code == 302


def test_a_forged_forwarded_for_does_not_dodge_the_address_lockout(client, cast, settings):
    settings.SERGUR_TRUSTED_PROXIES = ["10.0.0.1"]
    for number in range(5):
        sign_in(
            client,
            f"guess{number}",
            "wrong",
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{number}, 203.0.113.9",
        )

    response = sign_in(
        client, "sri", PASSWORD, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9"
    )
    other_client = sign_in(
        client, "budi", PASSWORD, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7"
    )

    assert response.status_code == 429
    assert other_client.status_code == 302


def test_the_limit_and_cool_off_are_settings(client, cast, settings):
    settings.AXES_FAILURE_LIMIT = 2
    settings.SERGUR_SIGNIN_COOLOFF_MINUTES = 60
    client.cookies["django_language"] = "en"
    sign_in(client, "dinas", "wrong")
    sign_in(client, "dinas", "wrong")

    response = sign_in(client, "dinas", PASSWORD)

    assert response.status_code == 429
    assert "Try again in 60 minutes." in response.content.decode()


def test_the_lockout_counts_in_the_shared_cache(client, cast):
    from django.core.cache import cache

    for _ in range(5):
        sign_in(client, "dinas", "wrong")
    cache.clear()  # what a lockout lives in: another process sees the same entries

    assert sign_in(client, "dinas", PASSWORD).status_code == 302


def test_the_lockout_page_offers_the_password_reset_by_mail(client, cast):
    for _ in range(5):
        sign_in(client, "dinas", "wrong")

    page = sign_in(client, "dinas", PASSWORD).content.decode()

    assert reverse("password_reset") in page
    assert reverse("login") == LOGIN


def test_the_operator_lifts_a_lockout_by_account_and_address(client, cast):
    from io import StringIO

    from django.core.management import call_command

    for _ in range(5):
        sign_in(client, "dinas", "wrong")

    call_command("axes_reset_username", "dinas", stdout=StringIO())
    call_command("axes_reset_ip", "127.0.0.1", stdout=StringIO())

    assert sign_in(client, "dinas", PASSWORD).status_code == 302


def test_signing_in_to_ones_own_account_does_not_reset_the_address_count(client, cast):
    for username in ("lpmp", "rayon"):
        sign_in(client, username, "wrong")
        sign_in(client, username, "wrong")
    assert sign_in(client, "sri", PASSWORD).status_code == 302
    client.post("/accounts/logout/")

    sign_in(client, "asesor", "wrong")

    assert sign_in(client, "asesor", PASSWORD).status_code == 429
