"""Error pages in the site's layout; a 404 never lists the URL patterns."""

from __future__ import annotations

import pytest
from django.test import RequestFactory
from django.views import defaults

pytestmark = pytest.mark.django_db


def test_a_404_is_the_sites_page_without_the_url_list(client, settings):
    settings.DEBUG = False

    response = client.get("/no-such-page/admin/")

    page = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="id">' in page
    assert "site-header" in page
    assert "cases/" not in page.replace('href="/cases/"', "")
    assert "URLconf" not in page and "urlpatterns" not in page


def test_a_404_for_a_signed_in_user_is_the_same_page(client, cast, settings):
    settings.DEBUG = False
    client.force_login(cast.dinas)

    response = client.get("/cases/999999/")

    assert response.status_code == 404
    assert "URLconf" not in response.content.decode()


@pytest.mark.parametrize(
    ("view", "status"),
    [(defaults.bad_request, 400), (defaults.permission_denied, 403)],
)
def test_the_other_error_pages_use_the_layout(view, status):
    request = RequestFactory().get("/")

    response = view(request, exception=Exception("detail"))

    assert response.status_code == status
    assert "site-header" in response.content.decode()
    assert "detail" not in response.content.decode()


def test_the_500_page_renders_without_a_request_context():
    response = defaults.server_error(RequestFactory().get("/"))

    assert response.status_code == 500
    assert "site-header" in response.content.decode()
