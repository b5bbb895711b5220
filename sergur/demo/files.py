"""Small evidence files for the demo: one-page PDFs (fpdf2) and PNG scans (Pillow), each
with its own text, so no two files share a hash."""

from __future__ import annotations

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from fpdf import FPDF
from PIL import Image, ImageDraw


def _latin1(text: str) -> str:
    """The PDF core fonts cover Latin-1 only."""
    return text.encode("latin-1", "replace").decode("latin-1")


def pdf_document(*, title: str, lines: list[str], footer: str) -> bytes:
    """A one-page A4 document: a heading, a few lines and a footer."""
    pdf = FPDF(format="A4")
    pdf.set_title(_latin1(title))
    pdf.set_creator("sergur demo")
    pdf.add_page()
    pdf.set_font("Helvetica", style="B", size=15)
    pdf.cell(0, 9, text=_latin1(title.upper()), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_font("Helvetica", size=11)
    for line in lines:
        pdf.cell(0, 7, text=_latin1(line), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(10)
    pdf.set_font("Helvetica", style="I", size=9)
    pdf.cell(0, 5, text=_latin1(footer), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def png_scan(*, title: str, lines: list[str], shade: int) -> bytes:
    """A small 'scanned' certificate: a frame, a heading and a few lines."""
    paper = (250 - shade % 12, 246 - shade % 9, 232 - shade % 15)
    image = Image.new("RGB", (480, 320), paper)
    draw = ImageDraw.Draw(image)
    draw.rectangle((10, 10, 469, 309), outline=(120, 90, 40), width=4)
    draw.rectangle((18, 18, 461, 301), outline=(170, 140, 80), width=1)
    draw.text((36, 34), title.upper(), fill=(60, 40, 10))
    for number, line in enumerate(lines):
        draw.text((36, 80 + 22 * number), line, fill=(20, 20, 20))
    draw.ellipse((380, 220, 440, 280), outline=(150, 30, 30), width=3)  # the stamp
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=1)
    return buffer.getvalue()


def upload(*, name: str, content: bytes) -> SimpleUploadedFile:
    """The file as an upload, the way the evidence service receives it."""
    kind = "image/png" if name.endswith(".png") else "application/pdf"
    return SimpleUploadedFile(name, content, content_type=kind)
