"""In Chromium: an officer's first sign-in sets up the authenticator; the next one asks for
its code."""

from __future__ import annotations

from base64 import b32decode
from typing import Any

import pytest
from django_otp.oath import TOTP
from playwright.sync_api import expect

from sergur.common.tests.browser import sign_in, submit
from sergur.conftest import PASSWORD, Cast

pytestmark = [pytest.mark.browser, pytest.mark.two_factor, pytest.mark.django_db(transaction=True)]


def test_first_sign_in_enrols_and_the_next_asks_for_the_code(
    browser: Any, live_server: Any, cast: Cast
) -> None:
    base = live_server.url
    page = sign_in(browser, base, cast.dinas.username, PASSWORD)

    assert "/accounts/2fa/setup/" in page.url
    expect(page.locator("img.totp-qr")).to_be_visible()
    secret = page.locator("[data-totp-secret]").get_attribute("data-totp-secret") or ""
    totp = TOTP(b32decode(secret.replace(" ", "")))
    page.fill("#id_code", f"{totp.token():06d}")
    submit(page, page.locator("main form button[type=submit]"))

    codes = page.locator("ul.recovery-codes li code").all_inner_texts()
    assert len(codes) == 10
    page.click("text=/lanjutkan/i")
    page.wait_for_url(f"{base}/cases/")
    page.close()

    again = sign_in(browser, base, cast.dinas.username, PASSWORD)
    assert "/accounts/2fa/verify/" in again.url
    again.fill("#id_code", codes[0])
    submit(again, again.locator("main form button[type=submit]"))
    assert again.url == f"{base}/cases/"
    again.close()
