"""End to end in headless Chromium: Sri, the coordinator of her cluster's KKG, takes the
attendance of the package's last meeting and uploads its report; she records the package as
a PKB activity; her principal accepts it and opens the remedial plan of her appraisal, whose
competencies 3 and 13 are below standard; her credits move towards III/b.

The pages are read in Indonesian, as a teacher reads them (`tr`)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from sergur.appraisal.tests.support import finalised, scored
from sergur.common.tests.browser import shot as browser_shot
from sergur.common.tests.browser import sign_in as browser_sign_in
from sergur.common.tests.browser import submit
from sergur.conftest import PASSWORD, Cast
from sergur.development.models import Activity, Plan
from sergur.development.selectors import teacher_progress
from sergur.development.tests.support import standing
from sergur.kkg.models import Meeting
from sergur.kkg.services import meeting_add
from sergur.kkg.tests.support import DAY, cluster, held_package
from sergur.portfolios.tests.teacher_support import pdf_bytes
from sergur.rules.messages import number

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

expect.set_options(timeout=20_000)


def tr(text: str) -> str:
    """A source string as the pages show it in Indonesian."""
    with translation.override("id"):
        return translation.gettext(text)


def counted(cast: Cast) -> Decimal:
    """Sri's credit that counts towards III/b (carried, supporting, her final appraisal's
    yearly credit and her verified activities)."""
    balance = teacher_progress(teacher=cast.sri.teacher, year=2026).balance
    assert balance is not None
    return balance.counted


def sign_in(browser: Any, base: str, username: str) -> Any:
    return browser_sign_in(browser, base, username, PASSWORD)


def test_a_kkg_package_earns_credit_and_a_low_appraisal_opens_a_remedial_plan(
    browser: Any, live_server: Any, cast: Cast, tmp_path: Path
) -> None:
    base = live_server.url
    standing(cast, pk="20")  # III/a: 20 carried, 5 supporting, no self-development yet
    group = cluster(cast)
    package = held_package(cast, group, meetings=2, report=False)
    last = meeting_add(actor=cast.sri, package=package, held_on=DAY, agenda="Pertemuan 3")
    finalised(cast, scored(cast, low=("03", "13")))

    # -- Sri, the coordinator, takes the last meeting's attendance and uploads the report ----
    sri = sign_in(browser, base, "sri")
    sri.goto(base + reverse("kkg:meeting", args=[last.pk]))
    for box in sri.locator("input[name=present]").all():
        box.check()
    submit(sri, sri.get_by_role("button", name=tr("Save attendance")))
    expect(sri.locator("main")).to_contain_text(tr("Attendance saved: the meeting is held."))
    assert Meeting.objects.get(pk=last.pk).attendance_taken
    report = tmp_path / "laporan.pdf"
    report.write_bytes(pdf_bytes())
    section = sri.locator(f"#package-{package.pk}")
    section.locator("summary").click()
    report_form = section.locator("form[action$='/report/']")
    report_form.locator("input[type=file]").set_input_files(str(report))
    submit(sri, report_form.locator("button[type=submit]"))
    expect(sri.locator("main")).to_contain_text(tr("The report is stored."))
    browser_shot(sri, "pkb-01-kkg-package")

    # -- she records the package as a PKB activity ------------------------------------------
    sri.goto(base + reverse("development:mine"))
    form = sri.locator("form[action$='/pkb/activities/']")
    form.locator("select[name=kind]").select_option("kkg_package")
    form.locator("input[name=title]").fill("KKG Gugus Melati: RPP tematik")
    form.locator("select[name=kkg_package]").select_option(str(package.pk))
    submit(sri, form.locator("button[type=submit]"))
    expect(sri.locator("main")).to_contain_text(
        tr("The activity is recorded and waits for verification.")
    )
    before = counted(cast)
    expect(sri.locator("#pkb-counted")).to_have_text(number(before, "id"))
    browser_shot(sri, "pkb-02-recorded")

    # -- the principal accepts it and opens the remedial plan --------------------------------
    head = sign_in(browser, base, "kepala1")
    head.goto(base + reverse("development:worklist"))
    waiting = head.get_by_role("table", name=tr("Activities waiting for your verification"))
    waiting.get_by_role("link", name=cast.sri.teacher.name).click()
    verify = head.locator("form[action$='/verify/']")
    verify.get_by_label(tr("Accept")).check()
    submit(head, verify.locator("button[type=submit]"))
    expect(head.locator("main")).to_contain_text(tr("The activity is verified."))
    remedial = head.locator("form[action$='/remedial/']")
    remedial.locator("textarea[name=goal]").fill("Pelatihan pengembangan kurikulum, observasi")
    remedial.locator("input[name=deadline]").fill("2031-06-30")
    submit(head, remedial.locator("button[type=submit]"))
    expect(head.locator("main")).to_contain_text(tr("The plan is open."))
    browser_shot(head, "pkb-03-verified")
    assert Activity.objects.get().state == Activity.State.VERIFIED
    assert Plan.objects.get().kind == Plan.Kind.REMEDIAL

    # -- Sri's credits moved towards III/b, and she sees her remedial plan -------------------
    sri.goto(base + reverse("development:mine"))
    after = counted(cast)
    assert after == before + Decimal("0.15")  # docs/sources/domain.md §7.4: a package
    expect(sri.locator("#pkb-counted")).to_have_text(number(after, "id"))
    expect(sri.locator("main")).to_contain_text(tr("Remedial"))
    browser_shot(sri, "pkb-04-progress")
