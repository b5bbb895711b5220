"""End to end in headless Chromium: the principal assigns themself as Sri's appraiser, opens
her PKG, records an observation with its discussions, scores every indicator with evidence
(one competency low) and sends it; Sri reads the result step by step (a competency below
standard) and signs it; the principal and the supervisor countersign and the result is final.

The pages are read in Indonesian, as a teacher reads them (`tr`)."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from playwright.sync_api import expect

from sergur.appraisal.models import Appraisal
from sergur.appraisal.views import ASSIGNED, COUNTERSIGNED, OBSERVED, OPENED, SIGNED, SUBMITTED
from sergur.common.tests.browser import shot as browser_shot
from sergur.common.tests.browser import sign_in as browser_sign_in
from sergur.common.tests.browser import submit
from sergur.conftest import PASSWORD, Cast
from sergur.rules.appraisal import instrument

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

expect.set_options(timeout=20_000)


def tr(text: Any) -> str:
    """A source string (or lazy constant) as the pages show it in Indonesian."""
    with translation.override("id"):
        return translation.gettext(str(text))


def sign_in(browser: Any, base: str, username: str) -> Any:
    return browser_sign_in(browser, base, username, PASSWORD)


def test_the_principal_appraises_a_teacher_who_signs(
    browser: Any, live_server: Any, cast: Cast
) -> None:
    base = live_server.url
    year = timezone.localdate().year
    teacher = cast.sri.teacher

    # -- the principal assigns themself and opens the appraisal ----------------------------
    page = sign_in(browser, base, "kepala1")
    page.goto(base + reverse("appraisal:home"))
    form = page.locator("form[action$='/pkg/assign/']")
    form.locator("select[name=teacher]").select_option(str(teacher.pk))
    form.locator("select[name=appraiser]").select_option(str(cast.pak_kepala.pk))
    form.locator("input[name=year]").fill(str(year))
    submit(page, form.locator("button[type=submit]"))
    expect(page.locator("main")).to_contain_text(tr(ASSIGNED))
    submit(page, page.get_by_role("button", name=tr("Open the appraisal")))
    expect(page.locator("main")).to_contain_text(tr(OPENED))
    browser_shot(page, "pkg-01-form")

    # -- an observation with its discussions, then every indicator -------------------------
    observe = page.locator("form[action$='/observations/']")
    observe.locator("input[name=observed_on]").fill(f"{year}-08-03")
    observe.locator("textarea[name=pre_discussion]").fill("RPP dan tujuan dibahas")
    observe.locator("textarea[name=notes]").fill("Kelas VIII-A, diskusi kelompok")
    observe.locator("textarea[name=post_discussion]").fill("Umpan balik tentang penilaian")
    submit(page, observe.locator("button[type=submit]"))
    expect(page.locator("main")).to_contain_text(tr(OBSERVED))
    scores = page.locator("form[action$='/scores/']")
    for competency in instrument("pkg-teacher").competencies:
        points = "0" if competency.key == "07" else "2"
        for number in range(1, competency.indicators + 1):
            scores.locator(f"input[name=p_{competency.key}_{number}][value='{points}']").check()
    scores.locator("input[name=e_01_1]").fill("Daftar karakteristik siswa")
    scores.locator("input[name=teaching_hours]").fill("24")
    submit(page, scores.get_by_role("button", name=tr("Save and send to the teacher")))
    expect(page.locator("main")).to_contain_text(tr(SUBMITTED))
    # 13 × 4 + 1 = 53 of 56 → 94.64 (shown 94,64) → 95, Amat Baik.
    expect(page.locator("main")).to_contain_text("53/56 × 100 = 94,64 → 95")
    page.close()

    # -- the teacher reads every step and signs ---------------------------------------------
    appraisal = Appraisal.objects.get(teacher=teacher)
    own = sign_in(browser, base, "sri")
    own.goto(base + reverse("appraisal:home"))
    own.get_by_role("link", name=teacher.name).click()
    expect(own.locator("main")).to_contain_text("Amat Baik (AB)")
    expect(own.locator("main")).to_contain_text(tr("below standard"))
    expect(own.locator("main")).to_contain_text("Kelas VIII-A, diskusi kelompok")
    browser_shot(own, "pkg-02-result")
    submit(own, own.get_by_role("button", name=tr("Sign the appraisal")))
    expect(own.locator("main")).to_contain_text(tr(SIGNED))
    own.close()

    # -- the principal, then the supervisor, countersign ------------------------------------
    for username in ("kepala1", "pengawas"):
        signer = sign_in(browser, base, username)
        signer.goto(base + reverse("appraisal:detail", args=[appraisal.pk]))
        submit(signer, signer.get_by_role("button", name=tr("Countersign")))
        expect(signer.locator("main")).to_contain_text(tr(COUNTERSIGNED))
        signer.close()
    appraisal.refresh_from_db()
    assert appraisal.is_final and appraisal.category == "AB"
