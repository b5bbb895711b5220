"""The teacher's pages on a phone (390 px wide) and the entry table on a laptop (1,280 px):
no page is wider than the window, the menu folds behind a button that opens it, and every
page passes axe-core (`shot`). Screenshots are kept when SERGUR_SCREENSHOTS is set."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from sergur.common.tests.browser import shot, submit
from sergur.conftest import PASSWORD, Cast
from sergur.portfolios.sections import SECTIONS
from sergur.portfolios.services.entries import entry_save
from sergur.portfolios.tests.teacher_support import COMPLETE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 900}


def sign_in(browser: Any, base: str, username: str, viewport: dict[str, int]) -> Any:
    page = browser.new_page(viewport=viewport, locale="id-ID")
    page.goto(f"{base}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    submit(page, page.locator("main form button[type=submit]"))
    return page


def overflow(page: Any) -> int:
    """How many pixels the page is wider than its window (0 when it fits)."""
    width: int = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    return max(width, 0)


def test_the_teachers_pages_fit_a_phone_and_the_menu_opens(
    browser: Any, live_server: Any, cast: Cast
) -> None:
    base = live_server.url
    case = cast.sri_case
    page = sign_in(browser, base, "sri", PHONE)

    sign_out = page.get_by_role("button", name="Keluar")
    expect(sign_out).to_be_hidden()
    menu = page.locator("button.menu-toggle")
    expect(menu).to_have_attribute("aria-expanded", "false")
    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(sign_out).to_be_visible()
    assert overflow(page) == 0

    paths = {
        "case": f"/cases/{case.pk}/",
        "submit": f"/cases/{case.pk}/submit/",
        "selection": "/selection/me/",
        "lookup": "/participants/lookup/",
        **{
            f"section-{section.key}": f"/cases/{case.pk}/portfolio/{section.key}/"
            for section in SECTIONS
            if "subject_teacher" in section.roles
        },
    }
    wide = {}
    for name, path in paths.items():
        page.goto(base + path)
        if overflow(page):
            wide[name] = overflow(page)
        shot(page, f"phone-{name}")
    assert wide == {}, f"pages wider than a 390 px phone (px too wide): {wide}"
    page.close()


def test_the_entry_table_fits_a_laptop_with_its_state_column(
    browser: Any, live_server: Any, cast: Cast
) -> None:
    for _ in range(3):
        entry_save(
            case=cast.sri_case,
            section_key="training",
            values={**COMPLETE["training"], "name": "Pendidikan dan Pelatihan " * 6},
            actor=cast.sri,
        )
    page = sign_in(browser, live_server.url, "sri", LAPTOP)
    page.goto(f"{live_server.url}/cases/{cast.sri_case.pk}/portfolio/training/")
    shot(page, "laptop-section-training")
    assert overflow(page) == 0
    for state in page.locator("td.col-state").all():
        box = state.bounding_box()
        assert box is not None
        assert box["x"] + box["width"] <= LAPTOP["width"], "a row's state is off-screen"
    page.close()
