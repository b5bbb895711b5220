"""End to end in headless Chromium: a school operator enters a certified teacher's timetable
(18 JP, short of the 24) and confirms the school's part; the district committee recomputes
the semester and sees who is not eligible and why; the teacher opens "My allowance" and
reads that the hours fall short by 6 JP and what would fix it.

The pages are read in Indonesian, as a teacher reads them (`tr`)."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from sergur.allowance.tests.support import SEMESTER, certified, operator_of, own_school
from sergur.allowance.views.school import CONFIRMED, SAVED
from sergur.common.tests.browser import shot as browser_shot
from sergur.common.tests.browser import sign_in as browser_sign_in
from sergur.common.tests.browser import submit
from sergur.conftest import PASSWORD, Cast

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

expect.set_options(timeout=20_000)


def tr(text: Any) -> str:
    """A source string (or lazy constant) as the pages show it in Indonesian."""
    with translation.override("id"):
        return translation.gettext(str(text)) if isinstance(text, str) else str(text)


def sign_in(browser: Any, base: str, username: str) -> Any:
    return browser_sign_in(browser, base, username, PASSWORD)


def test_a_teacher_short_of_hours_sees_why_and_the_fix(
    browser: Any, live_server: Any, cast: Cast
) -> None:
    base = live_server.url
    school = own_school(cast)
    operator = operator_of(school)
    teacher = certified(cast)
    assert teacher.user is not None

    # -- the school operator enters the timetable and confirms -------------------------------
    page = sign_in(browser, base, operator.username)
    page.goto(f"{base}{reverse('allowance:school', args=[school.pk])}?semester={SEMESTER}")
    form = page.locator("form:has(input[name=action][value=line])")
    for label, hours in (("VII A", "6"), ("VII B", "6"), ("VIII A", "6")):
        form.locator("select[name=line-teacher]").select_option(str(teacher.pk))
        form.locator("input[name=line-class_label]").fill(label)
        form.locator("select[name=line-subject]").select_option(str(teacher.subject.pk))
        form.locator("input[name=line-hours]").fill(hours)
        submit(page, form.locator("button[type=submit]"))
        expect(page.locator("main")).to_contain_text(tr(SAVED))
    submit(page, page.get_by_role("button", name=tr("Confirm the school's part")))
    expect(page.locator("main")).to_contain_text(tr(CONFIRMED))
    browser_shot(page, "allowance-01-school-load")
    page.close()

    # -- the district committee recomputes the semester -------------------------------------
    page = sign_in(browser, base, "dinas")
    page.goto(f"{base}{reverse('allowance:district')}?semester={SEMESTER}")
    submit(page, page.get_by_role("button", name=f"Hitung ulang {SEMESTER}"))
    expect(page.locator("main")).to_contain_text("18 JP dihitung, di bawah 24: kurang 6 JP.")
    browser_shot(page, "allowance-02-district")
    page.close()

    # -- the teacher reads why and what to fix ----------------------------------------------
    page = sign_in(browser, base, teacher.user.username)
    page.goto(base + reverse("allowance:mine"))
    main = page.locator("main")
    expect(main).to_contain_text(
        tr("You are not eligible for the professional allowance in semester %(semester)s.")
        % {"semester": SEMESTER}
    )
    expect(main).to_contain_text(tr("What to fix"))
    expect(main).to_contain_text("Tambah 6 JP per minggu dalam 180")
    expect(main).to_contain_text("18 JP dihitung, di bawah 24: kurang 6 JP.")
    browser_shot(page, "allowance-03-my-allowance")
    page.close()
