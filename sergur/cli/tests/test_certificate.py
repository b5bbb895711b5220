"""`sergur certificate verify`: the example QR code, signed PDF and credential of
examples/certificates/ checked offline, and every way they are refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sergur.cli.tests.support import EXAMPLES, run

FOLDER = EXAMPLES / "certificates"
KEY = str(FOLDER / "public-key.pem")
CODE = (FOLDER / "code.txt").read_text().strip()


def verify(capsys: pytest.CaptureFixture[str], target: str, key: str = KEY) -> tuple[int, str]:
    result = run(capsys, "certificate", "verify", target, "--key", key, "--lang", "en")
    return result.status, result.out


@pytest.mark.parametrize(
    "target", [CODE, f"https://x.example/certificates/verify/?code={CODE}", "certificate.pdf"]
)
def test_a_genuine_code_or_pdf_is_valid(capsys: pytest.CaptureFixture[str], target: str) -> None:
    target = str(FOLDER / target) if target.endswith(".pdf") else target
    status, out = verify(capsys, target)
    assert status == 0
    assert out.startswith("valid\n")
    assert "115-2007-000042" in out


def test_the_credential_is_valid_and_names_the_nrg(capsys: pytest.CaptureFixture[str]) -> None:
    status, out = verify(capsys, str(FOLDER / "credential.json"))
    assert (status, out.splitlines()[0]) == (0, "valid")
    assert "NRG 070000000424" in out


def test_a_qr_code_with_one_changed_character_is_invalid(
    capsys: pytest.CaptureFixture[str],
) -> None:
    place = len(CODE) // 3
    changed = CODE[:place] + ("B" if CODE[place] != "B" else "C") + CODE[place + 1 :]
    status, out = verify(capsys, changed)
    assert status == 1
    assert out.startswith("invalid\n")
    assert "signature does not match" in out or "cannot be read" in out


def test_a_tampered_pdf_is_invalid_with_the_reason(capsys: pytest.CaptureFixture[str]) -> None:
    status, out = verify(capsys, str(FOLDER / "certificate-tampered.pdf"))
    assert status == 1
    assert "changed after it was signed" in out


def test_a_credential_signed_by_another_key_is_invalid(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out = verify(capsys, str(FOLDER / "credential-other-key.json"))
    assert status == 1
    assert "signed with another key" in out


def test_a_changed_credential_is_invalid(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    document = json.loads((FOLDER / "credential.json").read_text())
    document["credentialSubject"]["licenseNumber"] = "070000000432"
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(document))
    status, out = verify(capsys, str(changed))
    assert status == 1
    assert "content changed after signing" in out


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("broken.json", b"{", "not readable JSON"),
        ("broken.pdf", b"%PDF-1.7 nothing", "not a readable PDF"),
    ],
)
def test_unreadable_files_are_invalid(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    status, out = verify(capsys, str(path))
    assert status == 1
    assert reason in out


def test_a_pdf_without_code_or_signature_says_both(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    path = tmp_path / "plain.pdf"
    path.write_bytes(bytes(pdf.output()))
    status, out = verify(capsys, str(path))
    assert status == 1
    assert "no sergur certificate code" in out
    assert "no PAdES signature" in out


def test_a_missing_file_or_a_bad_key_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert verify(capsys, str(tmp_path / "none.pdf"))[0] == 2
    assert verify(capsys, CODE, key=str(FOLDER / "pades-certificate.pem"))[0] == 2
