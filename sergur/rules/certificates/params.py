"""Certificate parameters of one programme year: the `[certificate]` section of the year file.

The NRG's digit structure is not published (docs/sources/domain.md §5, "[NOT FOUND]", commonly
cited as 12 digits): its length is a product default per year, its last digit a Luhn check
digit (docs/certificates.md). The legal basis is the regulation the certificate cites.
"""

from __future__ import annotations

from pathlib import Path

from msgspec import Struct

from sergur.rules.programme import ProgrammeYearError, load_section

NRG_MIN_DIGITS = 8
NRG_MAX_DIGITS = 20


class CertificateParams(Struct, frozen=True, kw_only=True):
    """What a programme year's certificates and NRGs are made of."""

    year: int
    nrg_digits: int  # digits of an NRG, the check digit included
    legal_basis: str  # the regulation printed on the certificate


def parse_certificate(path: Path, data: dict[str, object]) -> CertificateParams:
    """Check the `[certificate]` section of a year file; errors name the file and the key."""
    section = data.get("certificate")
    if not isinstance(section, dict):
        raise ProgrammeYearError(f"{path}: the [certificate] section is missing")
    digits = section.get("nrg_digits")
    if (
        isinstance(digits, bool)
        or not isinstance(digits, int)
        or not NRG_MIN_DIGITS <= digits <= NRG_MAX_DIGITS
    ):
        raise ProgrammeYearError(
            f"{path}: certificate.nrg_digits must be a whole number from "
            f"{NRG_MIN_DIGITS} to {NRG_MAX_DIGITS}"
        )
    basis = section.get("legal_basis")
    if not isinstance(basis, str) or not basis.strip():
        raise ProgrammeYearError(f"{path}: certificate.legal_basis must be a text")
    year = data.get("year")
    if isinstance(year, bool) or not isinstance(year, int):
        raise ProgrammeYearError(f"{path}: 'year' must be an integer")
    return CertificateParams(year=year, nrg_digits=digits, legal_basis=basis.strip())


_CACHE: dict[tuple[int, tuple[Path, ...]], CertificateParams] = {}


def certificate_params(year: int, extra_dirs: tuple[Path, ...] = ()) -> CertificateParams:
    """The certificate parameters of `year`, from the first folder with `<year>.toml`."""
    return load_section(year, extra_dirs, parse_certificate, _CACHE)
