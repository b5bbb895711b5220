"""W3C Bitstring Status List v1.0: one bit per certificate, GZIP-compressed, base64url
(multibase "u"), at least 131,072 bits (16 KiB) per list so that a list does not tell which
certificate a verifier asks about (https://www.w3.org/TR/vc-bitstring-status-list/ §2.1, §6.1).
Bit 0 is the left-most bit of the first byte (§3.2)."""

from __future__ import annotations

import base64
import gzip
from collections.abc import Iterable

MIN_BITS = 131_072
"""The specification's minimum list length (16 KiB)."""

PURPOSES = ("revocation", "suspension")


def bitstring_encode(indices: Iterable[int], *, size: int = MIN_BITS) -> str:
    """The `encodedList` of a list of `size` bits with the bits at `indices` set."""
    bits = bytearray(max(size, MIN_BITS) // 8)
    for index in indices:
        if not 0 <= index < len(bits) * 8:
            raise ValueError(f"status index {index} is outside the list")
        bits[index // 8] |= 0x80 >> (index % 8)
    # mtime=0: the same statuses give the same bytes (cacheable, comparable).
    packed = gzip.compress(bytes(bits), compresslevel=9, mtime=0)
    return "u" + base64.urlsafe_b64encode(packed).rstrip(b"=").decode("ascii")


def bitstring_decode(encoded: str) -> bytes:
    """The bits of an `encodedList`; ValueError when it is not one."""
    if not encoded.startswith("u"):
        raise ValueError("an encodedList starts with the multibase prefix 'u'")
    body = encoded[1:]
    try:
        return gzip.decompress(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    except (OSError, EOFError) as error:
        raise ValueError("the encodedList is not GZIP-compressed") from error


def bit_at(bits: bytes, index: int) -> bool:
    """Whether bit `index` of a decoded list is set."""
    if not 0 <= index < len(bits) * 8:
        raise ValueError(f"status index {index} is outside the list")
    return bool(bits[index // 8] & (0x80 >> (index % 8)))
