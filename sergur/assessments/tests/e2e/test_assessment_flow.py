"""End to end in headless Chromium: the rayon admin allocates a submitted portfolio; two
assessors score it blind and disagree beyond the tolerance (one overrides the qualification
with a reason); the rayon admin reconciles (corrects the part with a reason), resolves and
publishes; the teacher reads the decision with every reason, and no assessor's name, on the
case page and files an appeal with grounds.

The pages are read in Indonesian, as a teacher reads them: every expected text is the
source string as the running catalogue translates it (`tr`), so the test follows the
translations as they are added.

Set SERGUR_SCREENSHOTS=docs/screenshots to keep screenshots of the key pages
(assessment-*.png).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from sergur.appeals.models import Appeal
from sergur.appeals.views import FILED
from sergur.assessments.models import Allocation, Correction, Reconciliation, Result, Sheet
from sergur.assessments.tests.support import at_rayon, submit_complete
from sergur.assessments.views.decisions import CORRECTED, PUBLISHED, RESOLVED
from sergur.assessments.views.sheets import SUBMITTED
from sergur.cases.models import Case
from sergur.common.tests.browser import shot as browser_shot
from sergur.common.tests.browser import sign_in as browser_sign_in
from sergur.conftest import PASSWORD, Cast
from sergur.rules.messages import DECISIONS, Lang, number

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The machine is shared with other work: give a page more than the default 5 s to show.
expect.set_options(timeout=20_000)
LANG: Lang = "id"
LINE = "qualifications[0]"
OVERRIDE_REASON = "Ijazah S1 tidak sebidang dengan mata pelajaran yang diampu"
CORRECTION_REASON = "Ijazah S1 Pendidikan Matematika sebidang: dinilai penuh bersama"
GROUNDS = "Saya keberatan: skor pelaksanaan pembelajaran lebih rendah dari bukti saya."
# Names to look for: the cast's assessors are all called "Demo" otherwise.
NAMES = {
    "asesor": ("Bambang", "Sutrisno"),
    "asesor2": ("Wahyuni", "Lestari"),
    "asesor3": ("Hendra", "Gunawan"),
}


def tr(text: Any, **values: Any) -> str:
    """A source string (or lazy constant) as the pages show it in Indonesian."""
    with translation.override(LANG):
        out = translation.gettext(text) if isinstance(text, str) else text
        # Formatted inside the override: a counted (ngettext_lazy) constant picks its form then.
        return str(out % values) if values else str(out)


def ntr(singular: str, plural: str, count: int) -> str:
    """A counted source string as the pages show it in Indonesian."""
    with translation.override(LANG):
        return translation.ngettext(singular, plural, count) % {"count": count}


def points(value: Decimal) -> str:
    return number(value, LANG)


def shot(page: Any, name: str) -> None:
    browser_shot(page, f"assessment-{name}")


def sign_in(browser: Any, base: str, username: str) -> Any:
    return browser_sign_in(browser, base, username, PASSWORD)


def score_sheet(browser: Any, base: str, allocation: Allocation, **override: str) -> Any:
    """The assessor opens the sheet from the worklist, scores every RPP item 4, overrides
    a line if told, saves, confirms and submits; returns the page on the submitted sheet."""
    page = sign_in(browser, base, allocation.assessor.user.username)
    page.goto(base + reverse("assessments:worklist"))
    row = page.locator("table.worklist tbody tr")
    expect(row).to_have_count(1)
    expect(row.locator(".sheet-status")).to_have_text(tr("Not started"))
    row.get_by_role("link", name=tr("Open sheet")).click()
    expect(page.locator("h1")).to_have_text(tr("Scoring sheet"))

    items = page.locator("table.rpp-form select")
    assert items.count() == 5 * 8  # five lesson plans, eight items each
    for index in range(items.count()):
        items.nth(index).select_option("4")
    if override:
        page.fill(f"input[name='points:{LINE}']", override["points"])
        page.fill(f"input[name='reason:{LINE}']", override["reason"])
    page.click("button[name=action][value=submit]")

    # The confirmation shows what will be submitted: the overridden lines and the outcome.
    expect(page.locator("h1")).to_have_text(tr("Submit this scoring sheet?"))
    if override:
        expect(page.locator("article")).to_contain_text(override["reason"])
    else:
        expect(page.locator("article")).to_contain_text(tr("None: every suggestion confirmed."))
    expect(page.locator("article .sheet-decision code")).to_have_text("MPLPG")
    page.get_by_role("button", name=tr("Yes, submit")).click()

    expect(page.locator("main")).to_contain_text(tr(SUBMITTED))
    expect(page.locator("main")).to_contain_text(
        tr("This sheet was submitted and can no longer be changed.")
    )
    expect(page.locator("main select, main input[name^='points:']")).to_have_count(0)  # locked
    sheet = Sheet.objects.get(allocation=allocation)
    assert sheet.submitted_at is not None and sheet.total is not None
    expect(page.locator("table.sheet-outcome tfoot strong")).to_have_text(points(sheet.total))
    return page


def test_two_assessors_disagree_the_rayon_reconciles_and_the_teacher_appeals(
    browser: Any, live_server: Any, cast: Cast, settings: Any, tmp_path: Path
) -> None:
    settings.SERGUR_SIGNING_KEY_FILE = str(tmp_path / "key.pem")
    settings.MEDIA_ROOT = str(tmp_path / "media")
    base = live_server.url
    for user in (cast.asesor, cast.asesor2, cast.asesor3):
        user.first_name, user.last_name = NAMES[user.username]
        user.save(update_fields=["first_name", "last_name"])
    case = at_rayon(submit_complete(cast.sri_case, cast))
    teacher_name = case.teacher.name

    # -- the rayon admin allocates ---------------------------------------------------------
    admin = sign_in(browser, base, "rayon")
    admin.goto(base + reverse("assessments:rayon"))
    waiting = admin.locator("section[aria-labelledby=waiting-heading]")
    expect(waiting.locator("tbody tr")).to_have_count(1)
    expect(waiting.locator("tbody tr")).to_contain_text(teacher_name)
    shot(admin, "01-rayon-waiting")
    waiting.locator("button[type=submit]").click()
    expect(admin.locator("main")).to_contain_text(
        ntr(
            "%(count)d portfolio allocated to two assessors.",
            "%(count)d portfolios allocated to two assessors.",
            1,
        )
    )
    expect(admin.locator("main")).to_contain_text(tr("No portfolio is waiting for assessors."))
    allocations = {a.slot: a for a in Allocation.objects.filter(case=case, round=1)}
    assert sorted(allocations) == [Allocation.Slot.FIRST, Allocation.Slot.SECOND]
    first, second = allocations[Allocation.Slot.FIRST], allocations[Allocation.Slot.SECOND]
    assessors = [a.assessor for a in (first, second)]
    assessed = admin.locator("section[aria-labelledby=assessed-heading] tbody tr")
    expect(assessed).to_have_count(1)
    for assessor in assessors:  # the rayon admin sees who assesses
        expect(assessed).to_contain_text(assessor.user.get_full_name())
    expect(assessed).to_contain_text(tr(Case.State.IN_ASSESSMENT.label))
    shot(admin, "02-rayon-allocated")

    # -- assessor 1 scores and submits; nothing of the other sheet is shown -------------------
    one = score_sheet(browser, base, first)
    expect(one.locator("#others-heading")).to_have_count(0)
    shot(one, "03-sheet-submitted-blind")
    one.close()

    # -- assessor 2 overrides the qualification with a reason and submits ---------------------
    sheet_one = Sheet.objects.get(allocation=first)
    suggested = Decimal(sheet_one.parts["qualification"])  # the rules' points, confirmed
    two = score_sheet(browser, base, second, points=points(suggested / 2), reason=OVERRIDE_REASON)
    sheet_two = Sheet.objects.get(allocation=second)
    assert sheet_one.total is not None and sheet_two.total is not None
    assert sheet_one.total - sheet_two.total == suggested / 2  # beyond the tolerance of 30
    # Both are in: the other sheet is shown by its place, never by its assessor's name.
    others = two.locator("section[aria-labelledby=others-heading]")
    expect(others).to_contain_text(points(sheet_one.total))
    for assessor in assessors:
        expect(two.locator("main")).not_to_contain_text(assessor.user.last_name)
    shot(two, "04-sheet-both-submitted")
    two.close()
    case.refresh_from_db()
    assert case.state == Case.State.RECONCILIATION

    # -- the rayon admin reconciles: corrects the part with a reason, resolves ----------------
    reconciliation = Reconciliation.objects.get(case=case, round=1)
    admin.goto(base + reverse("assessments:decisions"))
    in_reconciliation = admin.locator("section[aria-labelledby=rec-heading]")
    in_reconciliation.get_by_role("link", name=teacher_name).click()
    expect(admin.locator("h1")).to_have_text(tr("Reconciliation"))
    why = admin.locator("section[aria-labelledby=why-heading]")
    for reason in reconciliation.reasons[LANG]:
        expect(why).to_contain_text(reason)
    parts = admin.locator("table.reconcile-parts")
    qualification = parts.locator("tbody tr").first
    expect(qualification.locator("th")).to_contain_text("≠")  # the part the two differ on
    expect(qualification.locator("td").nth(2)).to_have_text(points(suggested * 3 / 4))  # mean
    expect(parts).to_contain_text(OVERRIDE_REASON)  # assessor 2's override and its reason
    for assessor in assessors:
        expect(admin.locator("main")).not_to_contain_text(assessor.number)
    shot(admin, "05-reconciliation")

    correct = admin.locator("section[aria-labelledby=correct-heading] form")
    correct.locator("select[name=part-part]").select_option("qualification")
    correct.locator("select[name=part-line]").select_option(LINE)
    correct.locator("input[name=part-after]").fill(str(suggested))
    correct.locator("textarea[name=part-reason]").fill(CORRECTION_REASON)
    correct.locator("button[type=submit]").click()
    expect(admin.locator("main")).to_contain_text(tr(CORRECTED))
    expect(qualification.locator("td").nth(2)).to_have_text(points(suggested))
    log = admin.locator("section[aria-labelledby=log-heading] tbody tr")
    expect(log).to_have_count(1)
    expect(log).to_contain_text(CORRECTION_REASON)
    expect(log).not_to_contain_text(LINE)  # the line by its evidence code, not its path
    # The working total is now assessor 1's: every other part was scored alike.
    resolve = admin.locator("section[aria-labelledby=resolve-heading]")
    expect(resolve).to_contain_text(points(sheet_one.total))
    shot(admin, "06-reconciliation-corrected")
    resolve.get_by_role("button").click()

    expect(admin.locator("main")).to_contain_text(tr(RESOLVED))
    awaiting = admin.locator("section[aria-labelledby=await-heading]")
    expect(awaiting.locator("tbody tr")).to_have_count(1)
    expect(awaiting.locator("tbody tr")).to_contain_text(teacher_name)
    expect(awaiting.locator(".decision-code")).to_have_text("MPLPG")
    expect(admin.locator("section[aria-labelledby=rec-heading]")).to_contain_text(
        tr("No case is in reconciliation.")
    )
    shot(admin, "07-decisions-awaiting")
    awaiting.get_by_label(teacher_name).check()
    awaiting.get_by_role("button", name=tr("Publish selected")).click()
    expect(admin.locator("main")).to_contain_text(tr(PUBLISHED, count=1))
    published = admin.locator("section[aria-labelledby=pub-heading] tbody tr")
    expect(published).to_have_count(1)
    expect(published).to_contain_text(teacher_name)
    shot(admin, "08-decisions-published")
    admin.close()

    result = Result.objects.get(case=case, current=True)
    assert result.source == Result.Source.JOINT and result.published_at is not None
    assert result.total == sheet_one.total
    assert Correction.objects.get(reconciliation=reconciliation).reason == CORRECTION_REASON

    # -- the teacher reads the decision and appeals ----------------------------------------
    teacher = sign_in(browser, base, "sri")
    teacher.goto(base + reverse("portfolios:case", args=[case.pk]))
    panel = teacher.locator("section.result-panel")
    expect(panel.locator(".decision-code")).to_have_text("MPLPG")
    expect(panel).to_contain_text(DECISIONS["MPLPG"][LANG])
    expect(panel).to_contain_text(points(result.total))
    reasons = panel.locator("ul.reasons li")
    expect(reasons).to_have_count(len(result.reasons[LANG]))
    for reason in result.reasons[LANG]:
        expect(panel).to_contain_text(reason)
    page_text = teacher.locator("body").inner_text()
    for assessor in assessors:  # no assessor's name or number anywhere on the page
        for secret in (*assessor.user.get_full_name().split(), assessor.number):
            assert secret not in page_text, secret
    assert OVERRIDE_REASON not in page_text  # nor one assessor's own note
    shot(teacher, "09-teacher-decision")
    response = teacher.goto(base + reverse("assessments:sheet", args=[first.pk]))
    assert response is not None and response.status == 404  # the sheets stay closed to her
    teacher.goto(base + reverse("portfolios:case", args=[case.pk]))

    appeal_panel = teacher.locator("section.appeal-panel")
    expect(appeal_panel).to_contain_text(tr("The decision may be appealed until"))
    appeal_panel.get_by_role("button", name=tr("Appeal against the decision")).click()
    expect(teacher.locator("h1")).to_have_text(tr("Appeal against the decision"))
    teacher.fill("textarea[name=grounds]", GROUNDS)
    shot(teacher, "10-appeal-form")
    teacher.get_by_role("button", name=tr("File the appeal")).click()

    expect(teacher.locator("main")).to_contain_text(tr(FILED))
    appeal_panel = teacher.locator("section.appeal-panel")
    expect(appeal_panel.locator("article.appeal")).to_have_count(1)
    expect(appeal_panel.locator(".appeal-grounds")).to_have_text(GROUNDS)
    expect(appeal_panel.locator(".appeal-status")).to_have_text(tr(Appeal.Status.FILED.label))
    expect(
        appeal_panel.get_by_role("button", name=tr("Appeal against the decision"))
    ).to_have_count(0)  # one appeal per decision
    shot(teacher, "11-teacher-appeal-filed")
    teacher.close()
    appeal = Appeal.objects.get(case=case)
    assert appeal.result == result and appeal.grounds == GROUNDS
