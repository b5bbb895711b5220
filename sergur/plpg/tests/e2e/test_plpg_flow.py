"""End to end in headless Chromium: an MPLPG teacher is placed in a class by the rayon admin,
who gives the class its instructor and venue; the instructor takes attendance, scores peer
teaching (the 3rd appearance is the practical exam) and the parts, the teacher fails the
written test, and passes its retake; the teacher reads the result per part on their PLPG page.

The pages are read in Indonesian, as a teacher reads them (`tr`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from sergur.cases.models import Case
from sergur.common.tests.browser import shot as browser_shot
from sergur.common.tests.browser import sign_in as browser_sign_in
from sergur.common.tests.browser import submit
from sergur.conftest import PASSWORD, Cast
from sergur.plpg.models import Participant, PlpgClass
from sergur.plpg.services import plpg_session_add
from sergur.plpg.tests.support import instructor, publish_mplpg
from sergur.plpg.views.participants import PEER_SCORED, SCORED
from sergur.plpg.views.rayon import PROPOSED

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

expect.set_options(timeout=20_000)
DAY = dt.date(2008, 7, 1)


def tr(text: Any, **values: Any) -> str:
    """A source string (or lazy constant) as the pages show it in Indonesian."""
    with translation.override("id"):
        out = translation.gettext(str(text)) if isinstance(text, str) else str(text)
    return out % values if values else out


def sign_in(browser: Any, base: str, username: str) -> Any:
    return browser_sign_in(browser, base, username, PASSWORD)


def score(page: Any, part: str, value: str) -> None:
    form = page.locator("form[action$='/scores/']")
    form.locator("select[name=part]").select_option(part)
    form.locator("input[name=score]").fill(value)
    submit(page, form.locator("button[type=submit]"))


def test_an_mplpg_teacher_fails_the_written_test_and_passes_the_retake(
    browser: Any, live_server: Any, cast: Cast
) -> None:
    base = live_server.url
    publish_mplpg(cast.sri_case, "071234560001")
    rayon = cast.rayon_admin.rayon
    assert rayon is not None
    teacher = instructor("instruktur", rayon)

    # -- the rayon admin forms the class and gives it its instructor and venue --------------
    admin = sign_in(browser, base, "rayon")
    admin.goto(base + reverse("plpg:rayon"))
    submit(admin, admin.get_by_role("button", name=tr("Form the classes")))
    with translation.override("id"):
        formed = str(PROPOSED % {"count": 1})
    expect(admin.locator("main")).to_contain_text(formed)
    plpg_class = PlpgClass.objects.get()
    admin.get_by_role("link", name=str(plpg_class)).click()
    settings_form = admin.locator("form[action$='/update/']")
    settings_form.locator("select[name=instructor]").select_option(str(teacher.pk))
    settings_form.locator("input[name=venue]").fill("Gedung PLPG, Kampus Karangmalang")
    settings_form.locator("input[name=starts_on]").fill(DAY.isoformat())
    settings_form.locator("input[name=ends_on]").fill((DAY + dt.timedelta(days=9)).isoformat())
    submit(admin, settings_form.locator("button[type=submit]"))
    expect(admin.locator("main")).to_contain_text(tr("The class is saved."))
    browser_shot(admin, "plpg-01-class")
    admin.close()
    for n in range(10):  # the timetable: 10 days of 9 JP
        plpg_session_add(
            plpg_class=plpg_class,
            day=DAY + dt.timedelta(days=n),
            starts_at=dt.time(8),
            topic=f"Sesi {n + 1}",
            jp=9,
            actor=cast.rayon_admin,
        )
    participant = Participant.objects.get(case=cast.sri_case)

    # -- the instructor takes attendance and scores -----------------------------------------
    page = sign_in(browser, base, "instruktur")
    page.goto(base + reverse("plpg:classes"))
    page.get_by_role("link", name=str(plpg_class)).click()
    for index in range(10):
        form = page.locator("form[action$='/attendance/']").nth(index)
        form.locator("input[name=present]").check()
        submit(page, form.locator("button[type=submit]"))
        expect(page.locator("main")).to_contain_text(
            tr("Attendance saved: %(count)s present.", count=1)
        )
    page.goto(base + reverse("plpg:participant", args=[participant.pk]))
    for number in (1, 2, 3):
        form = page.locator("form[action$='/peer-teaching/']")
        form.locator("input[name=number]").fill(str(number))
        form.locator("input[name=plan_discussed]").check()
        form.locator("input[name=plan_score]").fill("80")
        form.locator("input[name=teaching_score]").fill("82")
        submit(page, form.locator("button[type=submit]"))
        expect(page.locator("main")).to_contain_text(tr(PEER_SCORED))
    for part in ("HW", "SP", "SS"):
        score(page, part, "78")
    score(page, "SUT", "60")  # the written test fails
    expect(page.locator("main")).to_contain_text(tr(SCORED))
    expect(page.locator("ul.reasons")).to_contain_text("SUT: nilai 60 di bawah batas lulus 70")
    expect(page.locator("ul.reasons")).to_contain_text("Ujian ulang SUT (ujian ulang ke-1 dari 2)")
    browser_shot(page, "plpg-02-retake")
    score(page, "SUT", "75")  # the retake passes
    expect(page.locator("ul.reasons")).to_contain_text("Lulus PLPG")
    page.close()
    cast.sri_case.refresh_from_db()
    assert cast.sri_case.state == Case.State.PLPG_PASSED

    # -- the teacher reads the result --------------------------------------------------------
    own = sign_in(browser, base, "sri")
    own.goto(base + reverse("plpg:participants"))
    expect(own.locator("h1")).to_contain_text(cast.sri_case.teacher.name)
    expect(own.locator("main")).to_contain_text("Gedung PLPG, Kampus Karangmalang")
    expect(own.locator("main")).to_contain_text(tr(Participant.Status.PASSED.label))
    expect(own.get_by_role("link", name=tr("Invitation letter (PDF)"))).to_be_visible()
    browser_shot(own, "plpg-03-teacher")
    own.close()
