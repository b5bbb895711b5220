"""The certificate as a W3C Verifiable Credential 2.0 / Open Badges 3.0 OpenBadgeCredential,
and its Data Integrity proof (docs/certificates.md, "The credential").

The proof is a `DataIntegrityProof` with the `eddsa-jcs-2022` cryptosuite (W3C VC Data
Integrity EdDSA Cryptosuites v1.0 §3.3): Ed25519 over SHA-256(JCS(proof options)) followed by
SHA-256(JCS(credential without proof)), the signature multibase base58btc ("z"). The issuer and
the verification method are a `did:key` of the same Ed25519 key that signs the QR codes, so
anyone with the published public key (or the credential alone, for a did:key resolver) checks
it offline. JCS (RFC 8785) equals sorted-key, compact, UTF-8 JSON for the strings, whole
numbers, lists and objects a credential holds.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

CONTEXTS = (
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    # Defines `1EdTechJsonSchemaValidator2019` (the credentialSchema type): without it a JSON-LD
    # processor in safe mode, as validators run it, refuses the type as a relative IRI.
    "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json",
)
OB_SCHEMA = (
    "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"
)
CRYPTOSUITE = "eddsa-jcs-2022"
_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_ED25519_PUB = b"\xed\x01"  # multicodec ed25519-pub, as did:key writes it


def jcs(data: Any) -> bytes:
    """RFC 8785 canonical JSON of a credential's values (no floats): sorted keys, compact."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def base58btc(data: bytes) -> str:
    """Bitcoin's base58 alphabet, leading zero bytes as '1' (multibase "z" without the z)."""
    number = int.from_bytes(data, "big")
    out = ""
    while number:
        number, rest = divmod(number, 58)
        out = _ALPHABET[rest] + out
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + out


def base58btc_decode(text: str) -> bytes:
    """The bytes of a base58btc text; ValueError on a character outside the alphabet."""
    number = 0
    for char in text:
        position = _ALPHABET.find(char)
        if position < 0:
            raise ValueError(f"{char!r} is not a base58btc character")
        number = number * 58 + position
    body = number.to_bytes((number.bit_length() + 7) // 8, "big")
    return b"\0" * (len(text) - len(text.lstrip("1"))) + body


def did_key(public_key: bytes) -> str:
    """The did:key of a raw 32-byte Ed25519 public key."""
    return "did:key:z" + base58btc(_ED25519_PUB + public_key)


def verification_method(public_key: bytes) -> str:
    """The did:key verification method (the key's own fragment)."""
    did = did_key(public_key)
    return f"{did}#{did.removeprefix('did:key:')}"


@dataclass(frozen=True, slots=True)
class StatusEntry:
    """One BitstringStatusListEntry: the purpose, the list's URL and the certificate's bit."""

    purpose: str
    list_url: str
    index: int

    def as_json(self) -> dict[str, str]:
        """The entry as the credential carries it."""
        return {
            "id": f"{self.list_url}#{self.index}",
            "type": "BitstringStatusListEntry",
            "statusPurpose": self.purpose,
            "statusListIndex": str(self.index),
            "statusListCredential": self.list_url,
        }


@dataclass(frozen=True, slots=True)
class CredentialFacts:
    """What the credential states: the certificate's fields and where things are published."""

    credential_id: str  # the certificate's public verification URL
    number: str
    nrg: str
    name: str
    participant_number: str
    subject_code: str
    subject_name: str
    issuer_name: str  # the rayon university
    issuer_url: str
    issued_at: dt.datetime
    legal_basis: str
    signatory: str
    status: tuple[StatusEntry, ...]


def credential_unsigned(facts: CredentialFacts, *, public_key: bytes) -> dict[str, Any]:
    """The OpenBadgeCredential of a certificate, before its proof (Open Badges 3.0 §B.1)."""
    subject_title = f"{facts.subject_code} {facts.subject_name}"
    return {
        "@context": list(CONTEXTS),
        "id": facts.credential_id,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": f"Sertifikat Pendidik {subject_title}",
        "issuer": {
            "id": did_key(public_key),
            "type": ["Profile"],
            "name": facts.issuer_name,
            "url": facts.issuer_url,
        },
        "validFrom": facts.issued_at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "licenseNumber": facts.nrg,
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityType": "name",
                    "hashed": False,
                    "identityHash": facts.name,
                },
                {
                    "type": "IdentityObject",
                    "identityType": "identifier",
                    "hashed": False,
                    "identityHash": facts.participant_number,
                },
            ],
            "achievement": {
                "id": f"{facts.issuer_url}#subject-{facts.subject_code}",
                "type": ["Achievement"],
                "achievementType": "License",
                "name": f"Sertifikat Pendidik {subject_title}",
                "description": f"Sertifikat pendidik (educator certificate) no. {facts.number}, "
                f"{facts.legal_basis}; ditandatangani {facts.signatory}.",
                "criteria": {
                    "narrative": "Lulus sertifikasi guru dalam jabatan: keputusan L dari "
                    "penilaian portofolio, atau lulus PLPG."
                },
                "fieldOfStudy": facts.subject_name,
                "humanCode": facts.subject_code,
            },
        },
        "credentialStatus": [entry.as_json() for entry in facts.status],
        "credentialSchema": [{"id": OB_SCHEMA, "type": "1EdTechJsonSchemaValidator2019"}],
    }


def _hash_data(document: Mapping[str, Any], options: Mapping[str, Any]) -> bytes:
    return hashlib.sha256(jcs(options)).digest() + hashlib.sha256(jcs(document)).digest()


def credential_sign(
    document: dict[str, Any],
    *,
    public_key: bytes,
    created: dt.datetime,
    signer: Callable[[bytes], bytes],
) -> dict[str, Any]:
    """The credential with its eddsa-jcs-2022 proof; `signer` signs bytes with Ed25519."""
    options = {
        "@context": document["@context"],
        "type": "DataIntegrityProof",
        "cryptosuite": CRYPTOSUITE,
        "created": created.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "verificationMethod": verification_method(public_key),
        "proofPurpose": "assertionMethod",
    }
    proof = {**options, "proofValue": "z" + base58btc(signer(_hash_data(document, options)))}
    return {**document, "proof": proof}


def proof_parts(credential: Any) -> tuple[dict[str, Any], dict[str, Any], bytes] | str:
    """The unsigned document, the proof options and the signature of a signed credential;
    or what is wrong with its shape, in a few words."""
    if not isinstance(credential, dict):
        return "not a JSON object"
    types = credential.get("type")
    if not isinstance(types, list) or "OpenBadgeCredential" not in types:
        return "type lacks OpenBadgeCredential"
    proof = credential.get("proof")
    if not isinstance(proof, dict):
        return "no proof"
    if proof.get("type") != "DataIntegrityProof" or proof.get("cryptosuite") != CRYPTOSUITE:
        return f"the proof is not a DataIntegrityProof with {CRYPTOSUITE}"
    value = proof.get("proofValue")
    if not isinstance(value, str) or not value.startswith("z"):
        return "the proofValue is not multibase base58btc"
    try:
        signature = base58btc_decode(value[1:])
    except ValueError:
        return "the proofValue is not multibase base58btc"
    document = {key: item for key, item in credential.items() if key != "proof"}
    options = {key: item for key, item in proof.items() if key != "proofValue"}
    return document, options, signature


def hash_data(document: Mapping[str, Any], options: Mapping[str, Any]) -> bytes:
    """The bytes an eddsa-jcs-2022 proof signs."""
    return _hash_data(document, options)
