from __future__ import annotations

import base64
import copy
import datetime as dt
import json
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ec import SECP256R1, generate_private_key
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from sergur.rules.certificates import (
    CredentialFacts,
    StatusEntry,
    code_of,
    code_verify,
    credential_sign,
    credential_unsigned,
    credential_verify,
    did_key,
    public_key_raw,
    qr_payload,
)
from sergur.rules.certificates.credential import base58btc, base58btc_decode

KEY = Ed25519PrivateKey.generate()
OTHER = Ed25519PrivateKey.generate()
WHEN = dt.datetime(2007, 12, 1, 3, 0, tzinfo=dt.UTC)


def raw(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def code(payload: dict[str, Any], key: Ed25519PrivateKey = KEY) -> str:
    body = json.dumps(payload, sort_keys=True, separators=(",", ":")).encode()

    def b64(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

    return f"{b64(body)}.{b64(key.sign(body))}"


PAYLOAD = qr_payload(
    number="115-2007-000001", subject="180", rayon="115", issued_on=WHEN.date(), index=3
)


def test_a_genuine_code_is_valid_also_inside_its_url_and_with_a_key_id() -> None:
    text = code(PAYLOAD)
    assert code_verify(text, public_key=raw(KEY)).claims["n"] == "115-2007-000001"
    url = f"https://sergur.example/certificates/verify/?code={text}"
    assert code_verify(url, public_key=raw(KEY)).valid
    assert code_verify(f"k1.{text}", public_key=raw(KEY)).valid
    assert code_of("/certificates/verify/") == ""


def test_one_changed_character_makes_a_code_invalid() -> None:
    text = code(PAYLOAD)
    changed = text[:5] + ("A" if text[5] != "A" else "B") + text[6:]
    verdict = code_verify(changed, public_key=raw(KEY))
    assert not verdict.valid
    assert verdict.reasons[0].code in {"verify.signature", "verify.garbled"}


@pytest.mark.parametrize(
    ("text", "reason"),
    [("nonsense", "verify.garbled"), ("a.b.c!", "verify.garbled")],
)
def test_garbled_codes_say_so(text: str, reason: str) -> None:
    assert code_verify(text, public_key=raw(KEY)).reasons[0].code == reason


def test_a_code_of_another_key_or_another_kind_is_invalid() -> None:
    assert code_verify(code(PAYLOAD, OTHER), public_key=raw(KEY)).reasons[0].code == (
        "verify.signature"
    )
    receipt = code({"case": 1})
    assert code_verify(receipt, public_key=raw(KEY)).reasons[0].code == "verify.kind"
    body = base64.urlsafe_b64encode(b"[1").rstrip(b"=").decode()
    signature = base64.urlsafe_b64encode(KEY.sign(b"[1")).rstrip(b"=").decode()
    assert code_verify(f"{body}.{signature}", public_key=raw(KEY)).reasons[0].code == (
        "verify.kind"
    )


def credential(key: Ed25519PrivateKey = KEY) -> dict[str, Any]:
    facts = CredentialFacts(
        credential_id="https://sergur.example/certificates/verify/115-2007-000001/",
        number="115-2007-000001",
        nrg="070000000010",
        name="Sri Rahayu, S.Pd.",
        participant_number="07340218010001",
        subject_code="180",
        subject_name="Matematika",
        issuer_name="Universitas Negeri Yogyakarta",
        issuer_url="https://sergur.example/",
        issued_at=WHEN,
        legal_basis="Permendiknas 18/2007",
        signatory="Rektor",
        status=(StatusEntry("revocation", "https://sergur.example/status/1/revocation/", 3),),
    )
    unsigned = credential_unsigned(facts, public_key=raw(key))
    return credential_sign(unsigned, public_key=raw(key), created=WHEN, signer=key.sign)


def test_a_signed_credential_is_an_open_badge_with_status_and_nrg() -> None:
    doc = credential()
    assert doc["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert doc["issuer"]["id"] == did_key(raw(KEY))
    assert doc["credentialSubject"]["licenseNumber"] == "070000000010"
    assert doc["credentialStatus"][0]["statusListIndex"] == "3"
    assert doc["proof"]["proofValue"].startswith("z")
    assert credential_verify(doc, public_key=raw(KEY)).valid


def test_a_changed_credential_fails_its_proof() -> None:
    doc = copy.deepcopy(credential())
    doc["credentialSubject"]["licenseNumber"] = "070000000028"
    assert credential_verify(doc, public_key=raw(KEY)).reasons[0].code == (
        "verify.credential_proof"
    )


def test_a_credential_signed_by_another_key_says_so() -> None:
    verdict = credential_verify(credential(OTHER), public_key=raw(KEY))
    assert verdict.reasons[0].code == "verify.credential_key"


def test_a_forged_proof_under_the_right_method_fails() -> None:
    doc = credential()
    forged = credential(OTHER)
    doc["proof"] = {**doc["proof"], "proofValue": forged["proof"]["proofValue"]}
    assert credential_verify(doc, public_key=raw(KEY)).reasons[0].code == (
        "verify.credential_proof"
    )


@pytest.mark.parametrize(
    ("change", "detail"),
    [
        (lambda d: [], "not a JSON object"),
        (lambda d: {**d, "type": ["VerifiableCredential"]}, "OpenBadgeCredential"),
        (lambda d: {k: v for k, v in d.items() if k != "proof"}, "no proof"),
        (lambda d: {**d, "proof": {**d["proof"], "cryptosuite": "x"}}, "DataIntegrityProof"),
        (lambda d: {**d, "proof": {**d["proof"], "proofValue": "u00"}}, "base58btc"),
        (lambda d: {**d, "proof": {**d["proof"], "proofValue": "z0OIl"}}, "base58btc"),
    ],
)
def test_a_credential_of_the_wrong_shape_says_what(change: Any, detail: str) -> None:
    verdict = credential_verify(change(credential()), public_key=raw(KEY))
    assert verdict.reasons[0].code == "verify.credential_shape"
    assert detail in verdict.reasons[0].text("en")


def test_base58btc_keeps_leading_zero_bytes() -> None:
    assert base58btc(b"\0\0\x01") == "112"
    assert base58btc_decode("112") == b"\0\0\x01"
    assert did_key(bytes(32)).startswith("did:key:z6Mk")


def test_public_key_raw_reads_ed25519_pem_only() -> None:
    pem = KEY.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    assert public_key_raw(pem) == raw(KEY)
    ec_pem = (
        generate_private_key(SECP256R1())
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    with pytest.raises(ValueError, match="Ed25519"):
        public_key_raw(ec_pem)
