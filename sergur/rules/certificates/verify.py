"""Offline checks of a certificate's QR code and credential against the published public key
(the same checks for the `sergur certificate verify` command and the tests).

A QR code is the signed code of sergur/common/signing.py, `base64url(payload).base64url(sig)`
(a key id in front, `kid.payload.sig`, is accepted: the last two parts are checked), usually
inside the verification URL as `?code=...`. Every failure is a reason, never an exception.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlsplit

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from sergur.rules.certificates.credential import hash_data, proof_parts, verification_method
from sergur.rules.messages import Message, msg

PAYLOAD_KIND = "sergur.certificate/1"


@dataclass(frozen=True, slots=True)
class Verdict:
    """Valid or not, why not, and what a valid document states."""

    valid: bool
    reasons: tuple[Message, ...] = ()
    claims: dict[str, Any] = field(default_factory=dict)


def qr_payload(
    *, number: str, subject: str, rayon: str, issued_on: dt.date, index: int
) -> dict[str, Any]:
    """The compact payload of a certificate's QR code: no name, NUPTK or NRG (it travels in a
    URL), only what finds and matches the certificate."""
    return {
        "t": PAYLOAD_KIND,
        "n": number,
        "s": subject,
        "r": rayon,
        "d": issued_on.isoformat(),
        "i": index,
    }


def public_key_raw(pem: bytes) -> bytes:
    """The 32 raw bytes of an Ed25519 public key in PEM; ValueError for anything else."""
    key = serialization.load_pem_public_key(pem)
    if not isinstance(key, Ed25519PublicKey):
        raise ValueError("not an Ed25519 public key")
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def code_of(text: str) -> str:
    """The signed code in a scanned text: the `code` of a verification URL, or the text."""
    text = text.strip()
    if "://" in text or text.startswith("/"):
        return parse_qs(urlsplit(text).query).get("code", [""])[0]
    return text


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def code_verify(text: str, *, public_key: bytes) -> Verdict:
    """Check a QR code (or its URL) offline: signature, then that it names a certificate."""
    parts = code_of(text).split(".")
    try:
        if len(parts) < 2:
            raise ValueError("no signature")
        body, signature = _unb64(parts[-2]), _unb64(parts[-1])
    except (ValueError, binascii.Error):
        return Verdict(valid=False, reasons=(msg("verify.garbled"),))
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, body)
    except InvalidSignature:
        return Verdict(valid=False, reasons=(msg("verify.signature"),))
    try:
        payload = json.loads(body)
    except ValueError:
        payload = None
    if not isinstance(payload, dict) or payload.get("t") != PAYLOAD_KIND:
        return Verdict(valid=False, reasons=(msg("verify.kind"),))
    return Verdict(valid=True, claims=payload)


def credential_verify(credential: Any, *, public_key: bytes) -> Verdict:
    """Check a credential offline: its shape, that the proof names this key, the proof."""
    parts = proof_parts(credential)
    if isinstance(parts, str):
        return Verdict(valid=False, reasons=(msg("verify.credential_shape", detail=parts),))
    document, options, signature = parts
    method = options.get("verificationMethod")
    if method != verification_method(public_key):
        return Verdict(
            valid=False, reasons=(msg("verify.credential_key", method=str(method)[:80]),)
        )
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(
            signature, hash_data(document, options)
        )
    except InvalidSignature:
        return Verdict(valid=False, reasons=(msg("verify.credential_proof"),))
    return Verdict(valid=True, claims=document)
