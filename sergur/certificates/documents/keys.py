"""The keys behind the certificate's signatures (docs/certificates.md, "Keys").

- Ed25519, the server's signing key of sergur/common/signing.py: the QR code (`sign`) and the
  credential's proof. The proof signs raw bytes (eddsa-jcs-2022 hashes), which `sign` does not
  offer (it signs canonical JSON), so `ed25519_sign` below is the one place that reaches for
  the key itself (`signing_key`); a key id or rotation in signing.py changes this function only.
- ECDSA P-256 with an X.509 certificate for the PAdES signature of the PDF: PDF readers check
  ECDSA and RSA, not Ed25519. The embedded default makes a self-signed pair in `var/` on first
  use; production sets SERGUR_PADES_KEY_FILE and SERGUR_PADES_CERT_FILE to the key and the
  certificate of a certification authority the readers trust.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from django.conf import settings
from pyhanko.sign.signers import SimpleSigner

from sergur.common.signing import key_file_create, key_file_write, public_key_pem, signing_key
from sergur.rules.certificates import public_key_raw

PADES_COMMON_NAME = "sergur: sertifikat pendidik (self-signed, embedded default)"


def ed25519_public() -> bytes:
    """The raw public key the QR codes and credentials are checked with."""
    return public_key_raw(public_key_pem().encode("ascii"))


def ed25519_sign(data: bytes) -> bytes:
    """An Ed25519 signature of raw bytes with the server's signing key."""
    return signing_key().sign(data)


def _pades_certificate(key: ec.EllipticCurvePrivateKey, *, now: dt.datetime) -> x509.Certificate:
    """A self-signed certificate of `key`, valid ten years from `now`."""
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, PADES_COMMON_NAME),
            x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
        ]
    )
    return (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )


def _certifies(cert_file: Path, key: ec.EllipticCurvePrivateKey) -> bool:
    """Whether `cert_file` holds a certificate of `key` (a missing or other one: no)."""
    try:
        certificate = x509.load_pem_x509_certificate(cert_file.read_bytes())
    except (FileNotFoundError, ValueError):
        return False
    return bool(certificate.public_key() == key.public_key())


def pades_files_make(key_file: Path, cert_file: Path, *, now: dt.datetime) -> None:
    """The embedded default's ECDSA P-256 key and a self-signed certificate of it, each made
    once however many processes or threads ask at the same time.

    The key file is made first and never replaced: the first writer wins
    (`key_file_create`), every other caller goes on with the winner's key. The certificate is
    made from the key as it is on disk, so it belongs to that key whoever makes it; the first
    writer wins again. The caller that made the key replaces a certificate left from an older
    key (in one step); a certificate found beside a key this call did not make is kept."""
    made = ec.generate_private_key(ec.SECP256R1())
    fresh = key_file_create(
        key_file,
        made.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ),
    )
    key = serialization.load_pem_private_key(key_file.read_bytes(), password=None)
    if not isinstance(key, ec.EllipticCurvePrivateKey):
        raise ValueError(f"{key_file} does not hold an ECDSA key")
    pem = _pades_certificate(key, now=now).public_bytes(serialization.Encoding.PEM)
    if not key_file_create(cert_file, pem) and fresh and not _certifies(cert_file, key):
        key_file_write(cert_file, pem.decode("ascii"))


@cache
def _signer(key_file: str, cert_file: str) -> SimpleSigner:
    key_path, cert_path = Path(key_file), Path(cert_file)
    if not (key_path.exists() and cert_path.exists()):
        pades_files_make(key_path, cert_path, now=dt.datetime.now(dt.UTC))
    signer: SimpleSigner | None = SimpleSigner.load(  # type: ignore[no-untyped-call]
        key_file, cert_file
    )
    if signer is None:
        raise ValueError(f"{key_file} and {cert_file} do not hold a signing key and certificate")
    return signer


def pades_signer() -> SimpleSigner:
    """The PAdES signer (settings.SERGUR_PADES_KEY_FILE and SERGUR_PADES_CERT_FILE)."""
    return _signer(str(settings.SERGUR_PADES_KEY_FILE), str(settings.SERGUR_PADES_CERT_FILE))


def pades_certificate_pem() -> str:
    """The PAdES certificate, for checking the PDFs' signature outside sergur."""
    pades_signer()
    return Path(settings.SERGUR_PADES_CERT_FILE).read_text(encoding="ascii")
