"""The educator certificate's rules: eligibility, numbers and the NRG, status changes, the QR
payload, the Open Badges 3.0 credential and the Bitstring Status List (docs/certificates.md).
Pure Python, no Django; the web app and `sergur certificate verify` share it."""

from __future__ import annotations

from sergur.rules.certificates.credential import (
    CredentialFacts,
    StatusEntry,
    credential_sign,
    credential_unsigned,
    did_key,
    verification_method,
)
from sergur.rules.certificates.eligibility import (
    CertificateFacts,
    Eligibility,
    certificate_eligibility,
)
from sergur.rules.certificates.numbers import (
    CertificateNumber,
    certificate_number,
    luhn_digit,
    nrg_make,
    nrg_problems,
    parse_certificate_number,
)
from sergur.rules.certificates.params import CertificateParams, certificate_params
from sergur.rules.certificates.status import (
    INVALIDATING,
    Status,
    StatusCheck,
    status_change_check,
)
from sergur.rules.certificates.statuslist import (
    MIN_BITS,
    bit_at,
    bitstring_decode,
    bitstring_encode,
)
from sergur.rules.certificates.verify import (
    PAYLOAD_KIND,
    Verdict,
    code_of,
    code_verify,
    credential_verify,
    public_key_raw,
    qr_payload,
)

__all__ = [
    "INVALIDATING",
    "MIN_BITS",
    "PAYLOAD_KIND",
    "CertificateFacts",
    "CertificateNumber",
    "CertificateParams",
    "CredentialFacts",
    "Eligibility",
    "Status",
    "StatusCheck",
    "StatusEntry",
    "Verdict",
    "bit_at",
    "bitstring_decode",
    "bitstring_encode",
    "certificate_eligibility",
    "certificate_number",
    "certificate_params",
    "code_of",
    "code_verify",
    "credential_sign",
    "credential_unsigned",
    "credential_verify",
    "did_key",
    "luhn_digit",
    "nrg_make",
    "nrg_problems",
    "parse_certificate_number",
    "public_key_raw",
    "qr_payload",
    "status_change_check",
    "verification_method",
]
