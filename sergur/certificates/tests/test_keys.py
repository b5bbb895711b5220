"""The embedded default's PAdES key and certificate: made once however many threads ask at
the same time, the certificate always of the key on disk (docs/certificates.md, "Keys")."""

from __future__ import annotations

import datetime as dt
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from sergur.certificates.documents.keys import pades_files_make
from sergur.common import signing

NOW = dt.datetime(2026, 12, 7, 8, 0, tzinfo=dt.UTC)


def _key(path: Path) -> ec.EllipticCurvePrivateKey:
    key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    assert isinstance(key, ec.EllipticCurvePrivateKey)
    return key


def _public(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def _certified(cert_file: Path) -> bytes:
    certificate = x509.load_pem_x509_certificate(cert_file.read_bytes())
    return certificate.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def _other_pair(folder: Path) -> tuple[Path, Path]:
    """A key and certificate made elsewhere (another process, an older key)."""
    folder.mkdir(parents=True, exist_ok=True)
    pades_files_make(folder / "key.pem", folder / "cert.pem", now=NOW)
    return folder / "key.pem", folder / "cert.pem"


def test_threads_making_the_pair_at_once_all_end_with_one_key_and_its_certificate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads = 6
    key_file, cert_file = tmp_path / "var" / "pades-key.pem", tmp_path / "var" / "pades-cert.pem"
    # Every thread has written its own key before any links it into place.
    together = threading.Barrier(threads)
    temporary = signing._key_file_temporary
    keys_written: list[bytes] = []

    def written_then_wait(path: Path, data: bytes) -> Path:
        made = temporary(path, data)
        if path == key_file:
            keys_written.append(data)
            together.wait(timeout=10)
        return made

    monkeypatch.setattr(signing, "_key_file_temporary", written_then_wait)

    with ThreadPoolExecutor(max_workers=threads) as pool:
        list(pool.map(lambda _: pades_files_make(key_file, cert_file, now=NOW), range(threads)))

    assert len(set(keys_written)) == threads  # six keys were made, one was kept
    assert key_file.read_bytes() in keys_written
    assert _certified(cert_file) == _public(_key(key_file))
    assert key_file.stat().st_mode & 0o777 == 0o600
    assert sorted(path.name for path in key_file.parent.iterdir()) == [
        "pades-cert.pem",
        "pades-key.pem",
    ]


def test_a_key_that_appears_between_the_check_and_the_write_is_kept_and_certified(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key_file, cert_file = tmp_path / "var" / "pades-key.pem", tmp_path / "var" / "pades-cert.pem"
    their_key, _their_cert = _other_pair(tmp_path / "elsewhere")
    temporary = signing._key_file_temporary

    def another_process_is_quicker(path: Path, data: bytes) -> Path:
        if path == key_file and not key_file.exists():
            key_file.parent.mkdir(parents=True, exist_ok=True)
            key_file.write_bytes(their_key.read_bytes())
        return temporary(path, data)

    monkeypatch.setattr(signing, "_key_file_temporary", another_process_is_quicker)

    pades_files_make(key_file, cert_file, now=NOW)

    assert key_file.read_bytes() == their_key.read_bytes()
    assert _certified(cert_file) == _public(_key(their_key))


def test_a_certificate_left_from_an_older_key_is_replaced_by_the_maker_of_the_new_key(
    tmp_path: Path,
) -> None:
    key_file, cert_file = tmp_path / "pades-key.pem", tmp_path / "pades-cert.pem"
    _old_key, old_cert = _other_pair(tmp_path / "old")
    cert_file.write_bytes(old_cert.read_bytes())

    pades_files_make(key_file, cert_file, now=NOW)

    assert _certified(cert_file) == _public(_key(key_file))


def test_a_certificate_beside_a_key_this_call_did_not_make_is_kept(tmp_path: Path) -> None:
    key_file, cert_file = _other_pair(tmp_path / "var")
    before = cert_file.read_bytes(), key_file.read_bytes()

    pades_files_make(key_file, cert_file, now=NOW)

    assert (cert_file.read_bytes(), key_file.read_bytes()) == before
