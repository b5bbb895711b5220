"""What every printed document shares: A4 pages in the DejaVu fonts shipped in
`sergur/common/fonts/` (names are not Latin-1), Indonesian dates on the clock of Jakarta, and
QR images. Used by the portfolio documents and the selection's SK."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from pathlib import Path
from zoneinfo import ZoneInfo

import segno
from fpdf import FPDF
from fpdf.enums import WrapMode, XPos, YPos
from fpdf.fonts import FontFace

from sergur.rules.dates import long_date

JAKARTA = ZoneInfo("Asia/Jakarta")
FONTS = Path(__file__).resolve().parent / "fonts"
HEADINGS = FontFace(emphasis="BOLD", fill_color=(228, 228, 228))
GREY = (90, 90, 90)


class Pdf(FPDF):
    """An A4 page with the DejaVu fonts (names are not Latin-1) and a page footer."""

    def __init__(self, *, title: str, footer: str, created: dt.datetime) -> None:
        super().__init__(format="A4")
        self.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
        self.add_font("DejaVu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
        self.set_font("DejaVu", size=10)
        self.set_margins(20, 18, 20)
        self.set_auto_page_break(True, margin=18)
        # A teacher's text is printed as typed: no "{nb}" is ever replaced.
        self.alias_nb_pages("")
        self.set_title(title)
        self.set_creator("sergur")
        self.set_lang("id")
        self.set_creation_date(created)
        self.footer_text = footer
        self.first_numbered_page = 1

    def footer(self) -> None:
        """The document's name and the page number, from the first numbered page on."""
        if self.page_no() < self.first_numbered_page:
            return
        self.set_y(-13)
        self.set_font("DejaVu", size=7.5)
        self.set_text_color(*GREY)
        self.cell(0, 5, f"{self.footer_text} · Halaman {self.page_no()}", align="C")
        self.set_text_color(0)

    def text_block(self, text: str, *, size: float = 10, bold: bool = False, h: float = 5) -> None:
        """A paragraph across the page, wrapped."""
        self.set_font("DejaVu", "B" if bold else "", size)
        self.multi_cell(0, h, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font("DejaVu", size=10)

    def text_center(self, text: str, *, size: float, bold: bool = False) -> None:
        """A centred line (or lines, when long), as on the cover and the page titles."""
        self.set_font("DejaVu", "B" if bold else "", size)
        self.multi_cell(0, size * 0.5, text, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font("DejaVu", size=10)

    def gloss(self, text: str) -> None:
        """An English gloss under an Indonesian line: small and grey."""
        self.set_text_color(*GREY)
        self.text_block(text, size=8, h=4)
        self.set_text_color(0)

    def mono(self, text: str, *, size: float = 9) -> None:
        """A hash or a code: fixed width, broken anywhere so that it always fits."""
        self.set_font("Courier", size=size)
        self.multi_cell(
            0,
            size * 0.45,
            text,
            align="L",
            wrapmode=WrapMode.CHAR,
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
        self.set_font("DejaVu", size=10)

    def grid(
        self,
        headings: tuple[str, ...] | None,
        rows: Sequence[tuple[str, ...]],
        widths: tuple[float, ...],
        *,
        size: float = 9,
        borders: bool = True,
    ) -> None:
        """A table whose long cells wrap and whose headings repeat on every page it spans;
        `widths` in mm, from the left margin."""
        self.set_font("DejaVu", size=size)
        with self.table(
            col_widths=widths,
            width=sum(widths),
            align="LEFT",
            headings_style=HEADINGS,
            first_row_as_headings=headings is not None,
            line_height=size * 0.5,
            text_align="LEFT",
            borders_layout="ALL" if borders else "NONE",
            padding=1 if borders else 0.6,
            v_align="TOP",
        ) as table:
            if headings is not None:
                heading_row = table.row()
                for text in headings:
                    heading_row.cell(text)
            for values in rows:
                row = table.row()
                for text in values:
                    row.cell(text)
        self.set_font("DejaVu", size=10)
        self.ln(2)


def local(moment: dt.datetime) -> dt.datetime:
    """A moment on the clock of Jakarta (WIB), where the programme is run."""
    return moment.astimezone(JAKARTA)


def long_time(moment: dt.datetime) -> str:
    """A moment with its date, time and time zone: 5 Juli 2007, 14:03:09 WIB (Asia/Jakarta)."""
    there = local(moment)
    return f"{long_date(there.date())}, {there:%H:%M:%S} WIB (Asia/Jakarta, UTC+07:00)"


def qr_png(url: str) -> io.BytesIO:
    out = io.BytesIO()
    segno.make(url, error="m").save(out, kind="png", scale=4, border=2)
    out.seek(0)
    return out
