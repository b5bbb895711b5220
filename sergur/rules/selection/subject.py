"""The subject a teacher is certified in when they teach outside their degree's field (mismatch).

The 2007 FAQ (docs/sources/seeds/003_358fe984fbae11df.txt): "Sertifikasi bagi guru yang mengajar
tidak sesuai dengan bidang keahliannya dapat memilih proses sertifikasi berbasis pada ijazah
S1/D4 yang dimiliki, atau memilih proses sertifikasi berbasis bidang studi yang diajarkan.
Jalur sertifikasi mana yang akan dipilih oleh guru, sepenuhnya diserahkan guru yang
bersangkutan dengan segala konsekuensinya."

The district officer records the teacher's choice; until a choice is recorded the subject
taught stands (product default: it is the subject the teacher is registered and ranked in).
"""

from __future__ import annotations

from enum import StrEnum

from msgspec import Struct

from sergur.rules.messages import Message, msg


class MismatchChoice(StrEnum):
    """The route a mismatched teacher chose: on the degree's field or on the subject taught."""

    NONE = ""
    DEGREE = "degree"
    TAUGHT = "taught"


class CertifiedSubject(Struct, frozen=True, gc=False):
    """The subject code the teacher is certified in, and why."""

    code: str
    reason: Message


def certified_subject(*, taught: str, degree: str, choice: str) -> CertifiedSubject:
    """The certified subject of a teacher who teaches `taught` with a degree in the field of
    `degree` (subject codes; "" when the degree's field is not recorded) and chose `choice`."""
    if not degree or degree == taught:
        return CertifiedSubject(taught, msg("selection.subject.matches", subject=taught))
    if choice == MismatchChoice.DEGREE:
        return CertifiedSubject(degree, msg("selection.subject.degree", subject=degree))
    if choice == MismatchChoice.TAUGHT:
        return CertifiedSubject(taught, msg("selection.subject.taught", subject=taught))
    return CertifiedSubject(
        taught, msg("selection.subject.unchosen", subject=taught, degree=degree)
    )
