"""The site's own error pages: 403 (a refusal and a failed CSRF check), 404 and 500 in the
site's layout and the reader's language, never Django's bare English page."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse
from django.views import defaults

LAYOUT = 'class="container site-header"'


def test_a_refusal_is_the_sites_403_page_in_indonesian(client: Client, cast: Any) -> None:
    client.force_login(cast.sri)

    response = client.get(reverse("assessments:decisions"))

    body = response.content.decode()
    assert response.status_code == 403
    assert LAYOUT in body and '<html lang="id">' in body
    assert "Tidak diizinkan" in body
    assert cast.sri.get_full_name() in body  # signed in: the header names the user


def test_a_refusal_speaks_english_to_an_english_reader(client: Client, cast: Any) -> None:
    client.force_login(cast.sri)

    response = client.get(reverse("assessments:decisions"), HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 403
    assert "Not allowed" in response.content.decode()


@pytest.mark.django_db
def test_a_failed_csrf_check_is_the_sites_403_page() -> None:
    client = Client(enforce_csrf_checks=True)

    response = client.post(reverse("login"), {"username": "x", "password": "y"})  # nosec B105 # a wrong password on purpose

    body = response.content.decode()
    assert response.status_code == 403
    assert LAYOUT in body and '<html lang="id">' in body
    assert "Formulir sudah kedaluwarsa" in body
    assert "CSRF verification failed" not in body


@pytest.mark.django_db
def test_a_failed_csrf_check_speaks_english_to_an_english_reader() -> None:
    client = Client(enforce_csrf_checks=True)

    response = client.post(reverse("login"), {}, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 403
    assert "The form has expired" in response.content.decode()


@pytest.mark.django_db
def test_an_unknown_address_is_the_sites_404_page(client: Client) -> None:
    response = client.get("/no-such-page/")

    body = response.content.decode()
    assert response.status_code == 404
    assert LAYOUT in body and "Halaman tidak ditemukan" in body


def test_a_server_error_is_the_sites_500_page_without_a_request_context() -> None:
    # Django renders 500.html with no context at all (no user, no request): the layout must
    # still render.
    response = defaults.server_error(RequestFactory().get("/"))

    body = response.content.decode()
    assert response.status_code == 500
    assert LAYOUT in body and "Terjadi kesalahan" in body
