from __future__ import annotations

import datetime as dt
import io
import re

import pytest
import segno
from pypdf import PdfReader

from sergur.common.pdf import Pdf

CREATED = dt.datetime(2008, 4, 1, 3, 0, tzinfo=dt.UTC)


def _pdf(text: str, *, latin: bool) -> Pdf:
    pdf = Pdf(title="t", footer="f", created=CREATED, latin=latin)
    pdf.add_page()
    pdf.text_block(text)
    pdf.text_center(text, size=12, bold=True)
    return pdf


def _text(pdf: Pdf) -> str:
    return PdfReader(io.BytesIO(bytes(pdf.output()))).pages[0].extract_text()


@pytest.mark.parametrize("latin", [True, False])
def test_a_latin_name_is_printed_in_either_font(latin: bool) -> None:
    name = "Dra. Ṡri Rahayu Widyaningsih-Ñúñez, M.Pd. — NIP 1965"
    pdf = _pdf(name, latin=latin)
    assert not pdf.lacks_glyphs()
    assert _text(pdf).count(name) == 2


def test_the_latin_fonts_lack_another_script_and_the_whole_fonts_have_it() -> None:
    name = "Сергей Ἀθηνᾶ"
    assert _pdf(name, latin=True).lacks_glyphs()
    whole = _pdf(name, latin=False)
    assert not whole.lacks_glyphs()
    assert name in _text(whole)


def test_documents_made_one_after_another_keep_their_own_glyphs() -> None:
    first = bytes(_pdf("Amir", latin=True).output())
    second = _pdf("Zulkifli Xavier", latin=True)
    assert "Zulkifli Xavier" in _text(second)
    assert "Amir" in PdfReader(io.BytesIO(first)).pages[0].extract_text()


def test_the_qr_code_is_drawn_module_by_module_as_segno_encodes_it() -> None:
    text = "https://sergur.example/certificates/verify/?code=abc"
    pdf = Pdf(title="t", footer="f", created=CREATED)
    pdf.add_page()
    pdf.qr(text, x=20, y=30, w=38)
    stream = PdfReader(io.BytesIO(bytes(pdf.output()))).pages[0].get_contents()
    assert stream is not None
    drawn = stream.get_data().decode("latin-1")
    path = drawn[drawn.index("q 0 g ") : drawn.index(" f Q")]
    matrix = segno.make(text, error="m").matrix
    size = 38 / (len(matrix) + 4) * pdf.k
    dark = set()
    for left, top, width, height in re.findall(r"(\S+) (\S+) (\S+) (\S+) re", path):
        assert float(height) == pytest.approx(-size, abs=0.01)
        column = round((float(left) - 20 * pdf.k) / size - 2)
        row = round(((pdf.h - 30) * pdf.k - float(top)) / size - 2)
        dark |= {(row, column + n) for n in range(round(float(width) / size))}
    expected = {(r, c) for r, line in enumerate(matrix) for c, v in enumerate(line) if v}
    assert dark == expected
