"""The pages after the teacher's portfolio on a phone (390 px wide): the principal's and the
supervisor's lists and closed envelope, and the second half of the lifecycle (PLPG,
certificates, allowance and payments, PKG, PKB, KKG, quality assurance) with rows in their
tables. No page is wider than the window: a wide table scrolls in its own box (the phone
test of the teacher's own pages is `sergur/portfolios/tests/e2e/test_phone.py`)."""

from __future__ import annotations

from typing import Any

import pytest

from sergur.appraisal.tests.support import finalised, scored
from sergur.common.tests.browser import submit
from sergur.conftest import PASSWORD, Cast
from sergur.development.tests.support import standing, training
from sergur.kkg.tests.support import cluster, held_package
from sergur.payments.tests.support import district_of, eligible, finance, issued, paid, profile
from sergur.plpg.tests.support import attend_all, peer_teach, world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def sign_in(browser: Any, base: str, username: str) -> Any:
    page = browser.new_page(viewport=PHONE, locale="id-ID")
    page.goto(f"{base}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    submit(page, page.locator("main form button[type=submit]"))
    return page


def overflow(page: Any) -> int:
    """How many pixels the page is wider than its window (0 when it fits)."""
    width: int = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    return max(width, 0)


def test_the_second_half_pages_fit_a_phone(browser: Any, live_server: Any, cast: Cast) -> None:
    base = live_server.url
    case = cast.sri_case
    teacher = cast.sri.teacher
    group = cluster(cast)
    held_package(cast, group)
    standing(cast)
    training(cast)
    finalised(cast, scored(cast))

    pages = {
        "sri": [
            "/plpg/participants/",
            "/certificates/",
            "/allowance/",
            "/payments/mine/",
            "/pkg/",
            "/pkb/",
            "/kkg/",
            f"/kkg/{group.pk}/",
            "/my-data/",
            "/selection/me/",
        ],
        cast.pak_kepala.username: [
            "/cases/",
            f"/cases/{case.pk}/envelope/",
            "/pkg/",
            "/pkb/worklist/",
            f"/pkb/teachers/{teacher.pk}/",
            "/quality-assurance/",
            "/quality-assurance/worklist/",
        ],
        cast.pengawas.username: ["/cases/", f"/cases/{case.pk}/envelope/", "/pkg/"],
        cast.dinas.username: ["/cases/", "/verification/", "/allowance/district/", "/kkg/"],
        cast.rayon_admin.username: ["/rayon/", "/plpg/rayon/", "/certificates/"],
        cast.lpmp.username: ["/quality-assurance/"],
    }
    wide = {}
    for username, paths in pages.items():
        page = sign_in(browser, base, username)
        for path in paths:
            response = page.goto(base + path)
            assert response is not None and response.status == 200, (username, path)
            if overflow(page):
                wide[f"{username} {path}"] = overflow(page)
        page.close()
    assert wide == {}, f"pages wider than a 390 px phone (px too wide): {wide}"


def test_the_plpg_and_payment_pages_fit_a_phone(browser: Any, live_server: Any, cast: Cast) -> None:
    base = live_server.url
    w = world(cast)
    attend_all(w)
    peer_teach(w, w.sri)
    sri = cast.sri_case.teacher
    district = district_of(sri)
    officer = finance(district)
    eligible(sri)
    profile(sri, officer)
    sktp = issued(officer, district)
    run = paid(officer, district)

    pages = {
        "sri": [f"/plpg/participants/{w.sri.pk}/", "/payments/mine/"],
        w.teacher.user.username: ["/plpg/classes/", f"/plpg/classes/{w.plpg_class.pk}/"],
        officer.username: [
            "/payments/",
            "/payments/tables/",
            f"/payments/sktp/{sktp.pk}/",
            f"/payments/runs/{run.pk}/",
        ],
    }
    wide = {}
    for username, paths in pages.items():
        page = sign_in(browser, base, username)
        for path in paths:
            response = page.goto(base + path)
            assert response is not None and response.status == 200, (username, path)
            if overflow(page):
                wide[f"{username} {path}"] = overflow(page)
        page.close()
    assert wide == {}, f"pages wider than a 390 px phone (px too wide): {wide}"
