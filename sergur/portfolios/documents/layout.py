"""What every printed document shares: A4 pages in the DejaVu fonts (names are not
Latin-1), Indonesian dates on the clock of Jakarta, and the QR image."""

from __future__ import annotations

from fpdf.fonts import TextStyle

from sergur.common.pdf import (
    FONTS,
    GREY,
    HEADINGS,
    JAKARTA,
    Pdf,
    local,
    long_time,
    qr_png,
)
from sergur.rules.dates import long_date

# Buku II §7.1: the ten components, in the order of the instrument and of the bound evidence.
COMPONENTS = (
    "Kualifikasi Akademik",
    "Pendidikan dan Pelatihan",
    "Pengalaman Mengajar",
    "Perencanaan dan Pelaksanaan Pembelajaran",
    "Penilaian dari Atasan dan Pengawas",
    "Prestasi Akademik",
    "Karya Pengembangan Profesi",
    "Keikutsertaan dalam Forum Ilmiah",
    "Pengalaman Menjadi Pengurus Organisasi di Bidang Kependidikan dan Sosial",
    "Penghargaan yang Relevan dengan Bidang Pendidikan",
)
NOT_YET = "belum ada"
DOTS = "…………………"

PART_STYLE = TextStyle(font_family="DejaVu", font_style="B", font_size_pt=10.5, t_margin=3)
ITEM_STYLE = TextStyle(font_family="DejaVu", font_style="", font_size_pt=9)

__all__ = [
    "COMPONENTS",
    "DOTS",
    "FONTS",
    "GREY",
    "HEADINGS",
    "ITEM_STYLE",
    "JAKARTA",
    "NOT_YET",
    "PART_STYLE",
    "Pdf",
    "local",
    "long_date",
    "long_time",
    "qr_png",
]
