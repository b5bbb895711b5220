"""The printable certificate: one A4 page with every field of issue 12 item 5, the QR code of
its signed code, and a PAdES signature (pyHanko) that PDF readers show."""

from __future__ import annotations

import asyncio
import io
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from functools import cache

from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers
from pyhanko.sign.signers import SimpleSigner
from pyhanko.sign.signers.pdf_signer import PdfTBSDocument

from sergur.certificates.documents.cms import PLACEHOLDER, CmsTemplate, cms_sign, cms_template
from sergur.certificates.documents.keys import pades_signer
from sergur.certificates.models import Certificate
from sergur.common.pdf import Pdf
from sergur.rules.dates import long_date

KEYWORD = "sergur-code:"
"""The signed code is also in the PDF's keywords, for `sergur certificate verify FILE.pdf`."""


def certificate_pdf_unsigned(certificate: Certificate, *, verify_url: str) -> bytes:
    """The certificate page, before its PAdES signature: in the Latin fonts, quick, unless a
    field has a character of another script."""
    pdf = _page(certificate, verify_url=verify_url, latin=True)
    if pdf.lacks_glyphs():
        pdf = _page(certificate, verify_url=verify_url, latin=False)
    return bytes(pdf.output())


def _page(certificate: Certificate, *, verify_url: str, latin: bool) -> Pdf:
    pdf = Pdf(
        title=f"Sertifikat Pendidik {certificate.number}",
        footer=f"Sertifikat Pendidik {certificate.number}",
        created=certificate.issued_at,
        latin=latin,
    )
    pdf.set_keywords(KEYWORD + certificate.code)
    pdf.set_subject(certificate.number)
    pdf.add_page()
    pdf.text_center(certificate.institution.upper(), size=13, bold=True)
    pdf.text_center(f"Rayon {certificate.rayon.code}", size=10)
    pdf.ln(8)
    pdf.text_center("SERTIFIKAT PENDIDIK", size=22, bold=True)
    pdf.gloss("Educator certificate")
    pdf.text_center(f"Nomor {certificate.number}", size=11)
    pdf.ln(6)
    pdf.text_block("Diberikan kepada / awarded to:")
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
    pdf.grid(None, rows, (60, 110), size=11, borders=False)
    pdf.ln(2)
    pdf.text_block(
        "sebagai pendidik profesional, setelah lulus sertifikasi guru dalam jabatan "
        f"berdasarkan {certificate.legal_basis}.",
        size=10,
    )
    pdf.ln(6)
    top = pdf.get_y()
    pdf.set_x(110)
    pdf.multi_cell(
        80,
        5,
        f"{long_date(certificate.issued_on)}\n{certificate.signatory}\n\n\n"
        "(ditandatangani secara elektronik)",
        align="L",
    )
    pdf.qr(verify_url, x=20, y=top, w=38)
    pdf.set_y(top + 42)
    pdf.gloss(
        "Periksa keabsahan dengan kode QR atau nomor sertifikat di halaman verifikasi / "
        f"check this certificate with its QR code or number at {verify_url.split('?')[0]}"
    )
    pdf.mono(certificate.code, size=6)
    return pdf


def run_async[T](work: Callable[[], Awaitable[T]]) -> T:
    """Run pyHanko's async work to its end from synchronous code, also when this thread
    already runs an event loop (where pyHanko's sync wrappers, `asyncio.run`, refuse)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(work())  # type: ignore[arg-type]
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(lambda: asyncio.run(work())).result()  # type: ignore[arg-type]


META = signers.PdfSignatureMetadata(
    field_name="SertifikatPendidik",
    subfilter=fields.SigSeedSubFilter.PADES,
    md_algorithm="sha256",
    reason="Sertifikat pendidik",
)


@cache
def _prepared(signer: SimpleSigner) -> tuple[CmsTemplate, int]:
    """The signer's CMS template and the room the signature takes in the PDF: pyHanko's own
    estimate (the CMS hex-encoded, plus half again), made once per signer instead of with a
    dry-run signature per PDF."""
    template = run_async(lambda: cms_template(signer))
    size = len(run_async(lambda: cms_sign(template, signer, digest=PLACEHOLDER))) * 2
    return template, size + 2 * (size // 4)


async def _sign(writer: IncrementalPdfFileWriter, signer: SimpleSigner) -> io.BytesIO:
    """pyHanko's interrupted signing: it prepares the signature field and digests the byte
    range, the CMS comes from the template (`cms.py`), pyHanko writes it in."""
    template, reserved = _prepared(signer)
    prepared, _document, output = await signers.PdfSigner(
        META, signer=signer
    ).async_digest_doc_for_signing(writer, bytes_reserved=reserved)
    signature = await cms_sign(template, signer, digest=prepared.document_digest)
    await PdfTBSDocument.async_finish_signing(output, prepared, signature)
    assert isinstance(output, io.BytesIO)  # nosec B101 # the writer given above, for mypy
    return output


def pades_sign(data: bytes) -> bytes:
    """A PDF with a PAdES baseline signature by the certificate signing key."""
    writer = IncrementalPdfFileWriter(io.BytesIO(data))
    signer = pades_signer()
    return run_async(lambda: _sign(writer, signer)).getvalue()


def certificate_pdf(certificate: Certificate, *, verify_url: str) -> bytes:
    """The printable certificate, PAdES-signed."""
    return pades_sign(certificate_pdf_unsigned(certificate, verify_url=verify_url))
