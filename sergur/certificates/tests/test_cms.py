from __future__ import annotations

import hashlib
from typing import Any

import pytest
from asn1crypto import cms  # type: ignore[import-untyped]
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509 import load_der_x509_certificate

from sergur.certificates.documents.cms import PLACEHOLDER, cms_sign, cms_template
from sergur.certificates.documents.keys import pades_signer
from sergur.certificates.documents.pdf import run_async

DIGEST = hashlib.sha256(b"the byte range of a certificate PDF").digest()


def _signed(digest: bytes) -> Any:
    signer = pades_signer()
    template = run_async(lambda: cms_template(signer))
    der = run_async(lambda: cms_sign(template, signer, digest=digest))
    return cms.ContentInfo.load(der), signer


def test_the_cms_carries_the_digest_and_a_signature_of_its_attributes() -> None:
    content_info, signer = _signed(DIGEST)
    signer_info = content_info["content"]["signer_infos"][0]
    attributes = {a["type"].native: a["values"][0] for a in signer_info["signed_attrs"]}
    assert attributes["message_digest"].native == DIGEST
    assert "signing_certificate_v2" in attributes
    certificate = load_der_x509_certificate(signer.signing_cert.dump())
    public_key = certificate.public_key()
    assert isinstance(public_key, ec.EllipticCurvePublicKey)
    signed = signer_info["signed_attrs"].untag().dump()
    public_key.verify(signer_info["signature"].native, signed, ec.ECDSA(hashes.SHA256()))
    assert content_info["content"]["certificates"][0].dump() == signer.signing_cert.dump()


def test_two_digests_give_two_cms_that_differ_only_where_they_must() -> None:
    first, _signer = _signed(DIGEST)
    second, _signer = _signed(PLACEHOLDER)
    assert first["content"]["certificates"].dump() == second["content"]["certificates"].dump()
    first_attrs = first["content"]["signer_infos"][0]["signed_attrs"].dump()
    assert first_attrs.replace(DIGEST, PLACEHOLDER) == (
        second["content"]["signer_infos"][0]["signed_attrs"].dump()
    )


def test_a_digest_of_the_wrong_size_is_refused() -> None:
    signer = pades_signer()
    template = run_async(lambda: cms_template(signer))
    with pytest.raises(ValueError, match="32 bytes"):
        run_async(lambda: cms_sign(template, signer, digest=b"short"))
