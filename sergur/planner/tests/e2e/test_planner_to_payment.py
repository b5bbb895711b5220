"""End to end in headless Chromium, issue 13's story: a certified teacher short of hours
reads why on "My allowance"; another school records a class no teacher teaches; the district
committee runs the planner and accepts its proposal for the teacher; the other school
confirms its part again; the teacher is eligible; the finance officer issues the SKTP, which
lists the teacher, and a payment run pays them once, a repeated run nothing
(docs/allowance.md, "Teaching-load planner", "SKTP and payments").

The pages are read in Indonesian, as the people of a district read them. Set
SERGUR_SCREENSHOTS=docs/screenshots to keep the screenshots (planner-*.png); every key page
passes axe-core (`shot`)."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from sergur.allowance.models import OpenHours, SemesterEligibility
from sergur.allowance.services import eligibility_compute, teacher_semester_set
from sergur.allowance.tests.support import certified, line, operator_of, other_school, own_school
from sergur.allowance.views.school import CONFIRMED, SAVED
from sergur.common.tests.browser import shot as browser_shot
from sergur.common.tests.browser import sign_in as browser_sign_in
from sergur.common.tests.browser import submit
from sergur.conftest import PASSWORD, Cast
from sergur.payments.models import PaymentEntry
from sergur.payments.tests.support import finance, profile
from sergur.planner.models import PlanDecision, PlanRun
from sergur.planner.tests.support import place
from sergur.planner.views import ACCEPTED
from sergur.registry.models import Subject

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

expect.set_options(timeout=30_000)

SEMESTER = "2019-1"


def tr(text: Any) -> str:
    """A source string (or lazy constant) as the pages show it in Indonesian."""
    with translation.override("id"):
        return translation.gettext(str(text))


def sign_in(browser: Any, base: str, username: str) -> Any:
    return browser_sign_in(browser, base, username, PASSWORD)


def shot(page: Any, name: str) -> None:
    browser_shot(page, f"planner-{name}")


def test_a_short_teacher_is_given_hours_by_the_plan_and_paid_once(
    browser: Any, live_server: Any, cast: Cast
) -> None:
    base = live_server.url
    home, away = own_school(cast), other_school(cast)
    place(home, "-7.8880", "110.3290")
    place(away, "-7.8880", "110.3560")  # 3 km east
    home_operator = operator_of(home)
    away_operator = operator_of(away, "operator_away")
    teacher = certified(cast)
    assert teacher.user is not None
    for label in ("VII A", "VII B", "VII C"):
        line(teacher, home, home_operator, 6, label=label, pupils=30, semester=SEMESTER)
    teacher_semester_set(
        school=home,
        semester=SEMESTER,
        teacher=teacher,
        pkg="baik",
        employed_elsewhere=False,
        employer="",
        actor=home_operator,
    )
    assert cast.dinas.district is not None
    eligibility_compute(cast.dinas.district, SEMESTER, by=cast.dinas)

    # -- the teacher reads why they are short ---------------------------------------------------
    page = sign_in(browser, base, teacher.user.username)
    page.goto(f"{base}{reverse('allowance:mine')}?semester={SEMESTER}")
    main = page.locator("main")
    expect(main).to_contain_text(
        tr("You are not eligible for the professional allowance in semester %(semester)s.")
        % {"semester": SEMESTER}
    )
    expect(main).to_contain_text("18 JP dihitung, di bawah 24: kurang 6 JP.")
    shot(page, "01-short")
    page.close()

    # -- the other school records a class no teacher teaches -----------------------------------
    page = sign_in(browser, base, away_operator.username)
    page.goto(f"{base}{reverse('allowance:school', args=[away.pk])}?semester={SEMESTER}")
    form = page.locator("form:has(input[name=action][value=open])")
    form.locator("input[name=open-class_label]").fill("VIII C")
    form.locator("select[name=open-subject]").select_option(str(Subject.objects.get(code="180").pk))
    form.locator("input[name=open-hours]").fill("6")
    form.locator("input[name=open-pupils]").fill("28")
    submit(page, form.locator("button[type=submit]"))
    expect(page.locator("main")).to_contain_text(tr(SAVED))
    expect(page.locator("main")).to_contain_text("VIII C")
    shot(page, "02-open-hours")
    page.close()

    # -- the district committee runs the planner and accepts the proposal ---------------------
    page = sign_in(browser, base, "dinas")
    page.goto(base + reverse("planner:home"))
    page.fill("#id_semester", SEMESTER)
    submit(page, page.locator(f"form[action$='{reverse('planner:start')}'] button[type=submit]"))
    run = PlanRun.objects.get()
    assert run.state == PlanRun.State.DONE  # computed inline after the commit
    page.goto(base + reverse("planner:run", args=[run.pk]))
    row = page.locator(f"tr#teacher-{teacher.pk}")
    expect(row).to_contain_text("VIII C 180: 6 JP, 3,0 km")
    shot(page, "03-proposal")
    submit(page, row.locator("button[name=action][value=accept]"))
    expect(page.locator("main")).to_contain_text(tr(ACCEPTED))
    expect(page.locator(f"tr#teacher-{teacher.pk}")).not_to_contain_text(
        tr("Accept the ticked hours")
    )
    shot(page, "04-accepted")
    page.close()
    assert PlanDecision.objects.get().outcome == PlanDecision.Outcome.ACCEPTED
    assert OpenHours.objects.get().filled_by == teacher

    # -- the other school sees the teacher's line and confirms its part again ----------------
    page = sign_in(browser, base, away_operator.username)
    page.goto(base + reverse("notifications:inbox"))
    expect(page.locator("main")).to_contain_text(f"{SEMESTER} #")
    page.goto(f"{base}{reverse('allowance:school', args=[away.pk])}?semester={SEMESTER}")
    expect(page.locator("main table").first).to_contain_text(teacher.name)
    submit(page, page.get_by_role("button", name=tr("Confirm the school's part")))
    expect(page.locator("main")).to_contain_text(tr(CONFIRMED))
    page.close()

    # -- the teacher is eligible ---------------------------------------------------------------
    page = sign_in(browser, base, teacher.user.username)
    page.goto(f"{base}{reverse('allowance:mine')}?semester={SEMESTER}")
    expect(page.locator("main")).to_contain_text(
        tr("You are eligible for the professional allowance in semester %(semester)s.")
        % {"semester": SEMESTER}
    )
    expect(page.locator("main")).to_contain_text(away.name)
    shot(page, "05-eligible")
    page.close()
    assert SemesterEligibility.objects.get(teacher=teacher, semester=SEMESTER).eligible

    # -- the finance officer issues the SKTP and pays the quarter once -------------------------
    officer = finance(cast.dinas.district)
    profile(teacher, officer)
    page = sign_in(browser, base, officer.username)
    page.goto(base + reverse("payments:home"))
    page.fill("#id_semester", SEMESTER)
    submit(page, page.locator("form[action$='/payments/sktp/'] button[type=submit]"))
    expect(page.locator("main h1")).to_contain_text("SKTP/")
    expect(page.locator("main table tbody")).to_contain_text(teacher.name)
    shot(page, "06-sktp")
    for _again in range(2):
        page.goto(base + reverse("payments:home"))
        page.fill("#id_quarter", "2019-Q1")
        submit(page, page.locator("form[action$='/payments/runs/'] button[type=submit]"))
    expect(page.locator("main p.notice")).to_be_visible()
    expect(page.locator("main table")).to_have_count(0)
    page.close()
    assert PaymentEntry.objects.filter(teacher=teacher).count() == 3
    assert PaymentEntry.objects.count() == 3
