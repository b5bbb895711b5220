"""End to end in headless Chromium: the district's finance officer finds the eligible teacher
among the missing pay profiles and records one, issues the SKTP of 2019-1, which lists the
teacher; runs the payments of 2019-Q1 once, then again, and the second run pays nothing; the
teacher sees the decree and the months paid on "My allowance" and follows its link to the
three months on "My allowance payments" (docs/allowance.md, "SKTP and payments").

Set SERGUR_SCREENSHOTS=docs/screenshots to keep screenshots (payments-*.png).
"""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from sergur.common.tests.browser import shot as browser_shot
from sergur.common.tests.browser import sign_in, submit
from sergur.conftest import PASSWORD, Cast
from sergur.payments.models import PaymentEntry, PayProfile
from sergur.payments.tests.support import district_of, eligible, finance
from sergur.payments.tests.test_profiles import certify

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

expect.set_options(timeout=20_000)


def shot(page: Any, name: str) -> None:
    browser_shot(page, f"payments-{name}")


def test_issue_the_sktp_and_pay_the_quarter_once(
    browser: Any, live_server: Any, cast: Cast
) -> None:
    base = live_server.url
    sri = cast.sri_case.teacher
    officer = finance(district_of(sri))
    eligible(sri)  # as the allowance app computes it
    certify(cast.sri_case, cast, 1)

    # -- the finance officer records the missing pay profile -----------------------------------
    page = sign_in(browser, base, officer.username, PASSWORD)
    page.goto(base + reverse("payments:profiles"))
    expect(page.locator("main table tbody tr").first).to_contain_text(sri.name)
    shot(page, "00-profiles")
    with page.expect_navigation(wait_until="load"):
        page.locator("main table tbody").get_by_role("link", name=sri.name).click()
    page.select_option("#id_employment", "pns")
    page.select_option("#id_golongan", "III/a")
    page.fill("#id_mkg", "10")
    page.fill("#id_mkg_counted_on", "2019-01-01")
    page.fill("#id_paid_from", "2019-01-01")
    page.fill("#id_bank_name", "BPD DIY")
    page.fill("#id_bank_account", "0011223344")
    shot(page, "00-profile")
    submit(page, page.locator("main form button[type=submit]"))
    expect(page.locator("main table tbody tr").first).to_contain_text("III/a")
    assert PayProfile.objects.get(teacher=sri).updated_by == officer

    # -- issues the SKTP -----------------------------------------------------------------------
    page.goto(base + reverse("payments:home"))
    shot(page, "01-home")
    page.fill("#id_semester", "2019-1")
    submit(page, page.locator("form[action$='/payments/sktp/'] button[type=submit]"))
    expect(page.locator("main h1")).to_contain_text("SKTP/")
    expect(page.locator("main table tbody")).to_contain_text(sri.name)
    shot(page, "02-sktp")

    # -- runs the quarter once, then again -----------------------------------------------------
    page.goto(base + reverse("payments:home"))
    page.fill("#id_quarter", "2019-Q1")
    submit(page, page.locator("form[action$='/payments/runs/'] button[type=submit]"))
    expect(page.locator("main table tbody tr")).to_have_count(3)
    shot(page, "03-run")
    page.goto(base + reverse("payments:home"))
    page.fill("#id_quarter", "2019-Q1")
    submit(page, page.locator("form[action$='/payments/runs/'] button[type=submit]"))
    expect(page.locator("main p.notice")).to_be_visible()
    expect(page.locator("main table")).to_have_count(0)
    shot(page, "04-run-again")
    assert PaymentEntry.objects.filter(teacher=sri).count() == 3

    # -- the teacher sees the payments ---------------------------------------------------------
    user = sri.user
    assert user is not None
    mine = sign_in(browser, base, user.username, PASSWORD)
    mine.goto(base + reverse("allowance:mine"))
    expect(mine.locator("section[aria-labelledby=money-heading]")).to_contain_text("SKTP/")
    shot(mine, "05-my-allowance")
    history = mine.locator(f"#money-heading ~ p a[href='{reverse('payments:mine')}']")
    with mine.expect_navigation(wait_until="load"):
        history.click()
    rows = mine.locator("section[aria-labelledby=payments-heading] tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.first).to_contain_text("3.012.000")
    shot(mine, "06-teacher")
