"""Issue 15's story end to end in headless Chromium, across the PKG, PKB, KKG and quality
pages. Sri is certified; her district holds her rank (III/a) and registered her cluster's KKG,
which elected her its coordinator.

1. Her principal appraises her: an observation with its discussions before and after, every
   indicator scored (competency 07 with nothing shown: below standard), sent to her.
2. Sri reads the result and signs it.
3. The principal finds, on the PKB worklist, that her appraisal waits for a remedial plan and
   opens it; Sri is told in her inbox. The principal and the supervisor countersign: final.
4. Sri runs a KKG package: plans its three meetings, takes the attendance of each (she and
   Budi attend), stores its output and its report; she records the package as a PKB activity
   with its output as the evidence.
5. Her principal accepts it; Sri's PKB page shows her credits moved towards III/b.
6. The quality-assurance page shows Sri below standard, on her remedial plan.

The pages are read in Indonesian, as a teacher reads them (`tr`)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
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
from sergur.development.models import Activity, Plan
from sergur.development.selectors import teacher_progress
from sergur.development.tests.support import standing
from sergur.development.views.pages import PLAN_OPENED, RECORDED, VERIFIED
from sergur.kkg.models import Meeting, Package
from sergur.kkg.tests.support import cluster
from sergur.kkg.views.programme import (
    ATTENDANCE_SAVED,
    MEETING_ADDED,
    OUTPUT_ADDED,
    PACKAGE_ADDED,
    REPORT_SAVED,
)
from sergur.notifications.models import Kind
from sergur.portfolios.tests.teacher_support import pdf_bytes
from sergur.rules.appraisal import instrument
from sergur.rules.messages import number

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

expect.set_options(timeout=20_000)


def tr(text: Any) -> str:
    """A source string (or lazy constant) as the pages show it in Indonesian."""
    with translation.override("id"):
        return translation.gettext(str(text))


def sign_in(browser: Any, base: str, username: str) -> Any:
    return browser_sign_in(browser, base, username, PASSWORD)


def counted(cast: Cast, year: int) -> Decimal:
    """Sri's credit that counts towards III/b, as her PKB page computes it."""
    balance = teacher_progress(teacher=cast.sri.teacher, year=year).balance
    assert balance is not None
    return balance.counted


def appraise(page: Any, base: str, cast: Cast, year: int) -> None:
    """The principal assigns themself, opens Sri's PKG, observes and scores it, sends it."""
    page.goto(base + reverse("appraisal:home"))
    form = page.locator("form[action$='/pkg/assign/']")
    form.locator("select[name=teacher]").select_option(str(cast.sri.teacher.pk))
    form.locator("select[name=appraiser]").select_option(str(cast.pak_kepala.pk))
    form.locator("input[name=year]").fill(str(year))
    submit(page, form.locator("button[type=submit]"))
    expect(page.locator("main")).to_contain_text(tr(ASSIGNED))
    submit(page, page.get_by_role("button", name=tr("Open the appraisal")))
    expect(page.locator("main")).to_contain_text(tr(OPENED))
    observe = page.locator("form[action$='/observations/']")
    observe.locator("input[name=observed_on]").fill(f"{year}-08-03")
    observe.locator("textarea[name=pre_discussion]").fill("RPP dan tujuan pembelajaran dibahas")
    observe.locator("textarea[name=notes]").fill("Kelas IV, kerja kelompok tematik")
    observe.locator("textarea[name=post_discussion]").fill("Penilaian proses perlu dilatih")
    submit(page, observe.locator("button[type=submit]"))
    expect(page.locator("main")).to_contain_text(tr(OBSERVED))
    scores = page.locator("form[action$='/scores/']")
    for competency in instrument("pkg-teacher").competencies:
        points = "0" if competency.key == "07" else "2"
        for indicator in range(1, competency.indicators + 1):
            box = f"input[name=p_{competency.key}_{indicator}][value='{points}']"
            scores.locator(box).check()
    scores.locator("input[name=teaching_hours]").fill("24")
    submit(page, scores.get_by_role("button", name=tr("Save and send to the teacher")))
    expect(page.locator("main")).to_contain_text(tr(SUBMITTED))


def run_package(page: Any, base: str, group_pk: int, year: int, tmp_path: Path) -> Package:
    """Sri, the coordinator, adds a package, plans and holds its three meetings, stores its
    output and its report."""
    group_page = base + reverse("kkg:group", args=[group_pk]) + f"?year={year}"
    page.goto(group_page)
    add = page.locator("form[action$='/packages/']")
    add.locator("input[name=year]").fill(str(year))
    add.locator("input[name=topic]").fill("Penilaian autentik kelas IV")
    add.locator("select[name=output_kind]").select_option("assessment")
    add.locator("input[name=planned_meetings]").fill("3")
    submit(page, add.locator("button[type=submit]"))
    expect(page.locator("main")).to_contain_text(tr(PACKAGE_ADDED))
    package = Package.objects.get(group_id=group_pk)
    section = page.locator(f"#package-{package.pk}")
    for week in range(3):
        page.goto(group_page)
        section.locator("summary").click()
        plan = section.locator("form[action$='/meetings/']")
        held_on = dt.date(year, 2, 3) + dt.timedelta(weeks=week)
        plan.locator("input[name=held_on]").fill(held_on.isoformat())
        plan.locator("textarea[name=agenda]").fill(f"Pertemuan {week + 1}: instrumen penilaian")
        submit(page, plan.locator("button[type=submit]"))
        expect(page.locator("main")).to_contain_text(tr(MEETING_ADDED))
    for meeting in Meeting.objects.filter(package=package).order_by("held_on"):
        page.goto(base + reverse("kkg:meeting", args=[meeting.pk]))
        for box in page.locator("input[name=present]").all():
            box.check()  # Sri and Budi
        submit(page, page.get_by_role("button", name=tr("Save attendance")))
        expect(page.locator("main")).to_contain_text(tr(ATTENDANCE_SAVED))
    document = tmp_path / "dokumen.pdf"
    document.write_bytes(pdf_bytes())
    page.goto(group_page)
    section.locator("summary").click()
    output = section.locator("form[action$='/outputs/']")
    output.locator("select[name=kind]").select_option("assessment")
    output.locator("input[name=title]").fill("Instrumen penilaian kelas IV")
    output.locator("input[type=file]").set_input_files(str(document))
    submit(page, output.locator("button[type=submit]"))
    expect(page.locator("main")).to_contain_text(tr(OUTPUT_ADDED))
    section.locator("summary").click()
    report = section.locator("form[action$='/report/']")
    report.locator("input[type=file]").set_input_files(str(document))
    submit(page, report.locator("button[type=submit]"))
    expect(page.locator("main")).to_contain_text(tr(REPORT_SAVED))
    return package


def test_a_certified_teacher_after_certification(
    browser: Any, live_server: Any, cast: Cast, tmp_path: Path
) -> None:
    base = live_server.url
    today = timezone.localdate()
    year = today.year
    sri = cast.sri.teacher
    sri.certified = True
    sri.save(update_fields=["certified"])
    standing(cast, pk="20")  # III/a since April 2024: 20 carried, 5 supporting
    group = cluster(cast)  # the district registered it; Sri coordinates, Budi is a member
    start = counted(cast, year)

    # -- 1. the principal appraises Sri -------------------------------------------------------
    head = sign_in(browser, base, "kepala1")
    appraise(head, base, cast, year)
    appraisal = Appraisal.objects.get(teacher=sri, year=year)
    assert appraisal.below_count == 1

    # -- 2. Sri reads the result and signs ----------------------------------------------------
    own = sign_in(browser, base, "sri")
    own.goto(base + reverse("appraisal:home"))
    own.get_by_role("link", name=sri.name).click()
    expect(own.locator("main")).to_contain_text(tr("below standard"))
    expect(own.locator("main")).to_contain_text("Penilaian proses perlu dilatih")
    submit(own, own.get_by_role("button", name=tr("Sign the appraisal")))
    expect(own.locator("main")).to_contain_text(tr(SIGNED))

    # -- 3. the PKB worklist leads the principal to the remedial plan; countersignatures --------
    head.goto(base + reverse("development:worklist"))
    waiting = head.get_by_role(
        "table",
        name=tr("Signed appraisals with competencies below standard and no remedial plan yet"),
    )
    expect(waiting).to_contain_text(str(year))
    browser_shot(head, "after-01-plans-to-open")
    waiting.get_by_role("link", name=sri.name).click()
    remedial = head.locator("form[action$='/remedial/']")
    remedial.locator("textarea[name=goal]").fill("Pendampingan penilaian proses, observasi ulang")
    deadline = today + dt.timedelta(days=90)
    remedial.locator("input[name=deadline]").fill(deadline.isoformat())
    submit(head, remedial.locator("button[type=submit]"))
    expect(head.locator("main")).to_contain_text(tr(PLAN_OPENED))
    plan = Plan.objects.get(teacher=sri)
    assert plan.kind == Plan.Kind.REMEDIAL and plan.appraisal_id == appraisal.pk
    head.goto(base + reverse("appraisal:detail", args=[appraisal.pk]))
    submit(head, head.get_by_role("button", name=tr("Countersign")))
    expect(head.locator("main")).to_contain_text(tr(COUNTERSIGNED))
    supervisor = sign_in(browser, base, "pengawas")
    supervisor.goto(base + reverse("appraisal:detail", args=[appraisal.pk]))
    submit(supervisor, supervisor.get_by_role("button", name=tr("Countersign")))
    expect(supervisor.locator("main")).to_contain_text(tr(COUNTERSIGNED))
    supervisor.close()
    appraisal.refresh_from_db()
    assert appraisal.is_final

    own.goto(base + reverse("notifications:inbox"))
    expect(own.locator("main")).to_contain_text(tr(Kind.PKB_PLAN.label))

    # -- 4. Sri runs the KKG package and records it as PKB ------------------------------------
    package = run_package(own, base, group.pk, year, tmp_path)
    own.goto(base + reverse("development:mine"))
    before = counted(cast, year)
    assert before == start + (appraisal.credit or 0)  # the final appraisal's yearly credit
    expect(own.locator("#pkb-counted")).to_have_text(number(before, "id"))
    form = own.locator("form[action$='/pkb/activities/']")
    form.locator("select[name=kind]").select_option("kkg_package")
    form.locator("input[name=title]").fill("KKG Gugus Melati: penilaian autentik")
    form.locator("select[name=kkg_package]").select_option(str(package.pk))
    form.locator("select[name=kkg_output]").select_option(str(package.outputs.get().pk))
    submit(own, form.locator("button[type=submit]"))
    expect(own.locator("main")).to_contain_text(tr(RECORDED))

    # -- 5. the principal accepts it: the credits move towards III/b --------------------------
    head.goto(base + reverse("development:worklist"))
    waiting = head.get_by_role("table", name=tr("Activities waiting for your verification"))
    waiting.get_by_role("link", name=sri.name).click()
    verify = head.locator("form[action$='/verify/']")
    verify.get_by_label(tr("Accept")).check()
    submit(head, verify.locator("button[type=submit]"))
    expect(head.locator("main")).to_contain_text(tr(VERIFIED))
    assert Activity.objects.get(teacher=sri).state == Activity.State.VERIFIED
    own.goto(base + reverse("development:mine"))
    after = counted(cast, year)
    assert after == before + Decimal("0.15")  # docs/sources/domain.md §7.4: a package
    expect(own.locator("#pkb-counted")).to_have_text(number(after, "id"))
    expect(own.locator("main")).to_contain_text(tr("Remedial"))
    browser_shot(own, "after-02-pkb-progress")

    # -- 6. quality assurance: Sri below standard, on her remedial plan -----------------------
    head.goto(base + reverse("quality:overview"))
    row = head.locator("section[aria-labelledby=below] tr").filter(has_text=sri.name)
    expect(row).to_have_count(1)
    open_until = tr("open until %(date)s").split("%(date)s")[0].strip()
    expect(row).to_contain_text(open_until)
    browser_shot(head, "after-03-quality")
    head.close()
    own.close()
