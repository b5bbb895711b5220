"""The certificate as a signed Open Badges 3.0 credential, and the signed Bitstring Status
List credentials behind it (docs/certificates.md)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sergur.certificates.documents.keys import ed25519_public, ed25519_sign
from sergur.certificates.models import Certificate
from sergur.rules.certificates import (
    MIN_BITS,
    CredentialFacts,
    StatusEntry,
    bitstring_encode,
    credential_sign,
    credential_unsigned,
    did_key,
)
from sergur.rules.certificates.credential import CONTEXTS


def status_entries(certificate: Certificate, *, list_url: str) -> tuple[StatusEntry, ...]:
    """The certificate's two status-list bits; `list_url` has `{list}` and `{purpose}`."""
    number, index = divmod(certificate.status_index, MIN_BITS)
    return tuple(
        StatusEntry(purpose, list_url.format(list=number + 1, purpose=purpose), index)
        for purpose in ("revocation", "suspension")
    )


def certificate_credential(
    certificate: Certificate, *, credential_id: str, issuer_url: str, list_url: str
) -> dict[str, Any]:
    """The signed OpenBadgeCredential of a certificate (the same bytes on every download)."""
    facts = CredentialFacts(
        credential_id=credential_id,
        number=certificate.number,
        nrg=certificate.nrg.number,
        name=certificate.holder_name,
        participant_number=certificate.participant_number,
        subject_code=certificate.subject_code,
        subject_name=certificate.subject_name,
        issuer_name=certificate.institution,
        issuer_url=issuer_url,
        issued_at=certificate.issued_at,
        legal_basis=certificate.legal_basis,
        signatory=certificate.signatory,
        status=status_entries(certificate, list_url=list_url),
    )
    key = ed25519_public()
    return credential_sign(
        credential_unsigned(facts, public_key=key),
        public_key=key,
        created=certificate.issued_at,
        signer=ed25519_sign,
    )


def status_list_credential(
    *, list_url: str, purpose: str, indices: list[int], now: dt.datetime
) -> dict[str, Any]:
    """A signed BitstringStatusListCredential (W3C Bitstring Status List v1.0 §2.2)."""
    key = ed25519_public()
    document: dict[str, Any] = {
        "@context": [CONTEXTS[0]],
        "id": list_url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": did_key(key),
        "validFrom": now.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "credentialSubject": {
            "id": f"{list_url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": purpose,
            "encodedList": bitstring_encode(indices),
        },
    }
    return credential_sign(document, public_key=key, created=now, signer=ed25519_sign)
