"""End to end in headless Chromium: an L teacher's certificate is issued by the rayon admin;
the teacher downloads the signed PDF; the public page (no sign-in) verifies the certificate
by number; the rayon admin revokes it with a reason and the public page says revoked.

Set SERGUR_SCREENSHOTS=docs/screenshots to keep screenshots (certificate-*.png).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import expect
from pypdf import PdfReader

from sergur.certificates.documents.keys import ed25519_public
from sergur.certificates.documents.pdf import KEYWORD
from sergur.certificates.models import Certificate
from sergur.certificates.tests.support import passed
from sergur.common.tests.browser import shot as browser_shot
from sergur.common.tests.browser import sign_in as browser_sign_in
from sergur.common.tests.browser import submit
from sergur.conftest import PASSWORD, Cast
from sergur.rules.certificates import code_verify

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

expect.set_options(timeout=20_000)
REASON = "Ijazah S1 terbukti palsu (surat LPMP)"


def shot(page: Any, name: str) -> None:
    browser_shot(page, f"certificate-{name}")


def check_publicly(browser: Any, base: str, number: str) -> Any:
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="id-ID")
    page.goto(base + reverse("certificates:verify"))
    page.fill("#id_query", number)
    submit(page, page.locator("main form button[type=submit]"))
    return page


def test_issue_download_verify_revoke(
    browser: Any, live_server: Any, cast: Cast, settings: Any, tmp_path: Path
) -> None:
    settings.SERGUR_SIGNING_KEY_FILE = str(tmp_path / "key.pem")
    settings.SERGUR_PADES_KEY_FILE = str(tmp_path / "pades-key.pem")
    settings.SERGUR_PADES_CERT_FILE = str(tmp_path / "pades-cert.pem")
    base = live_server.url
    case = passed(cast.sri_case)

    # -- the rayon admin issues the certificate ------------------------------------------------
    admin = browser_sign_in(browser, base, "rayon", PASSWORD)
    admin.goto(base + reverse("certificates:list"))
    row = admin.locator("section[aria-labelledby=candidates-heading] tbody tr")
    expect(row).to_contain_text(case.teacher.name)
    submit(admin, row.locator("button.issue-certificate"))
    certificate = Certificate.objects.get(case=case)
    expect(admin.locator("main h1")).to_contain_text(certificate.number)
    expect(admin.locator("main .nrg")).to_have_text(certificate.nrg.number)
    shot(admin, "01-issued")

    # -- the teacher downloads the signed PDF -------------------------------------------------
    teacher = browser_sign_in(browser, base, "sri", PASSWORD)
    teacher.goto(base + reverse("certificates:detail", args=[certificate.pk]))
    with teacher.expect_download() as download:
        teacher.locator(f"a[href='{reverse('certificates:pdf', args=[certificate.pk])}']").click()
    data = Path(download.value.path()).read_bytes()
    assert data.startswith(b"%PDF")
    metadata = PdfReader(io.BytesIO(data)).metadata
    assert metadata is not None
    code = str(metadata["/Keywords"]).removeprefix(KEYWORD)
    assert code_verify(code, public_key=ed25519_public()).claims["n"] == certificate.number

    # -- anyone verifies it --------------------------------------------------------------------
    public = check_publicly(browser, base, certificate.number)
    expect(public.locator("#result")).to_have_class("certificate-check certificate-check-valid")
    expect(public.locator("#result")).to_contain_text(case.teacher.name)
    expect(public.locator("#result")).not_to_contain_text(certificate.nuptk)
    shot(public, "02-public-valid")

    # -- the rayon revokes it ------------------------------------------------------------------
    admin.goto(base + reverse("certificates:detail", args=[certificate.pk]))
    admin.select_option("#id_status", "revoked")
    admin.fill("#id_reason", REASON)
    submit(admin, admin.locator("button.change-status"))
    expect(admin.locator("main hgroup")).to_contain_text(REASON)

    public = check_publicly(browser, base, certificate.number)
    expect(public.locator("#result")).to_have_class("certificate-check certificate-check-revoked")
    expect(public.locator("#result .status-reason")).to_have_text(REASON)
    shot(public, "03-public-revoked")
