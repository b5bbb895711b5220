"""The certificate page written straight as PDF (`documents/page.py`), without a database:
the certificate is built in memory as the bench does."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from sergur.certificates.documents.page import (
    BASE,
    BOLD,
    PAGE_H,
    REGULAR,
    WIDTH,
    Page,
    _wrap,
    face,
    font_objects,
)
from sergur.certificates.documents.pdf import KEYWORD, certificate_pdf_unsigned
from sergur.certificates.models import Certificate, Nrg
from sergur.registry.models import Rayon

AT = dt.datetime(2008, 4, 1, 3, 0, tzinfo=dt.UTC)
URL = "https://sergur.example/certificates/verify/?code="


def _certificate(**fields: str) -> Certificate:
    rayon = Rayon(code="115", institution="Universitas Negeri Yogyakarta")
    values = {
        "holder_name": "Dra. Sri Rahayu Widyaningsih, M.Pd.",
        "birth_place": "Bantul",
        "institution": rayon.institution,
        "signatory": "Rektor Universitas Negeri Yogyakarta",
        "legal_basis": "Peraturan Menteri Pendidikan Nasional Nomor 18 Tahun 2007",
        "code": "abc.def.ghi",
        **fields,
    }
    return Certificate(
        number="115-2007-000042",
        rayon=rayon,
        year=2007,
        serial=42,
        nrg=Nrg(number="070000000424", year=2007, serial=42, issued_at=AT),
        birth_date=dt.date(1965, 8, 17),
        nuptk="1234567890123456",
        participant_number="07340218010042",
        subject_code="180",
        subject_name="Matematika",
        issued_on=AT.date(),
        issued_at=AT,
        status_index=41,
        **values,
    )


def _read(data: bytes) -> tuple[str, dict[str, str]]:
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    metadata = reader.metadata
    assert metadata is not None
    return reader.pages[0].extract_text(), {key: str(value) for key, value in metadata.items()}


def test_every_field_is_on_the_page_and_the_code_in_the_keywords() -> None:
    certificate = _certificate()
    text, metadata = _read(certificate_pdf_unsigned(certificate, verify_url=URL + "abc"))
    for value in (
        certificate.holder_name,
        "Bantul, 17 Agustus 1965",
        "1234567890123456",
        "070000000424",
        "07340218010042",
        "180 Matematika",
        "UNIVERSITAS NEGERI YOGYAKARTA",
        "Rektor Universitas Negeri Yogyakarta",
        "1 April 2008",
    ):
        assert value in text
    assert metadata["/Keywords"] == KEYWORD + certificate.code
    assert metadata["/Title"] == "Sertifikat Pendidik 115-2007-000042"


def test_a_name_outside_the_base_characters_gets_its_own_subset() -> None:
    name = "Ṡri Ñúñez Ŝ Сергей"
    data = certificate_pdf_unsigned(_certificate(holder_name=name), verify_url=URL)
    text, _metadata = _read(data)
    assert name in text
    common = font_objects(REGULAR, BASE, 7)
    assert common[3] not in data  # not the base subset: it lacks these glyphs


def test_a_plain_page_embeds_the_subset_made_once_per_process() -> None:
    data = certificate_pdf_unsigned(_certificate(), verify_url=URL)
    assert font_objects(REGULAR, BASE, 7)[3] in data
    assert font_objects(BOLD, BASE, 12)[3] in data


def test_the_longest_fields_still_fit_above_the_footer() -> None:
    certificate = _certificate(
        holder_name="W" * 150,
        institution="W" * 150,
        signatory="Rektor " * 21,
        legal_basis="Peraturan " * 25,
        birth_place="M" * 100,
    )
    certificate.code = "c" * 400
    data = certificate_pdf_unsigned(certificate, verify_url=URL + "x" * 300)
    text, _metadata = _read(data)  # one page, and no ValueError on the way
    assert text.count("W") == 300


def test_lines_wrap_at_spaces_and_break_a_word_wider_than_the_line() -> None:
    font = face(REGULAR)
    lines = _wrap("satu dua\n" + "W" * 200, 50, font, 10)
    assert lines[0] == "satu dua"
    assert "".join(lines[1:]) == "W" * 200
    assert all(font.width(line, 10) <= 50 for line in lines)


def test_the_cursor_moves_one_line_height_a_line() -> None:
    page = Page()
    start = page.y
    page.lines("a\nb\nc", size=10, h=5)
    page.mono("x" * 400, size=6)
    assert page.y == pytest.approx(start + 15 + 4 * 6 * 0.45)
    assert page.y < PAGE_H and WIDTH == 170
