"""Signed receipts: an Ed25519 signature over a small canonical JSON payload.

A receipt code is `base64url(payload).base64url(signature)`; anyone holding the public key can
check it offline, and the server checks it against what it stored. The key file is PEM
(PKCS#8); the embedded default makes one on first use.
"""

from __future__ import annotations

import base64
import json
import os
from functools import cache
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.conf import settings


def canonical(data: Any) -> bytes:
    """One byte string per value: sorted keys, no spaces, UTF-8."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@cache
def _key(path: str) -> Ed25519PrivateKey:
    file = Path(path)
    if not file.exists():
        file.parent.mkdir(parents=True, exist_ok=True)
        key = Ed25519PrivateKey.generate()
        pem = key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        # Written once, readable by the owner only.
        fd = os.open(file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(pem)
    loaded = serialization.load_pem_private_key(file.read_bytes(), password=None)
    if not isinstance(loaded, Ed25519PrivateKey):
        raise ValueError(f"{path} does not hold an Ed25519 private key")
    return loaded


def signing_key() -> Ed25519PrivateKey:
    """The server's signing key (settings.SERGUR_SIGNING_KEY_FILE)."""
    return _key(str(settings.SERGUR_SIGNING_KEY_FILE))


def sign(payload: dict[str, Any]) -> str:
    """The receipt code for `payload`."""
    body = canonical(payload)
    return f"{_b64(body)}.{_b64(signing_key().sign(body))}"


def verify(code: str) -> dict[str, Any] | None:
    """The payload of a genuine receipt code; None for anything forged, altered or garbled."""
    try:
        body_text, signature_text = code.strip().split(".")
        body, signature = _unb64(body_text), _unb64(signature_text)
        signing_key().public_key().verify(signature, body)
        payload = json.loads(body)
    except (ValueError, InvalidSignature, UnicodeDecodeError):
        return None
    return payload if isinstance(payload, dict) else None


def public_key_pem() -> str:
    """The public key, for checking receipts outside sergur."""
    return (
        signing_key()
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode("ascii")
    )
