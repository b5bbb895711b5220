"""The password reset by e-mail: Django's views in the site's layout and language, the same
answer whether an account exists or not, and the throttle per client and per e-mail."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from sergur.accounts.views import RESET_THROTTLED

pytestmark = pytest.mark.django_db

RESET = reverse("password_reset")
DONE = reverse("password_reset_done")


def ask(client: Client, email: str, **extra: Any) -> Any:
    return client.post(RESET, {"email": email}, **extra)


def without_tokens(page: str) -> str:
    """A page without its CSRF tokens (masked afresh on every page)."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", page)


def with_email(user: Any, email: str) -> Any:
    user.email = email
    user.save(update_fields=["email"])
    return user


def test_the_sign_in_page_offers_the_reset_instead_of_asking_the_operator(client: Client) -> None:
    page = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert RESET in page
    assert "Ask your school's operator" not in page.replace("&#x27;", "'")


def test_the_reset_page_is_in_the_sites_layout_and_language(client: Client) -> None:
    page = client.get(RESET).content.decode()

    assert 'class="container site-header"' in page and '<html lang="id">' in page
    assert "Lupa kata sandi?" in page
    assert "Forgot your password?" in client.get(RESET, HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_a_known_address_gets_a_link_that_sets_a_new_password(client: Client, cast: Any) -> None:
    with_email(cast.sri, "sri@example.org")

    response = ask(client, "SRI@example.org")

    assert response.status_code == 302 and response["Location"] == DONE
    [message] = mail.outbox
    assert message.to == ["sri@example.org"]
    assert "sri" in message.body and "kata sandi" in message.body  # in the reader's language
    link = re.search(r"https?://[^/\s]+(/accounts/reset/\S+)", str(message.body))
    assert link is not None
    form = client.get(link.group(1), follow=True)
    assert form.status_code == 200 and form.context["validlink"]
    new = "Kapur-tulis-2026"
    saved = client.post(
        form.redirect_chain[-1][0], {"new_password1": new, "new_password2": new}, follow=True
    )
    assert saved.status_code == 200
    cast.sri.refresh_from_db()
    assert cast.sri.check_password(new)


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client: Client, cast: Any) -> None:
    with_email(cast.sri, "sri@example.org")

    known = ask(client, "sri@example.org")
    unknown = ask(client, "nobody@example.org")

    assert (unknown.status_code, unknown["Location"]) == (known.status_code, known["Location"])
    assert len(mail.outbox) == 1
    after_known = client.get(known["Location"]).content.decode()
    after_unknown = client.get(unknown["Location"]).content.decode()
    assert without_tokens(after_known) == without_tokens(after_unknown)


def test_a_used_link_no_longer_works(client: Client, cast: Any) -> None:
    with_email(cast.sri, "sri@example.org")
    ask(client, "sri@example.org")
    path = re.search(r"https?://[^/\s]+(/accounts/reset/\S+)", str(mail.outbox[0].body))
    assert path is not None
    form = client.get(path.group(1), follow=True)
    new = "Kapur-tulis-2026"
    client.post(form.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})

    again = client.get(path.group(1), follow=True)

    assert not again.context["validlink"]
    assert reverse("password_reset") in again.content.decode()


def test_too_many_requests_from_one_client_are_refused_without_mail(
    client: Client, cast: Any, settings: Any
) -> None:
    settings.SERGUR_PASSWORD_RESET_LIMIT = 2
    with_email(cast.sri, "sri@example.org")
    for address in ("a@example.org", "b@example.org"):
        assert ask(client, address).status_code == 302

    refused = ask(client, "sri@example.org", HTTP_ACCEPT_LANGUAGE="en")

    assert refused.status_code == 429
    assert str(RESET_THROTTLED % {"minutes": 15}) in refused.content.decode().replace("&#x27;", "'")
    assert mail.outbox == []


def test_too_many_requests_for_one_address_are_refused_from_any_client(
    client: Client, cast: Any, settings: Any
) -> None:
    settings.SERGUR_PASSWORD_RESET_LIMIT = 2
    with_email(cast.sri, "sri@example.org")
    for n in range(2):
        assert ask(client, "sri@example.org", REMOTE_ADDR=f"10.0.0.{n + 1}").status_code == 302

    refused = ask(client, "Sri@Example.org", REMOTE_ADDR="10.0.0.9")

    assert refused.status_code == 429
    assert len(mail.outbox) == 2


def test_the_throttle_answers_alike_for_unknown_addresses(
    client: Client, cast: Any, settings: Any
) -> None:
    settings.SERGUR_PASSWORD_RESET_LIMIT = 1
    ask(client, "nobody@example.org")

    assert ask(client, "nobody@example.org").status_code == 429


def test_the_embedded_default_prints_mail_on_the_console() -> None:
    from config.settings import base

    assert base.MAILERS["default"]["BACKEND"] == "django.core.mail.backends.console.EmailBackend"
