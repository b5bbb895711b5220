"""`sergur certificate verify (CODE|FILE.pdf|FILE.json) --key PUBLIC_KEY`: check a
certificate offline (docs/certificates.md, "Checking offline").

- a CODE (or the verification URL of a QR code): its Ed25519 signature with the public key;
- a FILE.pdf: the signed code it carries (its keywords) as above, and its PAdES signature:
  the signed bytes unchanged (pyHanko; the signer's certificate is named, its trust is not
  judged offline);
- a FILE.json: the credential's eddsa-jcs-2022 proof with the public key.

Prints `valid` or `invalid` with every reason; exit 0 valid, 1 invalid, 2 bad usage (an
unreadable key).
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import logging
import warnings
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import IO, Any

from sergur.rules.certificates import Verdict, code_verify, credential_verify, public_key_raw
from sergur.rules.messages import Lang

KEYWORD = "sergur-code:"
EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2

SAID: dict[str, dict[Lang, str]] = {
    "valid": {"id": "sah", "en": "valid"},
    "invalid": {"id": "tidak sah", "en": "invalid"},
    "pdf_unreadable": {"id": "bukan PDF yang dapat dibaca", "en": "not a readable PDF"},
    "pdf_no_code": {
        "id": "PDF tidak memuat kode sertifikat sergur",
        "en": "the PDF carries no sergur certificate code",
    },
    "pdf_unsigned": {
        "id": "PDF tidak bertanda tangan PAdES",
        "en": "the PDF has no PAdES signature",
    },
    "pdf_changed": {
        "id": "tanda tangan PAdES tidak utuh: isi PDF diubah setelah ditandatangani",
        "en": "the PAdES signature is broken: the PDF changed after it was signed",
    },
    "pdf_added": {
        "id": "ada perubahan yang ditambahkan setelah tanda tangan PAdES",
        "en": "content was added after the PAdES signature",
    },
    "json_unreadable": {"id": "bukan JSON yang dapat dibaca", "en": "not readable JSON"},
    "file_missing": {"id": "berkas tidak ada", "en": "no such file"},
    "key_unreadable": {
        "id": "kunci publik tidak dapat dibaca (PEM Ed25519)",
        "en": "the public key cannot be read (Ed25519 PEM)",
    },
}


def add_certificate_command(commands: Any) -> None:
    """`sergur certificate verify`."""
    certificate = commands.add_parser("certificate", help="check educator certificates offline")
    actions = certificate.add_subparsers(dest="action", required=True)
    verify = actions.add_parser(
        "verify", help="check a QR code, a signed PDF or a credential (.json) offline"
    )
    verify.add_argument("target", help="a QR code or its URL, a FILE.pdf or a FILE.json")
    verify.add_argument("--key", required=True, help="the published public key (PEM)")
    verify.add_argument("--lang", choices=("id", "en"), default="id")


def _run(work: Any) -> Any:
    """Run pyHanko's async check to its end, also from a thread that already runs an event
    loop (an embedding program, a test session), where `asyncio.run` refuses."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(work())
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(lambda: asyncio.run(work())).result()


def _pades(data: bytes, lang: Lang) -> list[str]:
    """Problems of the PDF's PAdES signature (empty when intact)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from pyhanko.pdf_utils.reader import PdfFileReader
        from pyhanko.sign.validation import async_validate_pdf_signature
        from pyhanko_certvalidator import ValidationContext
    signatures = PdfFileReader(io.BytesIO(data), strict=False).embedded_signatures
    if not signatures:
        return [SAID["pdf_unsigned"][lang]]
    # Offline there is no trust to judge: pyHanko would log the self-signed certificate's
    # path-building failure as a traceback; only the integrity of the signed bytes counts.
    logging.getLogger("pyhanko").setLevel(logging.CRITICAL)
    logging.getLogger("pyhanko_certvalidator").setLevel(logging.CRITICAL)
    context = ValidationContext(trust_roots=[])
    status = _run(lambda: async_validate_pdf_signature(signatures[-1], context))
    if not (status.intact and status.valid):
        return [SAID["pdf_changed"][lang]]
    if status.coverage is None or status.coverage.name != "ENTIRE_FILE":
        return [SAID["pdf_added"][lang]]
    return []


def _pdf(path: Path, key: bytes, lang: Lang) -> tuple[Verdict, list[str]]:
    """The verdict of the code a PDF carries, and the problems of its PAdES signature."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    data = path.read_bytes()
    try:
        metadata = PdfReader(io.BytesIO(data)).metadata
        keywords = str(metadata.get("/Keywords", "")) if metadata is not None else ""
        problems = _pades(data, lang)
    except (PyPdfError, ValueError, OSError, KeyError) as error:
        return Verdict(valid=False), [f"{SAID['pdf_unreadable'][lang]} ({error})"]
    if not keywords.startswith(KEYWORD):
        return Verdict(valid=False), [SAID["pdf_no_code"][lang], *problems]
    return code_verify(keywords.removeprefix(KEYWORD), public_key=key), problems


def run_certificate(args: argparse.Namespace, out: IO[bytes]) -> int:
    """Check one target; print the verdict and every reason."""
    lang: Lang = args.lang
    try:
        key = public_key_raw(Path(args.key).read_bytes())
    except (OSError, ValueError):
        out.write(f"sergur: {SAID['key_unreadable'][lang]}\n".encode())
        return EXIT_USAGE
    target = Path(args.target)
    extra: list[str] = []
    if target.suffix.lower() in {".pdf", ".json"} and not target.is_file():
        out.write(f"sergur: {SAID['file_missing'][lang]}: {target}\n".encode())
        return EXIT_USAGE
    if target.suffix.lower() == ".pdf" and target.is_file():
        verdict, extra = _pdf(target, key, lang)
    elif target.suffix.lower() == ".json" and target.is_file():
        try:
            document = json.loads(target.read_bytes())
        except ValueError:
            document = None
            extra = [SAID["json_unreadable"][lang]]
        verdict = credential_verify(document, public_key=key) if not extra else Verdict(False)
    else:
        verdict = code_verify(args.target, public_key=key)
    reasons = [reason.text(lang) for reason in verdict.reasons] + extra
    valid = verdict.valid and not extra
    lines = [SAID["valid" if valid else "invalid"][lang]]
    lines += [f"  - {reason}" for reason in reasons]
    claims = verdict.claims
    if valid and "n" in claims:
        lines.append(f"  {claims['n']} ({claims.get('s', '')}, {claims.get('d', '')})")
    elif valid and "credentialSubject" in claims:
        subject = claims["credentialSubject"]
        lines.append(f"  NRG {subject.get('licenseNumber', '')}: {claims.get('name', '')}")
    out.write(("\n".join(lines) + "\n").encode())
    return EXIT_OK if valid else EXIT_INVALID
