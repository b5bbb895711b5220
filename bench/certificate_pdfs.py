"""How many signed certificate PDFs one core makes per second (issue 12, "Speed": target
>= 100/s per core).

Usage:

    .venv/bin/python bench/certificate_pdfs.py [--count 200]

No database: one certificate is built in memory (the fields as issued) and, `--count` times,
1. rendered (`documents/page.py`: the A4 page, its fonts and the QR code),
2. rendered and PAdES-signed (ECDSA P-256, the embedded default's self-signed key; the
   signature field written with the page, the CMS from the per-signer template of
   sergur/certificates/documents/cms.py), as the download view does.
The keys are made in a temporary folder.
It prints, per step: documents, seconds, documents/s and CPU seconds of this one process
(one core). It prints figures only and asserts nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _timed(label: str, count: int, step: Callable[[], object]) -> None:
    step()  # warm: fonts parsed, key loaded
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in range(count):
        step()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"{label:<22} {count:>6} {wall:>8.2f} s {count / wall:>8.1f}/s  cpu {cpu:.2f} s")


def main() -> None:
    """Set up Django on the test settings, build one certificate, time the steps."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200)
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="sergur-bench-pdf-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    os.environ["SERGUR_PADES_KEY_FILE"] = str(scratch / "pades-key.pem")
    os.environ["SERGUR_PADES_CERT_FILE"] = str(scratch / "pades-cert.pem")
    os.environ["SERGUR_SIGNING_KEY_FILE"] = str(scratch / "signing-key.pem")
    import django

    django.setup()
    from sergur.certificates.documents.pdf import certificate_pdf, certificate_pdf_unsigned
    from sergur.certificates.models import Certificate, Nrg
    from sergur.common.signing import sign
    from sergur.registry.models import Rayon
    from sergur.rules.certificates import qr_payload

    issued_at = dt.datetime(2008, 4, 1, 3, 0, tzinfo=dt.UTC)
    rayon = Rayon(code="115", institution="Universitas Negeri Yogyakarta")
    code = sign(
        qr_payload(
            number="115-2007-000042",
            subject="180",
            rayon="115",
            issued_on=issued_at.date(),
            index=41,
        )
    )
    certificate = Certificate(
        number="115-2007-000042",
        rayon=rayon,
        year=2007,
        serial=42,
        nrg=Nrg(number="070000000424", year=2007, serial=42, issued_at=issued_at),
        holder_name="Dra. Sri Rahayu Widyaningsih, M.Pd.",
        birth_place="Bantul",
        birth_date=dt.date(1965, 8, 17),
        nuptk="1234567890123456",
        participant_number="07340218010042",
        subject_code="180",
        subject_name="Matematika",
        institution=rayon.institution,
        issued_on=issued_at.date(),
        issued_at=issued_at,
        signatory="Rektor Universitas Negeri Yogyakarta",
        legal_basis="Peraturan Menteri Pendidikan Nasional Nomor 18 Tahun 2007",
        code=code,
        status_index=41,
    )
    url = f"https://sergur.example/certificates/verify/?code={code}"
    unsigned = certificate_pdf_unsigned(certificate, verify_url=url)
    signed = certificate_pdf(certificate, verify_url=url)
    print(f"PDF: {len(unsigned)} bytes unsigned, {len(signed)} bytes signed")
    print(f"{'step':<22} {'docs':>6} {'wall':>10} {'rate':>10}")
    render = lambda: certificate_pdf_unsigned(certificate, verify_url=url)  # noqa: E731
    _timed("render (page.py)", args.count, render)
    _timed("render + sign", args.count, lambda: certificate_pdf(certificate, verify_url=url))


if __name__ == "__main__":
    main()
