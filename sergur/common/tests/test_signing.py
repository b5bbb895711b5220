"""Signed codes with key ids: rotation keeps old codes genuine; an unknown key id, a changed
character and another key's signature are refused; codes made before key ids still verify."""

from __future__ import annotations

import base64
import json
import threading
from concurrent.futures import ThreadPoolExecutor
from io import StringIO
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.core.management import CommandError, call_command
from django.test import Client

from sergur.common import signing
from sergur.common.checks import signing_keys_check
from sergur.common.signing import (
    Failure,
    SigningKeyError,
    canonical,
    key_file_create,
    key_generate,
    key_id,
    key_pem,
    key_set,
    keys_parse,
    public_keys,
    sign,
    verify,
    verify_detailed,
)

PAYLOAD = {"case": 7, "sha256": "ab" * 32, "submitted_at": "2026-12-07T10:00:00+07:00"}


@pytest.fixture
def key_file(settings, tmp_path: Path) -> Path:
    settings.SERGUR_SIGNING_KEYS = ""
    settings.SERGUR_SIGNING_KEY_FILE = str(tmp_path / "var" / "signing-key.pem")
    return tmp_path / "var" / "signing-key.pem"


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def legacy_code(key: Ed25519PrivateKey, payload: dict[str, object]) -> str:
    """A code as sergur made them before key ids: payload.signature."""
    body = canonical(payload)
    return f"{b64(body)}.{b64(key.sign(body))}"


def rotate(keep: int | None = None) -> str:
    out = StringIO()
    if keep is None:
        call_command("signing_keys", "--rotate", stdout=out)
    else:
        call_command("signing_keys", "--rotate", "--keep", str(keep), stdout=out)
    return out.getvalue()


def test_the_embedded_default_makes_one_key_readable_by_its_owner_only(key_file: Path) -> None:
    code = sign(PAYLOAD)

    assert key_file.stat().st_mode & 0o777 == 0o600
    assert len(key_set().keys) == 1
    assert code.split(".")[0] == key_set().active_kid
    assert verify(code) == PAYLOAD


def test_a_code_carries_the_key_id_and_verifying_names_it(key_file: Path) -> None:
    result = verify_detailed(sign(PAYLOAD))

    assert result.genuine and not result.legacy
    assert result.kid == key_set().active_kid
    assert result.failure is None


def test_rotation_keeps_old_codes_genuine_and_signs_with_the_new_key(key_file: Path) -> None:
    old_code = sign(PAYLOAD)
    old_kid = key_set().active_kid

    output = rotate()

    new_code = sign(PAYLOAD)
    assert key_set().active_kid != old_kid
    assert f"new signing key {key_set().active_kid}" in output
    assert f"{old_kid}  verifies only" in output
    assert new_code.split(".")[0] == key_set().active_kid
    assert verify_detailed(old_code).kid == old_kid
    assert verify(old_code) == PAYLOAD and verify(new_code) == PAYLOAD


def test_a_code_made_before_key_ids_still_verifies_after_a_rotation(key_file: Path) -> None:
    sign(PAYLOAD)  # makes the default key, as the receipts of earlier versions used
    stored_receipt = legacy_code(key_set().active, PAYLOAD)
    rotate()

    result = verify_detailed(stored_receipt)

    assert result.genuine and result.legacy
    assert result.payload == PAYLOAD
    assert result.kid == key_id(key_set().keys[1].public_key())


def test_dropping_an_old_key_makes_its_codes_unknown(key_file: Path) -> None:
    old_code = sign(PAYLOAD)

    rotate(keep=1)

    result = verify_detailed(old_code)
    assert not result.genuine
    assert result.failure is Failure.UNKNOWN_KEY


def test_an_unknown_key_id_is_refused(key_file: Path) -> None:
    code = sign(PAYLOAD)
    forged = "0123456789abcdef." + code.split(".", 1)[1]

    result = verify_detailed(forged)

    assert result.payload is None and result.failure is Failure.UNKNOWN_KEY


def test_a_changed_character_is_refused(key_file: Path) -> None:
    kid, body, signature = sign(PAYLOAD).split(".")
    changed = b64(canonical({**PAYLOAD, "case": 8}))

    assert verify_detailed(f"{kid}.{changed}.{signature}").failure is Failure.BAD_SIGNATURE
    flipped = signature[:3] + ("A" if signature[3] != "A" else "B") + signature[4:]
    assert verify_detailed(f"{kid}.{body}.{flipped}").failure is Failure.BAD_SIGNATURE


def test_another_keys_signature_under_our_key_id_is_refused(key_file: Path) -> None:
    kid = sign(PAYLOAD).split(".")[0]
    stranger = Ed25519PrivateKey.generate()
    body = canonical(PAYLOAD)

    result = verify_detailed(f"{kid}.{b64(body)}.{b64(stranger.sign(body))}")
    legacy = verify_detailed(legacy_code(stranger, PAYLOAD))

    assert result.failure is Failure.BAD_SIGNATURE
    assert legacy.failure is Failure.BAD_SIGNATURE and legacy.kid is None


@pytest.mark.parametrize(
    "code", ["", "nonsense", "a.b.c.d", "NOT-A-KID.e30.e30", "0123456789abcdef.!!.??", "!!!.???"]
)
def test_garbled_codes_say_so(key_file: Path, code: str) -> None:
    result = verify_detailed(code)

    assert result.failure is Failure.GARBLED
    assert verify(code) is None


def test_a_signed_payload_that_is_not_an_object_is_garbled(key_file: Path) -> None:
    body = canonical([1, 2])
    key = key_set().active
    code = f"{key_set().active_kid}.{b64(body)}.{b64(key.sign(body))}"

    assert verify_detailed(code).failure is Failure.GARBLED


def test_keys_from_the_environment_sign_with_the_first_and_verify_with_all(
    key_file: Path, settings
) -> None:
    first, second = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    settings.SERGUR_SIGNING_KEYS = key_pem(first) + key_pem(second)
    old = f"{key_id(second.public_key())}." + legacy_code(second, PAYLOAD)

    code = sign(PAYLOAD)

    assert code.split(".")[0] == key_id(first.public_key())
    assert verify(code) == PAYLOAD and verify(old) == PAYLOAD
    assert not key_file.exists()
    assert [key["kid"] for key in public_keys()] == [
        key_id(first.public_key()),
        key_id(second.public_key()),
    ]
    assert [key["signing"] for key in public_keys()] == [True, False]


def test_rotating_refuses_keys_from_the_environment(key_file: Path, settings) -> None:
    settings.SERGUR_SIGNING_KEYS = key_generate()

    with pytest.raises(CommandError, match="SERGUR_SIGNING_KEYS"):
        rotate()


def test_generate_prints_a_new_key_and_keep_needs_rotate(key_file: Path) -> None:
    out = StringIO()
    call_command("signing_keys", "--generate", stdout=out)

    assert len(keys_parse(out.getvalue(), source="output").keys) == 1
    with pytest.raises(CommandError, match="--keep"):
        call_command("signing_keys", "--keep", "2")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "no PEM private key"),
        (
            "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n",
            "a key block is not a readable",
        ),
    ],
)
def test_unusable_key_text_is_refused_with_its_source(text: str, message: str) -> None:
    with pytest.raises(SigningKeyError, match=f"SOURCE: {message}"):
        keys_parse(text, source="SOURCE")


def test_the_same_key_twice_is_refused() -> None:
    pem = key_generate()

    with pytest.raises(SigningKeyError, match="twice"):
        keys_parse(pem + pem, source="SOURCE")


@pytest.mark.django_db
def test_the_published_key_set_is_json_by_key_id(key_file: Path, client: Client) -> None:
    response = client.get("/receipts/keys.json")

    keys = json.loads(response.content)["keys"]
    assert response.status_code == 200
    assert keys[0]["kid"] == key_set().active_kid
    assert keys[0]["kty"] == "OKP" and keys[0]["crv"] == "Ed25519"
    raw = base64.urlsafe_b64decode(keys[0]["x"] + "=")
    assert len(raw) == 32


def test_the_system_check_refuses_unusable_keys_from_the_environment(settings):
    settings.SERGUR_SIGNING_KEYS = "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"

    errors = signing_keys_check()

    assert [error.id for error in errors] == ["sergur.E001"]
    assert "SERGUR_SIGNING_KEYS" in errors[0].msg


def test_the_system_check_accepts_good_keys_and_the_embedded_default(settings):
    settings.SERGUR_SIGNING_KEYS = key_generate()
    assert signing_keys_check() == []
    settings.SERGUR_SIGNING_KEYS = ""
    assert signing_keys_check() == []


def test_a_key_file_made_meanwhile_by_another_process_is_kept(key_file: Path) -> None:
    key_file.parent.mkdir(parents=True)
    key_file.write_text(key_generate())
    before = key_file.read_text()

    made = key_file_create(key_file, key_generate().encode("ascii"))

    assert made is False
    assert key_file.read_text() == before
    assert sorted(key_file.parent.iterdir()) == [key_file]  # no temporary file left


def test_threads_making_the_first_key_at_once_all_end_with_one_key(
    key_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads = 8
    # Every thread has written its own temporary key before any links it into place, so
    # all of them reach the step that decides the winner together.
    together = threading.Barrier(threads)
    temporary = signing._key_file_temporary

    def written_then_wait(path: Path, data: bytes) -> Path:
        made = temporary(path, data)
        together.wait(timeout=10)
        return made

    monkeypatch.setattr(signing, "_key_file_temporary", written_then_wait)

    with ThreadPoolExecutor(max_workers=threads) as pool:
        kids = list(pool.map(lambda _: key_set().active_kid, range(threads)))

    assert len(set(kids)) == 1
    on_disk = keys_parse(key_file.read_text(), source="test")
    assert [key_id(key.public_key()) for key in on_disk.keys] == kids[:1]
    assert key_file.stat().st_mode & 0o777 == 0o600
    assert sorted(key_file.parent.iterdir()) == [key_file]


def test_a_key_that_appears_between_the_check_and_the_write_wins(
    key_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    theirs = key_generate()
    temporary = signing._key_file_temporary

    def another_process_is_quicker(path: Path, data: bytes) -> Path:
        # key_set() found no file; another process writes its key now, before ours is linked.
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(theirs)
        return temporary(path, data)

    monkeypatch.setattr(signing, "_key_file_temporary", another_process_is_quicker)

    kid = key_set().active_kid

    assert key_file.read_text() == theirs
    assert kid == key_id(keys_parse(theirs, source="theirs").active.public_key())
    assert sorted(key_file.parent.iterdir()) == [key_file]
