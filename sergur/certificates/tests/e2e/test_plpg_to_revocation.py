"""End to end in headless Chromium, issue 12's whole story through the pages: an MPLPG teacher
is placed in a class by the rayon admin, who gives it its instructor, dates and timetable; the
instructor takes attendance, scores peer teaching and the parts, the teacher fails the written
test (SUT) and passes its retake; the rayon admin issues the certificate; the teacher downloads
the PAdES-signed PDF; anyone verifies the number on the public page; the rayon admin revokes it
with a reason and the public page says revoked, with the reason.

Only the starting point is set up through services (the published MPLPG decision and the
rayon's instructor register); every step after it is a person on a page, in Indonesian.
Set SERGUR_SCREENSHOTS=docs/screenshots to keep screenshots (story-*.png)."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from playwright.sync_api import expect
from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import async_validate_pdf_signature
from pyhanko_certvalidator import ValidationContext
from pypdf import PdfReader

from sergur.cases.models import Case
from sergur.certificates.documents.keys import ed25519_public, pades_certificate_pem
from sergur.certificates.documents.pdf import KEYWORD, run_async
from sergur.certificates.models import Certificate
from sergur.common.tests.browser import shot as browser_shot
from sergur.common.tests.browser import sign_in as browser_sign_in
from sergur.common.tests.browser import submit
from sergur.conftest import PASSWORD, Cast
from sergur.plpg.models import Participant, PlpgClass
from sergur.plpg.tests.support import instructor, publish_mplpg
from sergur.plpg.views.rayon import PROPOSED
from sergur.rules.certificates import code_verify

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

expect.set_options(timeout=20_000)
DAYS = 10  # the year's 90 JP: 10 days of 9 JP (docs/sources/domain.md §3.1)
REASON = "Ijazah S1 terbukti palsu (surat LPMP)"


def tr(text: Any, **values: Any) -> str:
    """A source string (or lazy constant) as the pages show it in Indonesian."""
    with translation.override("id"):
        out = translation.gettext(str(text)) if isinstance(text, str) else str(text)
    return out % values if values else out


def shot(page: Any, name: str) -> None:
    browser_shot(page, f"story-{name}")


def sign_in(browser: Any, base: str, username: str) -> Any:
    return browser_sign_in(browser, base, username, PASSWORD)


def menu(page: Any, label: str) -> None:
    """Follow an entry of the site menu, as a person would."""
    with page.expect_navigation(wait_until="load"):
        page.locator("#site-menu").get_by_role("link", name=tr(label), exact=True).click()


def score(page: Any, part: str, value: str) -> None:
    form = page.locator("form[action$='/scores/']")
    form.locator("select[name=part]").select_option(part)
    form.locator("input[name=score]").fill(value)
    submit(page, form.locator("button[type=submit]"))


def check_publicly(browser: Any, base: str, number: str) -> Any:
    """The public verification page, in a fresh browser context (nobody signed in)."""
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="id-ID")
    page.goto(base + reverse("certificates:verify"))
    page.fill("#id_query", number)
    submit(page, page.locator("main form button[type=submit]"))
    return page


def pades_status(data: bytes, folder: Path) -> Any:
    """pyHanko's verdict on the PDF's embedded signature, trusting sergur's PAdES certificate."""
    signatures = PdfFileReader(io.BytesIO(data)).embedded_signatures
    assert len(signatures) == 1
    pem = folder / "pades.pem"
    pem.write_text(pades_certificate_pem())
    context = ValidationContext(trust_roots=[load_cert_from_pemder(pem)])
    return run_async(lambda: async_validate_pdf_signature(signatures[0], context))


def form_the_class(admin: Any, base: str, teacher_pk: int) -> PlpgClass:
    """The rayon admin forms the class, sets instructor, venue and dates, adds the timetable.
    The class ended three weeks ago, so that the certificate comes after it, as in life."""
    first = timezone.localdate() - dt.timedelta(days=21)
    last = first + dt.timedelta(days=DAYS - 1)
    admin.goto(base + reverse("plpg:rayon"))
    submit(admin, admin.get_by_role("button", name=tr("Form the classes")))
    with translation.override("id"):
        formed = str(PROPOSED % {"count": 1})
    expect(admin.locator("main")).to_contain_text(formed)
    shot(admin, "01-rayon-plpg")
    plpg_class = PlpgClass.objects.get()
    admin.get_by_role("link", name=str(plpg_class)).click()
    settings_form = admin.locator("form[action$='/update/']")
    settings_form.locator("select[name=instructor]").select_option(str(teacher_pk))
    settings_form.locator("input[name=venue]").fill("Gedung PLPG, Kampus Karangmalang")
    settings_form.locator("input[name=starts_on]").fill(first.isoformat())
    settings_form.locator("input[name=ends_on]").fill(last.isoformat())
    submit(admin, settings_form.locator("button[type=submit]"))
    expect(admin.locator("main")).to_contain_text(tr("The class is saved."))
    for n in range(DAYS):
        form = admin.locator("form[action$='/sessions/']")
        form.locator("input[name=day]").fill((first + dt.timedelta(days=n)).isoformat())
        form.locator("input[name=starts_at]").fill("08:00")
        form.locator("input[name=topic]").fill(f"Sesi {n + 1}")
        form.locator("input[name=jp]").fill("9")
        submit(admin, form.locator("button[type=submit]"))
        expect(admin.locator("main")).to_contain_text(tr("The session is in the timetable."))
    expect(admin.locator("main")).to_contain_text(tr("%(jp)s JP planned.", jp=9 * DAYS))
    shot(admin, "02-class")
    return plpg_class


def teach_and_grade(page: Any, base: str, plpg_class: PlpgClass, name: str) -> None:
    """The instructor takes attendance of every session, scores three peer-teaching
    appearances and the parts; the written test (SUT) fails, its retake passes."""
    menu(page, "My PLPG classes")
    page.get_by_role("link", name=str(plpg_class)).click()
    for index in range(DAYS):
        form = page.locator("form[action$='/attendance/']").nth(index)
        form.locator("input[name=present]").check()
        submit(page, form.locator("button[type=submit]"))
        expect(page.locator("main")).to_contain_text(
            tr("Attendance saved: %(count)s present.", count=1)
        )
    shot(page, "03-attendance")
    page.get_by_role("link", name=name).click()
    for number in (1, 2, 3):  # the 3rd appearance is the practical exam
        form = page.locator("form[action$='/peer-teaching/']")
        form.locator("input[name=number]").fill(str(number))
        form.locator("input[name=plan_discussed]").check()
        form.locator("input[name=plan_score]").fill("80")
        form.locator("input[name=teaching_score]").fill("82")
        submit(page, form.locator("button[type=submit]"))
        expect(page.locator("main")).to_contain_text(tr("The appearance is scored."))
    for part in ("HW", "SP", "SS"):
        score(page, part, "78")
    score(page, "SUT", "60")  # the written test fails
    expect(page.locator("ul.reasons")).to_contain_text("SUT: nilai 60 di bawah batas lulus 70")
    expect(page.locator("ul.reasons")).to_contain_text("Ujian ulang SUT (ujian ulang ke-1 dari 2)")
    shot(page, "04-retake")
    score(page, "SUT", "75")  # the retake passes
    expect(page.locator("ul.reasons")).to_contain_text("Lulus PLPG")
    expect(page.locator("main")).to_contain_text(tr(Participant.Status.PASSED.label))


def test_an_mplpg_teacher_goes_from_the_class_to_a_revoked_certificate(
    browser: Any, live_server: Any, cast: Cast, settings: Any, tmp_path: Path
) -> None:
    settings.SERGUR_SIGNING_KEY_FILE = str(tmp_path / "key.pem")
    settings.SERGUR_PADES_KEY_FILE = str(tmp_path / "pades-key.pem")
    settings.SERGUR_PADES_CERT_FILE = str(tmp_path / "pades-cert.pem")
    base = live_server.url
    case = publish_mplpg(cast.sri_case, "071234560001")
    rayon = cast.rayon_admin.rayon
    assert rayon is not None
    teacher = instructor("instruktur", rayon)
    name = case.teacher.name

    # -- the rayon admin forms the class; the instructor teaches and grades --------------------
    admin = sign_in(browser, base, "rayon")
    plpg_class = form_the_class(admin, base, teacher.pk)
    grader = sign_in(browser, base, "instruktur")
    teach_and_grade(grader, base, plpg_class, name)
    grader.close()
    case.refresh_from_db()
    assert case.state == Case.State.PLPG_PASSED

    # -- the rayon admin issues the certificate ------------------------------------------------
    menu(admin, "Certificates")
    row = admin.locator("section[aria-labelledby=candidates-heading] tbody tr", has_text=name)
    shot(admin, "05-candidates")
    submit(admin, row.locator("button.issue-certificate"))
    expect(admin.locator("main")).to_contain_text(tr("The certificate was issued."))
    certificate = Certificate.objects.get(case=case)
    expect(admin.locator("main h1")).to_contain_text(certificate.number)
    expect(admin.locator("main .nrg")).to_have_text(certificate.nrg.number)
    assert certificate.participant_number == "071234560001"

    # -- the teacher finds it and downloads the signed PDF -------------------------------------
    own = sign_in(browser, base, "sri")
    menu(own, "My cases")  # a teacher with one case lands on it
    expect(own.locator("main")).to_contain_text(tr(Case.State.PLPG_PASSED.label))
    panel = own.locator("section.certificate-panel")
    expect(panel).to_contain_text(certificate.number)
    expect(panel.locator(".nrg")).to_have_text(certificate.nrg.number)
    shot(own, "06-teacher-case")
    panel.get_by_role("link", name=tr("Open the certificate")).click()
    expect(own.locator("main h1")).to_contain_text(certificate.number)
    shot(own, "07-teacher-certificate")
    with own.expect_download() as download:
        own.get_by_role("button", name=tr("Download the signed PDF")).click()
    data = Path(download.value.path()).read_bytes()
    assert data.startswith(b"%PDF")
    status = pades_status(data, tmp_path)
    assert status.intact and status.valid and status.trusted
    metadata = PdfReader(io.BytesIO(data)).metadata
    assert metadata is not None
    code = str(metadata["/Keywords"]).removeprefix(KEYWORD)
    assert code_verify(code, public_key=ed25519_public()).claims["n"] == certificate.number
    # The page's public link is the QR code's target: it answers without a sign-in.
    link = own.get_by_role("link", name=tr("Public verification page")).get_attribute("href")
    qr = browser.new_page(viewport={"width": 1280, "height": 900}, locale="id-ID")
    qr.goto(link)
    expect(qr.locator("#result")).to_have_class("certificate-check certificate-check-valid")
    qr.close()

    # -- anyone verifies the number ------------------------------------------------------------
    public = check_publicly(browser, base, certificate.number)
    expect(public.locator("#result")).to_have_class("certificate-check certificate-check-valid")
    expect(public.locator("#result")).to_contain_text(name)
    expect(public.locator("#result")).not_to_contain_text(certificate.nuptk)
    shot(public, "08-public-valid")
    public.close()

    # -- the rayon admin revokes it with a reason ----------------------------------------------
    menu(admin, "Certificates")
    admin.locator("section[aria-labelledby=issued-heading]").get_by_role(
        "link", name=certificate.number
    ).click()
    admin.select_option("#id_status", "revoked")
    admin.fill("#id_reason", REASON)
    submit(admin, admin.locator("button.change-status"))
    expect(admin.locator("main")).to_contain_text(tr("The certificate's status was changed."))
    expect(admin.locator("main hgroup")).to_contain_text(REASON)
    shot(admin, "09-revoked")
    admin.close()

    # The teacher's own page says so too.
    own.reload()
    expect(own.locator("main hgroup")).to_contain_text(tr(Certificate.Status.REVOKED.label))
    expect(own.locator("main hgroup")).to_contain_text(REASON)
    expect(own.locator("form[action$='/status/']")).to_have_count(0)
    menu(own, "My cases")
    expect(own.locator("section.certificate-panel .certificate-status-revoked")).to_have_text(
        tr(Certificate.Status.REVOKED.label)
    )
    own.close()

    public = check_publicly(browser, base, certificate.number)
    expect(public.locator("#result")).to_have_class("certificate-check certificate-check-revoked")
    expect(public.locator("#result h2")).to_contain_text(
        tr("Revoked: this certificate is no longer valid.")
    )
    expect(public.locator("#result .status-reason")).to_have_text(REASON)
    shot(public, "10-public-revoked")
    public.close()
