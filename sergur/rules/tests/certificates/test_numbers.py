from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sergur.rules.certificates import (
    CertificateNumber,
    certificate_number,
    luhn_digit,
    nrg_make,
    nrg_problems,
    parse_certificate_number,
)


def test_certificate_number_reads_back_its_parts() -> None:
    number = certificate_number(rayon="115", year=2007, serial=42)
    assert number == "115-2007-000042"
    assert parse_certificate_number(f"  {number} ") == CertificateNumber("115", 2007, 42)


@pytest.mark.parametrize("text", ["", "115-2007-42", "115/2007/000042", "a b-2007-000001"])
def test_a_malformed_certificate_number_is_none(text: str) -> None:
    assert parse_certificate_number(text) is None


def test_certificate_number_refuses_a_serial_out_of_range_and_a_bad_rayon() -> None:
    with pytest.raises(ValueError, match="serial"):
        certificate_number(rayon="115", year=2007, serial=0)
    with pytest.raises(ValueError, match="rayon"):
        certificate_number(rayon="1-5", year=2007, serial=1)


def test_luhn_digit_of_the_iso_example() -> None:
    # ISO/IEC 7812-1 Annex B's example: 7992739871 takes the check digit 3.
    assert luhn_digit("7992739871") == 3


def test_nrg_has_the_year_a_serial_and_a_check_digit() -> None:
    nrg = nrg_make(year=2007, serial=1, length=12)
    assert len(nrg) == 12
    assert nrg.startswith("07000000001")
    assert nrg_problems(nrg, length=12) == ()


def test_nrg_refuses_a_serial_that_does_not_fit() -> None:
    with pytest.raises(ValueError, match="does not fit"):
        nrg_make(year=2007, serial=10**9, length=12)


@pytest.mark.parametrize(
    ("text", "code"),
    [("07x000000011", "nrg.not_digits"), ("0700000001", "nrg.length"), ("070000000010", "")],
)
def test_nrg_problems_name_the_fault(text: str, code: str) -> None:
    problems = nrg_problems(text, length=12)
    expected = code or "nrg.check_digit"
    assert [p.code for p in problems] == [expected]


@given(st.integers(min_value=1, max_value=10**9 - 1), st.integers(0, 11), st.integers(1, 9))
def test_any_single_digit_change_of_an_nrg_is_caught(serial: int, place: int, delta: int) -> None:
    nrg = nrg_make(year=2012, serial=serial, length=12)
    changed = nrg[:place] + str((int(nrg[place]) + delta) % 10) + nrg[place + 1 :]
    assert nrg_problems(changed, length=12) != ()
