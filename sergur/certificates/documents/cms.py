"""The CMS signature of a certificate PDF, from a template made once per signer.

pyHanko builds the PAdES CMS (SignedData) for every PDF with asn1crypto: ~9 ms of the ~11 ms
a signature costs, while the signature itself (ECDSA P-256) takes 0.02 ms. With our settings
(PAdES, SHA-256, no timestamp, no revocation data) the CMS differs from one PDF to the next in
two values only: the message digest of the PDF's byte range, in the signed attributes, and the
signature over those attributes. So pyHanko builds the CMS once per signer around a
placeholder digest (`cms_template`), and each PDF gets a copy with its digest put in the
placeholder's place, its attributes signed by the same signer, and the DER lengths that the
signature's size changes written again (`cms_sign`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from pyhanko.sign.signers import Signer
from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes

DIGEST_ALGORITHM = "sha256"
PLACEHOLDER = hashlib.sha256(b"sergur: the digest of the PDF goes here").digest()


@dataclass(frozen=True)
class CmsTemplate:
    """A CMS ContentInfo (SignedData, one SignerInfo) cut where the per-PDF values go."""

    content_type: bytes  # the DER of the ContentInfo's content type (signedData)
    signed_data_head: bytes  # the SignedData's fields before its signerInfos
    signer_info_head: bytes  # the SignerInfo's fields before its signature (with PLACEHOLDER)
    signed_attrs: bytes  # the signed attributes as in the SignerInfo, [0] (with PLACEHOLDER)


def _der(tag: int, content: bytes) -> bytes:
    """A DER tag-length-value with a definite length."""
    size = len(content)
    if size < 0x80:
        return bytes((tag, size)) + content
    octets = size.to_bytes((size.bit_length() + 7) // 8, "big")
    return bytes((tag, 0x80 | len(octets))) + octets + content


def _content_info(template: CmsTemplate, signer_info_head: bytes, signature: bytes) -> bytes:
    signer_info = _der(0x30, signer_info_head + _der(0x04, signature))
    signed_data = _der(0x30, template.signed_data_head + _der(0x31, signer_info))
    return _der(0x30, template.content_type + _der(0xA0, signed_data))


async def cms_template(signer: Signer) -> CmsTemplate:
    """The signer's CMS for the placeholder digest, built by pyHanko and cut into pieces."""
    built = await signer.async_sign(
        PLACEHOLDER,
        DIGEST_ALGORITHM,
        use_pades=True,
        signed_attr_settings=PdfCMSSignedAttributes(signing_time=dt.datetime.now(dt.UTC)),
    )
    # Parsed again from its DER, so that every part's `contents` is the bytes it dumps to.
    content_info = type(built).load(built.dump())
    signed_data = content_info["content"]
    signer_infos = signed_data["signer_infos"]
    if len(signer_infos) != 1 or signer_infos[0]["unsigned_attrs"].native is not None:
        raise ValueError("the PAdES CMS has more than one signer or unsigned attributes")
    signer_info = signer_infos[0]
    signature = signer_info["signature"]
    template = CmsTemplate(
        content_type=content_info["content_type"].dump(),
        signed_data_head=signed_data.contents[: -len(signer_infos.dump())],
        signer_info_head=signer_info.contents[: -len(signature.dump())],
        signed_attrs=signer_info["signed_attrs"].dump(),
    )
    if template.signer_info_head.count(PLACEHOLDER) != 1 or (
        template.signed_attrs.count(PLACEHOLDER) != 1
    ):
        raise ValueError("the PAdES CMS does not hold its message digest exactly once")
    if _content_info(template, template.signer_info_head, signature.native) != built.dump():
        raise ValueError("the PAdES CMS is not laid out as the template expects")
    return template


async def cms_sign(template: CmsTemplate, signer: Signer, *, digest: bytes) -> bytes:
    """The DER of the CMS signing `digest` (the PDF's byte range, SHA-256)."""
    if len(digest) != len(PLACEHOLDER):
        raise ValueError(f"a {DIGEST_ALGORITHM} digest has {len(PLACEHOLDER)} bytes")
    attributes = template.signed_attrs.replace(PLACEHOLDER, digest)
    # The signature covers the attributes encoded as a SET OF (RFC 5652, 5.4), not [0].
    signature = await signer.async_sign_raw(b"\x31" + attributes[1:], DIGEST_ALGORITHM)
    head = template.signer_info_head.replace(PLACEHOLDER, digest)
    return _content_info(template, head, signature)
