"""Signed codes (receipts, certificate QR payloads): an Ed25519 signature over a small
canonical JSON payload, with the id of the key that made it.

A code is `kid.base64url(payload).base64url(signature)`; anyone holding the published public
key of that id can check it offline (`public_keys()`, served as JSON), and the server checks it
against what it stored. Codes made before key ids existed are `base64url(payload).
base64url(signature)`; they are checked against every key of the set, so the key that made them
keeps them genuine for as long as it stays in the set (docs/security.md, "Signing keys").

Where the keys come from (config/env.py reads the environment):

- `SERGUR_SIGNING_KEYS` or `SERGUR_SIGNING_KEYS_FILE` (production): one or more PEM (PKCS#8)
  Ed25519 private keys, the first signs, the others only verify;
- otherwise the embedded default, `SERGUR_SIGNING_KEY_FILE` (`var/signing-key.pem`), in the same
  format, made with one key on first use.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import tempfile
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings

PEM_BLOCK = re.compile(r"-----BEGIN PRIVATE KEY-----.+?-----END PRIVATE KEY-----", re.DOTALL)
KEY_ID_LENGTH = 16
KEY_ID_FORMAT = re.compile(r"^[0-9a-f]{16}$")
SIGNATURE_LENGTH = 64


class SigningKeyError(ValueError):
    """The signing keys cannot be used (not PEM, not Ed25519, none at all, a duplicate)."""


class Failure(StrEnum):
    """Why a code is not genuine."""

    GARBLED = "garbled"
    UNKNOWN_KEY = "unknown_key"
    BAD_SIGNATURE = "bad_signature"


@dataclass(frozen=True, slots=True)
class Verification:
    """The outcome of checking a code: its payload and key id, or why it failed."""

    payload: dict[str, Any] | None
    kid: str | None = None
    failure: Failure | None = None
    legacy: bool = False
    """Made before key ids existed (no kid in the code)."""

    @property
    def genuine(self) -> bool:
        """Whether the code was made by one of the server's keys and is unchanged."""
        return self.payload is not None


@dataclass(frozen=True, slots=True)
class KeySet:
    """The server's keys: the first signs, every one verifies."""

    keys: tuple[Ed25519PrivateKey, ...]

    @property
    def active(self) -> Ed25519PrivateKey:
        """The key that signs new codes."""
        return self.keys[0]

    @property
    def active_kid(self) -> str:
        """The id of the key that signs new codes."""
        return key_id(self.active.public_key())

    def public_key(self, kid: str) -> Ed25519PublicKey | None:
        """The public key of that id, if the set holds it."""
        for key in self.keys:
            if key_id(key.public_key()) == kid:
                return key.public_key()
        return None


def canonical(data: Any) -> bytes:
    """One byte string per value: sorted keys, no spaces, UTF-8."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    # Strict: a character outside the base64url alphabet makes the code garbled, not shorter.
    return base64.b64decode(text + "=" * (-len(text) % 4), altchars=b"-_", validate=True)


def _raw(public_key: Ed25519PublicKey) -> bytes:
    return public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def key_id(public_key: Ed25519PublicKey) -> str:
    """A key's id: the first 16 hex digits of the SHA-256 of its raw public key, so a key
    carries its id wherever it is stored and no separate list of ids can disagree with it."""
    return hashlib.sha256(_raw(public_key)).hexdigest()[:KEY_ID_LENGTH]


def key_pem(key: Ed25519PrivateKey) -> str:
    """A private key as PEM (PKCS#8, unencrypted: the file's permissions protect it)."""
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode("ascii")


def key_generate() -> str:
    """A new Ed25519 private key as PEM."""
    return key_pem(Ed25519PrivateKey.generate())


def keys_parse(text: str, *, source: str) -> KeySet:
    """The keys written in `text` (PEM blocks, the signing key first)."""
    keys: list[Ed25519PrivateKey] = []
    for block in PEM_BLOCK.findall(text):
        try:
            loaded = serialization.load_pem_private_key(block.encode("ascii"), password=None)
        except (ValueError, TypeError, UnicodeEncodeError):
            raise SigningKeyError(f"{source}: a key block is not a readable PEM key") from None
        if not isinstance(loaded, Ed25519PrivateKey):
            raise SigningKeyError(f"{source}: a key is not an Ed25519 key")
        keys.append(loaded)
    if not keys:
        raise SigningKeyError(f"{source}: no PEM private key (BEGIN PRIVATE KEY) found")
    kids = [key_id(key.public_key()) for key in keys]
    if len(set(kids)) != len(kids):
        raise SigningKeyError(f"{source}: the same key is listed twice")
    return KeySet(tuple(keys))


def _key_file_temporary(path: Path, data: bytes) -> Path:
    """`data` in a new owner-only file of its own beside `path` (same folder, so it can be
    linked or renamed into place in one step), written out in full."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    with os.fdopen(fd, "wb") as handle:  # mkstemp makes it 0o600
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    return Path(name)


def key_file_create(path: Path, data: bytes) -> bool:
    """Make the file `path` holding `data`, owner-only, unless it exists: the first writer
    wins and nobody overwrites it. True when this call made it.

    The key is written in full to a temporary file and hard-linked into place (a link fails
    when the name exists), so a reader never sees a half-written key and two processes making
    it on first use never replace each other's (docs/security.md, "Signing keys")."""
    temporary = _key_file_temporary(path, data)
    try:
        os.link(temporary, path)
    except FileExistsError:
        return False
    finally:
        temporary.unlink()
    return True


def key_file_write(path: Path, text: str) -> None:
    """Write a key file readable by its owner only, replacing any old one in one step."""
    _key_file_temporary(path, text.encode("ascii")).replace(path)


@cache
def _from_text(text: str) -> KeySet:
    return keys_parse(text, source="SERGUR_SIGNING_KEYS")


@cache
def _from_file(path: str, modified: int) -> KeySet:
    # `modified` (the file's mtime) is part of the cache key: a rotation is seen at once.
    return keys_parse(Path(path).read_text(encoding="ascii"), source=path)


def key_set() -> KeySet:
    """The server's signing keys (see the module's docstring for where they come from)."""
    text = str(getattr(settings, "SERGUR_SIGNING_KEYS", ""))
    if text:
        return _from_text(text)
    file = Path(settings.SERGUR_SIGNING_KEY_FILE)
    if not file.exists():
        # The embedded default's first key; a process that loses the race reads the winner's.
        key_file_create(file, key_generate().encode("ascii"))
    return _from_file(str(file), file.stat().st_mtime_ns)


def key_file_rotate(*, path: Path, keep: int | None = None) -> str:
    """Put a new signing key first in the embedded key file; the old ones stay, to verify.
    `keep` drops all but the newest `keep` keys (their codes then stop verifying)."""
    old = (
        keys_parse(path.read_text(encoding="ascii"), source=str(path)).keys if path.exists() else ()
    )
    new = Ed25519PrivateKey.generate()
    keys = (new, *old)[: keep if keep else None]
    key_file_write(path, "".join(key_pem(key) for key in keys))
    return key_id(new.public_key())


def signing_key() -> Ed25519PrivateKey:
    """The key that signs new codes."""
    return key_set().active


def sign(payload: dict[str, Any]) -> str:
    """The signed code for `payload`, carrying the signing key's id."""
    keys = key_set()
    body = canonical(payload)
    return f"{keys.active_kid}.{_b64(body)}.{_b64(keys.active.sign(body))}"


def _checked(public_key: Ed25519PublicKey, signature: bytes, body: bytes) -> bool:
    try:
        public_key.verify(signature, body)
    except InvalidSignature:
        return False
    return True


def verify_detailed(code: str) -> Verification:
    """Check a code: its payload and key id, or why it is not genuine (garbled, made by a key
    the server does not hold, or a signature that does not match)."""
    parts = code.strip().split(".")
    if len(parts) == 3:
        kid, body_text, signature_text = parts
        if not KEY_ID_FORMAT.match(kid):
            return Verification(None, failure=Failure.GARBLED)
    elif len(parts) == 2:
        kid, (body_text, signature_text) = "", parts
    else:
        return Verification(None, failure=Failure.GARBLED)
    try:
        body, signature = _unb64(body_text), _unb64(signature_text)
    except ValueError:
        return Verification(None, failure=Failure.GARBLED)
    if len(signature) != SIGNATURE_LENGTH:
        return Verification(None, failure=Failure.GARBLED)
    keys = key_set()
    if kid:
        public_key = keys.public_key(kid)
        if public_key is None:
            return Verification(None, kid=kid, failure=Failure.UNKNOWN_KEY)
        candidates = [public_key]
    else:
        candidates = [key.public_key() for key in keys.keys]
    signer = next((key for key in candidates if _checked(key, signature, body)), None)
    if signer is None:
        return Verification(None, kid=kid or None, failure=Failure.BAD_SIGNATURE)
    try:
        payload = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        payload = None
    if not isinstance(payload, dict):
        return Verification(None, kid=kid or None, failure=Failure.GARBLED)
    return Verification(payload, kid=key_id(signer), legacy=not kid)


def verify(code: str) -> dict[str, Any] | None:
    """The payload of a genuine code; None for anything forged, altered or garbled."""
    return verify_detailed(code).payload


def public_keys() -> list[dict[str, Any]]:
    """The published key set: every public key by id, as a JSON Web Key (RFC 8037, OKP
    Ed25519), the signing one marked; for checking codes outside sergur."""
    keys = key_set()
    return [
        {
            "kid": key_id(key.public_key()),
            "kty": "OKP",
            "crv": "Ed25519",
            "alg": "EdDSA",
            "use": "sig",
            "x": _b64(_raw(key.public_key())),
            "signing": index == 0,
        }
        for index, key in enumerate(keys.keys)
    ]


def public_key_pem() -> str:
    """The signing key's public key as PEM, for checking codes outside sergur."""
    return (
        signing_key()
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode("ascii")
    )
