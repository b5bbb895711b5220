from __future__ import annotations

from pathlib import Path

import pytest

from sergur.rules import ProgrammeYearError
from sergur.rules.certificates import (
    MIN_BITS,
    bit_at,
    bitstring_decode,
    bitstring_encode,
    certificate_params,
)


def test_shipped_years_have_a_certificate_section() -> None:
    params = certificate_params(2007)
    assert params.nrg_digits == 12
    assert "18 Tahun 2007" in params.legal_basis
    assert certificate_params(2012).year == 2012


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("", "section is missing"),
        ("[certificate]\nnrg_digits = 3\nlegal_basis = 'x'\n", "nrg_digits"),
        ("[certificate]\nnrg_digits = true\nlegal_basis = 'x'\n", "nrg_digits"),
        ("[certificate]\nnrg_digits = 12\nlegal_basis = ' '\n", "legal_basis"),
    ],
)
def test_a_bad_section_names_the_key(tmp_path: Path, body: str, message: str) -> None:
    (tmp_path / "2031.toml").write_text(f"year = 2031\n{body}")
    with pytest.raises(ProgrammeYearError, match=message):
        certificate_params(2031, (tmp_path,))


def test_a_bad_year_value_is_refused(tmp_path: Path) -> None:
    (tmp_path / "2032.toml").write_text(
        "year = '2032'\n[certificate]\nnrg_digits = 12\nlegal_basis = 'x'\n"
    )
    with pytest.raises(ProgrammeYearError, match="'year'"):
        certificate_params(2032, (tmp_path,))


def test_status_list_round_trip_and_minimum_size() -> None:
    encoded = bitstring_encode([0, 7, 9, 131_071])
    assert encoded.startswith("u")
    bits = bitstring_decode(encoded)
    assert len(bits) * 8 == MIN_BITS
    assert [i for i in (0, 1, 7, 8, 9, 131_071) if bit_at(bits, i)] == [0, 7, 9, 131_071]
    # The same statuses give the same text (mtime 0).
    assert bitstring_encode([9, 7, 0, 131_071]) == encoded


def test_status_list_refuses_what_is_not_one() -> None:
    with pytest.raises(ValueError, match="outside"):
        bitstring_encode([MIN_BITS])
    with pytest.raises(ValueError, match="prefix"):
        bitstring_decode("H4sI")
    with pytest.raises(ValueError, match="GZIP"):
        bitstring_decode("uAAAA")
    with pytest.raises(ValueError, match="outside"):
        bit_at(b"\0", 8)
