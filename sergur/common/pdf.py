"""What every printed document shares: A4 pages in the DejaVu fonts shipped in
`sergur/common/fonts/` (names are not Latin-1), Indonesian dates on the clock of Jakarta, and
QR images. Used by the portfolio documents and the selection's SK."""

from __future__ import annotations

import copy
import datetime as dt
import io
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import segno
from fontTools import subset as ftsubset
from fontTools import ttLib
from fpdf import FPDF
from fpdf.enums import WrapMode, XPos, YPos
from fpdf.fonts import FontFace, SubsetMap, TTFFont

from sergur.rules.dates import long_date

JAKARTA = ZoneInfo("Asia/Jakarta")
FONTS = Path(__file__).resolve().parent / "fonts"
HEADINGS = FontFace(emphasis="BOLD", fill_color=(228, 228, 228))
GREY = (90, 90, 90)
QR_BORDER = 2


class Pdf(FPDF):
    """An A4 page with the DejaVu fonts (names are not Latin-1) and a page footer.

    `latin=True` takes the fonts cut down to the Latin script (`LATIN`): a page three times
    quicker to make, for documents made in bulk; when `lacks_glyphs()` afterwards, make the
    page again with the whole fonts."""

    def __init__(
        self, *, title: str, footer: str, created: dt.datetime, latin: bool = False
    ) -> None:
        super().__init__(format="A4")
        self._add_parsed_font("", "DejaVuSans.ttf", latin=latin)
        self._add_parsed_font("B", "DejaVuSans-Bold.ttf", latin=latin)
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

    def _add_parsed_font(self, style: str, name: str, *, latin: bool) -> None:
        """`add_font("DejaVu", style, FONTS / name)` from a font parsed once per process.

        fpdf2 parses the whole TTF (cmap, widths, glyph names) in `add_font`: about 40 ms a
        font, 60 % of a certificate. The parsed widths and maps are only read, so every
        document shares them; what a document changes is its own: the subset of the glyphs
        it uses and the fontTools font that fpdf2 cuts down to that subset on output (opened
        lazily from bytes in memory).
        """
        parsed, data = _parsed_font(style, name, latin=latin)
        font = copy.copy(parsed)
        font.i = len(self.fonts) + 1
        font.ttfont = ttLib.TTFont(io.BytesIO(data), recalcTimestamp=False, lazy=True)
        font.subset = SubsetMap(font)
        font.missing_glyphs = []
        font.biggest_size_pt = 0
        self.fonts[font.fontkey] = font

    def qr(self, text: str, *, x: float, y: float, w: float) -> None:
        """A QR code (error level M, a quiet zone of two modules as `qr_png`) drawn as vector
        squares, `w` mm wide: sharp at any print size, and no PNG to encode and decode (a
        third of a certificate's time went to the image)."""
        matrix = segno.make(text, error="m").matrix
        size = w / (len(matrix) + 2 * QR_BORDER)
        k = self.k
        rects = []
        for row_no, row in enumerate(matrix):
            top = (self.h - y - (row_no + QR_BORDER) * size) * k
            column = 0
            while column < len(row):
                if not row[column]:
                    column += 1
                    continue
                start = column
                while column < len(row) and row[column]:
                    column += 1
                left = (x + (start + QR_BORDER) * size) * k
                width = (column - start) * size * k
                rects.append(f"{left:.3f} {top:.3f} {width:.3f} {-size * k:.3f} re")
        # One filled path in black; fpdf2's `rect` would write one operator per run.
        self._out("q 0 g " + " ".join(rects) + " f Q")

    def lacks_glyphs(self) -> bool:
        """Whether some text so far has a character the fonts do not draw (with `latin=True`:
        a name in another script; render it again with `latin=False`)."""
        return any(
            isinstance(font, TTFFont) and font.missing_glyphs for font in self.fonts.values()
        )

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


LATIN = (
    *range(0x20, 0x7F),
    *range(0xA0, 0x250),  # Latin-1 Supplement, Latin Extended-A and -B
    *range(0x1E00, 0x1F00),  # Latin Extended Additional
    *range(0x2000, 0x2070),  # General Punctuation
    0x20AC,
    0x2116,
    0x2122,
)
"""The characters of the `latin=True` fonts: every name and text written in Latin script."""


def _latin_font(path: Path) -> bytes:
    """The font cut down to `LATIN`, without the layout tables fpdf2 drops anyway: ~960 of
    DejaVu's ~6,200 glyphs, so that cutting each document's subset from it is quick."""
    options = ftsubset.Options(notdef_outline=True, recommended_glyphs=True, glyph_names=True)
    options.layout_features = []
    options.name_IDs = ["*"]
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "kern", "hdmx", "FFTM", "MATH"]
    subsetter = ftsubset.Subsetter(options)
    subsetter.populate(unicodes=LATIN)
    font = ttLib.TTFont(path, recalcTimestamp=False)
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


@cache
def _parsed_font(style: str, name: str, *, latin: bool) -> tuple[TTFFont, bytes]:
    """A DejaVu font as fpdf2's `add_font` parses it, and the bytes it is parsed from."""
    path = FONTS / name
    data = _latin_font(path) if latin else path.read_bytes()
    # fontTools opens a file object as well as a path (fpdf2 only needs a path to shape text
    # with HarfBuzz, which these documents do not ask for).
    source: Any = io.BytesIO(data)
    return TTFFont(FPDF(), source, f"dejavu{style}", style), data


def local(moment: dt.datetime) -> dt.datetime:
    """A moment on the clock of Jakarta (WIB), where the programme is run."""
    return moment.astimezone(JAKARTA)


def long_time(moment: dt.datetime) -> str:
    """A moment with its date, time and time zone: 5 Juli 2007, 14:03:09 WIB (Asia/Jakarta)."""
    there = local(moment)
    return f"{long_date(there.date())}, {there:%H:%M:%S} WIB (Asia/Jakarta, UTC+07:00)"


def qr_png(url: str) -> io.BytesIO:
    out = io.BytesIO()
    segno.make(url, error="m").save(out, kind="png", scale=4, border=QR_BORDER)
    out.seek(0)
    return out
