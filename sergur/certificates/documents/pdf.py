"""The printable certificate: one A4 page with every field of issue 12 item 5, the QR code of
its signed code, and a PAdES signature that PDF readers show."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from functools import cache

from pyhanko.sign.signers import SimpleSigner

from sergur.certificates.documents.cms import PLACEHOLDER, CmsTemplate, cms_sign, cms_template
from sergur.certificates.documents.keys import pades_signer
from sergur.certificates.documents.page import (
    BOTTOM,
    PAGE_H,
    Page,
    SignatureField,
    signature_fill,
)
from sergur.certificates.models import Certificate
from sergur.rules.dates import long_date

KEYWORD = "sergur-code:"
"""The signed code is also in the PDF's keywords, for `sergur certificate verify FILE.pdf`."""


def certificate_pdf_unsigned(certificate: Certificate, *, verify_url: str) -> bytes:
    """The certificate page without a signature field."""
    return _page(certificate, verify_url=verify_url).output(
        info=_info(certificate), created=certificate.issued_at
    )


def _info(certificate: Certificate) -> dict[str, str]:
    return {
        "Title": f"Sertifikat Pendidik {certificate.number}",
        "Subject": certificate.number,
        "Keywords": KEYWORD + certificate.code,
    }


def _page(certificate: Certificate, *, verify_url: str) -> Page:
    """The certificate's page, drawn (`page.py`)."""
    page = Page()
    page.lines(certificate.institution.upper(), size=13, h=6.5, bold=True, center=True)
    page.lines(f"Rayon {certificate.rayon.code}", size=10, h=5, center=True)
    page.y += 8
    page.lines("SERTIFIKAT PENDIDIK", size=22, h=11, bold=True, center=True)
    page.lines("Educator certificate", size=8, h=4, grey=True)
    page.lines(f"Nomor {certificate.number}", size=11, h=5.5, center=True)
    page.y += 6
    page.lines("Diberikan kepada / awarded to:", size=10, h=5)
    born = ", ".join(
        part for part in (certificate.birth_place, long_date(certificate.birth_date)) if part
    )
    rows = [
        ("Nama", certificate.holder_name),
        ("Tempat dan tanggal lahir", born),
        ("NUPTK", certificate.nuptk),
        ("Nomor registrasi guru (NRG)", certificate.nrg.number),
        ("Nomor peserta", certificate.participant_number or "-"),
        ("Bidang studi", f"{certificate.subject_code} {certificate.subject_name}"),
    ]
    page.rows(rows, widths=(60, 110), size=11)
    page.y += 4
    page.lines(
        "sebagai pendidik profesional, setelah lulus sertifikasi guru dalam jabatan "
        f"berdasarkan {certificate.legal_basis}.",
        size=10,
        h=5,
    )
    page.y += 6
    top = page.y
    page.lines(
        f"{long_date(certificate.issued_on)}\n{certificate.signatory}\n\n\n"
        "(ditandatangani secara elektronik)",
        size=10,
        h=5,
        x=110,
        w=80,
    )
    page.qr(verify_url, x=20, y=top, w=38)
    page.y = max(page.y, top + 42)
    page.lines(
        "Periksa keabsahan dengan kode QR atau nomor sertifikat di halaman verifikasi / "
        f"check this certificate with its QR code or number at {verify_url.split('?')[0]}",
        size=8,
        h=4,
        grey=True,
    )
    page.mono(certificate.code, size=6)
    if page.y > PAGE_H - BOTTOM:  # the fields' lengths are bounded: a test fills them all
        raise ValueError("the certificate's fields do not fit on its page")
    page.y = PAGE_H - 13
    page.lines(
        f"Sertifikat Pendidik {certificate.number} · Halaman 1",
        size=7.5,
        h=5,
        center=True,
        grey=True,
    )
    return page


def run_async[T](work: Callable[[], Awaitable[T]]) -> T:
    """Run pyHanko's async work to its end from synchronous code, also when this thread
    already runs an event loop (where pyHanko's sync wrappers, `asyncio.run`, refuse)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(work())  # type: ignore[arg-type]
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(lambda: asyncio.run(work())).result()  # type: ignore[arg-type]


FIELD, REASON = "SertifikatPendidik", "Sertifikat pendidik"


@cache
def _prepared(signer: SimpleSigner) -> tuple[CmsTemplate, int]:
    """The signer's CMS template and the room its CMS takes in the PDF, in hex digits: the
    CMS of the placeholder, hex-encoded, with half again (pyHanko's own estimate)."""
    template = run_async(lambda: cms_template(signer))
    size = len(run_async(lambda: cms_sign(template, signer, digest=PLACEHOLDER))) * 2
    return template, size + 2 * (size // 4)


def certificate_pdf(
    certificate: Certificate, *, verify_url: str, now: dt.datetime | None = None
) -> bytes:
    """The printable certificate with its PAdES signature (baseline B-B: ETSI.CAdES.detached,
    SHA-256, ECDSA P-256), signed `now`.

    The signature field is written with the page and its CMS filled in afterwards from the
    signer's template (`cms.py`): no second pass over the file (pyHanko's incremental update
    parsed and rewrote it, 2 to 3 ms a certificate). pyHanko still builds the CMS template
    and validates the result in the tests.
    """
    signer = pades_signer()
    template, reserved = _prepared(signer)
    field = SignatureField(
        name=FIELD,
        reason=REASON,
        signed_at=now or dt.datetime.now(dt.UTC),
        reserved=reserved,
    )
    data = _page(certificate, verify_url=verify_url).output(
        info=_info(certificate), created=certificate.issued_at, signature=field
    )
    return signature_fill(
        data, lambda digest: run_async(lambda: cms_sign(template, signer, digest=digest))
    )
