"""The educator certificate's number and the NRG (docs/certificates.md).

Certificate number: the rayon, the programme year and a serial within both, as
`RAYON-YEAR-SERIAL` (`115-2007-000042`); no published format was found (docs/sources/domain.md
§5, "Full list of fields on the certificate: [NOT FOUND]"), so this one is ours, readable aloud
and unique by construction.

NRG (nomor registrasi guru): lifelong, issued by the ministry; its structure is not published
(§5), so it is digits of a configured length: the two digits of the year of issue, a serial,
and a Luhn check digit (ISO/IEC 7812-1 Annex B). Luhn because it is the check digit officers
already meet (bank cards, the IMEI), one digit, computable by hand or in a spreadsheet, and it
catches every single-digit error and every swap of adjacent digits except 09/90.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sergur.rules.messages import Message, msg

SERIAL_DIGITS = 6
_NUMBER = re.compile(r"^([0-9A-Za-z]{1,10})-(\d{4})-(\d{6})$")


@dataclass(frozen=True, slots=True)
class CertificateNumber:
    """The parts of a certificate number."""

    rayon: str
    year: int
    serial: int

    def __str__(self) -> str:
        return f"{self.rayon}-{self.year:04d}-{self.serial:0{SERIAL_DIGITS}d}"


def certificate_number(*, rayon: str, year: int, serial: int) -> str:
    """The certificate number of the `serial`-th certificate of a rayon in a programme year."""
    if not 1 <= serial < 10**SERIAL_DIGITS:
        raise ValueError(f"serial {serial} is outside 1..{10**SERIAL_DIGITS - 1}")
    number = CertificateNumber(rayon=rayon, year=year, serial=serial)
    if parse_certificate_number(str(number)) != number:
        raise ValueError(f"rayon code {rayon!r} cannot be part of a certificate number")
    return str(number)


def parse_certificate_number(text: str) -> CertificateNumber | None:
    """The parts of a certificate number as typed (spaces around allowed); None if malformed."""
    match = _NUMBER.match(text.strip())
    if match is None:
        return None
    return CertificateNumber(rayon=match[1], year=int(match[2]), serial=int(match[3]))


def luhn_digit(digits: str) -> int:
    """The Luhn check digit to append to `digits` (ISO/IEC 7812-1 Annex B)."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 0:  # doubled: the digit that will stand left of the check digit
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return (10 - total % 10) % 10


def nrg_make(*, year: int, serial: int, length: int) -> str:
    """The NRG of the `serial`-th teacher registered in `year`: YY, serial, Luhn digit."""
    width = length - 3
    if not 1 <= serial < 10**width:
        raise ValueError(f"serial {serial} does not fit an NRG of {length} digits")
    body = f"{year % 100:02d}{serial:0{width}d}"
    return f"{body}{luhn_digit(body)}"


def nrg_problems(text: str, *, length: int) -> tuple[Message, ...]:
    """Why `text` is not a well-formed NRG of `length` digits (empty when it is)."""
    if not text.isascii() or not text.isdigit():
        return (msg("nrg.not_digits"),)
    if len(text) != length:
        return (msg("nrg.length", length=str(length)),)
    if luhn_digit(text[:-1]) != int(text[-1]):
        return (msg("nrg.check_digit"),)
    return ()
