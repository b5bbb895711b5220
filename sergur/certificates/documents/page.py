"""The certificate page written straight as PDF objects: a few milliseconds a page, where
fpdf2 took ~45 ms (issue 12, "Speed": >= 100 signed PDFs a second per core).

The page is one A4 sheet whose layout never changes; only its text does. So this module
does not lay out a document in general: it wraps the certificate's lines with the fonts'
advance widths (`Face.width`), writes the drawing operators, and puts the page together from
objects that are the same for every certificate (the catalog, the fonts) and the few that are
not (the content stream, the document information).

What fpdf2 cost, and what replaced it (`bench/certificate_pdfs.py`, docs/certificates.md
"Speed"):
- cutting a font subset per document (fontTools, ~13 ms a font): the fonts are embedded as
  the subset of `BASE`, cut once per process; a text with a character outside `BASE` (a name in
  another script) gets a subset of `BASE` plus its characters, cut once per set of characters.
  Glyph ids are the fonts' own (`retain_gids`), so the text is written the same either way;
- fpdf2's line breaking and cell model (~40 % of its time): `_wrap` below;
- the QR code's mask choice (segno tries all eight, ~10 ms): the mask is fixed (any mask is a
  valid QR code; the eight differ only in how easy they are to scan, and a 38 mm code on paper
  scans with any).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from pathlib import Path

import segno
from fontTools import subset as ftsubset
from fontTools import ttLib

FONTS = Path(__file__).resolve().parents[2] / "common" / "fonts"
K = 72 / 25.4
"""Points per millimetre."""
PAGE_W, PAGE_H = 210.0, 297.0
LEFT, TOP, RIGHT, BOTTOM = 20.0, 18.0, 20.0, 18.0
WIDTH = PAGE_W - LEFT - RIGHT
PAD = 1.0
"""The room left and right of a line inside its box (mm), as fpdf2's cell margin."""
GREY = "0.353 g"
QR_BORDER = 2
QR_MASK = 0
DARK_RUN = re.compile(b"\x01+")
COURIER_ADVANCE = 0.6
"""Courier (a standard PDF font, not embedded): every character 0.6 em wide."""

BASE = frozenset(
    (
        *range(0x20, 0x7F),
        *range(0xA0, 0x100),
        0x2013,  # en dash
        0x2014,  # em dash
        0x2018,
        0x2019,
        0x201C,
        0x201D,
        0x2026,  # ellipsis
    )
)
"""The characters every embedded subset has: ASCII and Latin-1, as nearly every certificate
is written."""


@dataclass(frozen=True)
class Face:
    """One DejaVu font as the page needs it: glyph ids and advance widths (1000 to the em)."""

    name: str
    data: bytes
    gids: dict[int, int]
    widths: dict[int, int]  # by glyph id
    ascent: int
    descent: int
    cap_height: int
    bbox: tuple[int, int, int, int]

    @cached_property
    def _hex(self) -> dict[str, str]:
        return {chr(code): f"{gid:04X}" for code, gid in self.gids.items()}

    @cached_property
    def _advance(self) -> dict[str, int]:
        return {chr(code): self.widths[gid] for code, gid in self.gids.items()}

    def glyphs(self, text: str) -> str:
        """`text` as the hex of its glyph ids; .notdef (a box) where the font has none."""
        known = self._hex
        return "".join([known.get(char, "0000") for char in text])

    def width(self, text: str, size: float) -> float:
        """The width of `text` at `size` points, in mm."""
        known, notdef = self._advance, self.widths[0]
        return sum([known.get(char, notdef) for char in text]) * size / (1000 * K)


@cache
def face(file: str) -> Face:
    """A font's metrics and bytes, read once per process."""
    data = (FONTS / file).read_bytes()
    font = ttLib.TTFont(io.BytesIO(data), lazy=True)
    scale = 1000 / font["head"].unitsPerEm
    order = {name: gid for gid, name in enumerate(font.getGlyphOrder())}
    metrics = font["hmtx"].metrics
    os2 = font["OS/2"]
    head = font["head"]
    return Face(
        name=font["name"].getDebugName(6) or file.removesuffix(".ttf"),
        data=data,
        gids={code: order[name] for code, name in font.getBestCmap().items()},
        widths={order[name]: round(advance * scale) for name, (advance, _) in metrics.items()},
        ascent=round(font["hhea"].ascent * scale),
        descent=round(font["hhea"].descent * scale),
        cap_height=round(getattr(os2, "sCapHeight", 0) * scale or 0.7 * font["hhea"].ascent),
        bbox=(
            round(head.xMin * scale),
            round(head.yMin * scale),
            round(head.xMax * scale),
            round(head.yMax * scale),
        ),
    )


REGULAR, BOLD = "DejaVuSans.ttf", "DejaVuSans-Bold.ttf"


def _stream(head: str, data: bytes) -> bytes:
    compressed = zlib.compress(data, 6)
    return (
        f"<<{head}/Filter/FlateDecode/Length {len(compressed)}>>stream\n".encode()
        + compressed
        + b"\nendstream"
    )


def _to_unicode(pairs: Iterable[tuple[int, int]]) -> bytes:
    """The CMap from glyph ids back to characters, so that the text can be copied and found."""
    pairs = sorted(pairs)
    lines = [
        "/CIDInit/ProcSet findresource begin 12 dict begin begincmap",
        "/CIDSystemInfo<</Registry(Adobe)/Ordering(UCS)/Supplement 0>>def",
        "/CMapName/Adobe-Identity-UCS def/CMapType 2 def",
        "1 begincodespacerange <0000><FFFF> endcodespacerange",
    ]
    for start in range(0, len(pairs), 100):
        chunk = pairs[start : start + 100]
        lines.append(f"{len(chunk)} beginbfchar")
        lines.extend(f"<{gid:04X}><{chr(code).encode('utf-16-be').hex()}>" for gid, code in chunk)
        lines.append("endbfchar")
    lines.append("endcmap CMapName currentdict/CMap defineresource pop end end")
    return "\n".join(lines).encode()


@lru_cache(maxsize=64)
def font_objects(file: str, chars: frozenset[int], first: int) -> tuple[bytes, ...]:
    """The five objects of a Type 0 font (numbered from `first`) embedding the subset of
    `chars`: cut once per process and set of characters, the same bytes for every page."""
    font = face(file)
    options = ftsubset.Options(notdef_outline=True, retain_gids=True, glyph_names=False)
    options.layout_features = []
    options.name_IDs = []
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "kern", "hdmx", "FFTM", "MATH"]
    subsetter = ftsubset.Subsetter(options)
    drawn = sorted(code for code in chars if code in font.gids)
    subsetter.populate(unicodes=drawn)
    program = ttLib.TTFont(io.BytesIO(font.data), recalcTimestamp=False)
    subsetter.subset(program)
    out = io.BytesIO()
    program.save(out)
    tag = "".join(chr(65 + byte % 26) for byte in hashlib.sha256(repr(drawn).encode()).digest()[:6])
    name = f"{tag}+{font.name}"
    pairs = {font.gids[code]: code for code in drawn}
    widths = " ".join(f"{gid}[{font.widths[gid]}]" for gid in sorted({0, *pairs}))
    bbox = " ".join(map(str, font.bbox))
    return (
        f"<</Type/Font/Subtype/Type0/BaseFont/{name}/Encoding/Identity-H"
        f"/DescendantFonts[{first + 1} 0 R]/ToUnicode {first + 4} 0 R>>".encode(),
        f"<</Type/Font/Subtype/CIDFontType2/BaseFont/{name}"
        "/CIDSystemInfo<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>"
        f"/FontDescriptor {first + 2} 0 R/CIDToGIDMap/Identity/DW 600/W[{widths}]>>".encode(),
        f"<</Type/FontDescriptor/FontName/{name}/Flags 32/FontBBox[{bbox}]/ItalicAngle 0"
        f"/Ascent {font.ascent}/Descent {font.descent}/CapHeight {font.cap_height}"
        f"/StemV 80/FontFile2 {first + 3} 0 R>>".encode(),
        _stream(f"/Length1 {len(out.getvalue())}", out.getvalue()),
        _stream("", _to_unicode(pairs.items())),
    )


def _text_string(text: str) -> str:
    """A PDF text string (document information): literal when ASCII, else UTF-16BE."""
    if text.isascii():
        escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        return f"({escaped})"
    return f"<FEFF{text.encode('utf-16-be').hex().upper()}>"


def _split_long(word: str, fits: float, measure: Face, size: float) -> list[str]:
    """A word wider than the line, broken between characters."""
    pieces, piece = [], ""
    for char in word:
        if piece and measure.width(piece + char, size) > fits:
            pieces.append(piece)
            piece = ""
        piece += char
    return [*pieces, piece]


def _wrap(text: str, fits: float, measure: Face, size: float) -> list[str]:
    """`text` in lines of at most `fits` mm, broken at spaces (and at line breaks)."""
    lines: list[str] = []
    space = measure.width(" ", size)
    for paragraph in text.split("\n"):
        line, used = "", 0.0
        for word in paragraph.replace("\t", " ").split(" "):
            wide = measure.width(word, size)
            if line and used + space + wide <= fits:
                line, used = f"{line} {word}", used + space + wide
                continue
            if line:
                lines.append(line)
            if wide <= fits:
                line, used = word, wide
            else:
                *whole, line = _split_long(word, fits, measure, size)
                lines.extend(whole)
                used = measure.width(line, size)
        lines.append(line)
    return lines


class Page:
    """A single A4 page drawn top to bottom, as the certificate needs it: lines of text in
    the two DejaVu faces and Courier, vector squares for the QR code."""

    def __init__(self) -> None:
        self.y = TOP
        self.ops: list[str] = []
        self.chars: set[int] = set()
        self.bold_chars: set[int] = set()

    def _show(self, text: str, *, x: float, top: float, h: float, size: float, bold: bool) -> None:
        """One line whose box starts at `x`, `top` (mm) and is `h` mm high, the baseline
        where fpdf2 puts it."""
        font = face(BOLD if bold else REGULAR)
        (self.bold_chars if bold else self.chars).update(map(ord, text))
        glyphs = font.glyphs(text)
        baseline = top + 0.5 * h + 0.3 * size / K
        self.ops.append(
            f"BT/{'F2' if bold else 'F1'} {size:.2f} Tf {x * K:.2f} {(PAGE_H - baseline) * K:.2f}"
            f" Td<{glyphs}>Tj ET"
        )

    def lines(
        self,
        text: str,
        *,
        size: float,
        h: float,
        bold: bool = False,
        x: float = LEFT,
        w: float = WIDTH,
        center: bool = False,
        grey: bool = False,
    ) -> None:
        """A paragraph in the box from `x`, `w` mm wide, wrapped, left or centred; the cursor
        moves below it."""
        font = face(BOLD if bold else REGULAR)
        if grey:
            self.ops.append(GREY)
        for line in _wrap(text, w - 2 * PAD, font, size):
            left = x + PAD
            if center:
                left = x + (w - font.width(line, size)) / 2
            self._show(line, x=left, top=self.y, h=h, size=size, bold=bold)
            self.y += h
        if grey:
            self.ops.append("0 g")

    def rows(
        self, rows: Iterable[tuple[str, str]], *, widths: tuple[float, float], size: float
    ) -> None:
        """Label and value side by side, each wrapped in its column, as a borderless table."""
        h, pad = size * 0.5, 0.6
        font = face(REGULAR)
        for label, value in rows:
            top = self.y + pad
            height = 0.0
            x = LEFT
            for text, width in zip((label, value), widths, strict=True):
                wrapped = _wrap(text, width - 2 * pad, font, size)
                for number, line in enumerate(wrapped):
                    self._show(line, x=x + pad, top=top + number * h, h=h, size=size, bold=False)
                height = max(height, len(wrapped) * h)
                x += width
            self.y = top + height + pad

    def mono(self, text: str, *, size: float) -> None:
        """A code in Courier across the page, broken anywhere."""
        h = size * 0.45
        per_line = max(1, int((WIDTH - 2 * PAD) * K / (size * COURIER_ADVANCE)))
        for start in range(0, len(text), per_line):
            chunk = text[start : start + per_line].encode("latin-1", "replace").decode("latin-1")
            escaped = chunk.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            baseline = self.y + 0.5 * h + 0.3 * size / K
            self.ops.append(
                f"BT/F3 {size:.2f} Tf {(LEFT + PAD) * K:.2f} {(PAGE_H - baseline) * K:.2f}"
                f" Td({escaped})Tj ET"
            )
            self.y += h

    def qr(self, text: str, *, x: float, y: float, w: float) -> None:
        """A QR code (level M, a quiet zone of two modules) as one filled path, `w` mm wide."""
        matrix = segno.make(text, error="m", mask=QR_MASK).matrix
        size = w / (len(matrix) + 2 * QR_BORDER)
        rects = []
        for row_no, row in enumerate(matrix):
            top = (PAGE_H - y - (row_no + QR_BORDER) * size) * K
            column = 0
            while column < len(row):
                if not row[column]:
                    column += 1
                    continue
                start = column
                while column < len(row) and row[column]:
                    column += 1
                left = (x + (start + QR_BORDER) * size) * K
                rects.append(
                    f"{left:.2f} {top:.2f} {(column - start) * size * K:.2f} {-size * K:.2f} re"
                )
        self.ops.append("q 0 g " + " ".join(rects) + " f Q")

    def output(
        self,
        *,
        info: dict[str, str],
        created: dt.datetime,
        signature: SignatureField | None = None,
    ) -> bytes:
        """The whole PDF file: the page, its fonts and the document information; with
        `signature`, also the signature field with its room left empty (`signature_fill`)."""
        content = _stream("", "\n".join(self.ops).encode())
        regular = font_objects(REGULAR, BASE | frozenset(self.chars), 7)
        bold = font_objects(BOLD, BASE | frozenset(self.bold_chars), 12)
        moment = created.astimezone(dt.UTC)
        fields = "".join(f"/{key} {_text_string(value)}" for key, value in info.items())
        form, annots, signed = b"", b"", tuple[bytes, ...]()
        if signature is not None:
            form, annots = b"/AcroForm 17 0 R", b"/Annots[18 0 R]"
            signed = signature.objects(widget=18, value=19, page=3)
        objects = (
            b"<</Type/Catalog/Pages 2 0 R/Lang(id)" + form + b">>",
            b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
            f"<</Type/Page/Parent 2 0 R/MediaBox[0 0 {PAGE_W * K:.2f} {PAGE_H * K:.2f}]"
            "/Resources<</Font<</F1 7 0 R/F2 12 0 R/F3 6 0 R>>>>/Contents 4 0 R".encode()
            + annots
            + b">>",
            content,
            f"<<{fields}/Creator(sergur)/Producer(sergur)"
            f"/CreationDate(D:{moment:%Y%m%d%H%M%S}Z)>>".encode(),
            b"<</Type/Font/Subtype/Type1/BaseFont/Courier/Encoding/WinAnsiEncoding>>",
            *regular,
            *bold,
            *signed,
        )
        out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for number, body in enumerate(objects, start=1):
            offsets.append(len(out))
            out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
        xref = len(out)
        out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
        out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
        identity = hashlib.md5(bytes(out), usedforsecurity=False).hexdigest()
        out += (
            f"trailer\n<</Size {len(objects) + 1}/Root 1 0 R/Info 5 0 R"
            f"/ID[<{identity}><{identity}>]>>\nstartxref\n{xref}\n%%EOF\n".encode()
        )
        return bytes(out)


BYTE_RANGE = b"/ByteRange[0 0000000000 0000000000 0000000000]"
"""Room for the byte range, written over once the file's length is known."""


@dataclass(frozen=True)
class SignatureField:
    """An invisible PAdES signature field (ETSI.CAdES.detached) whose CMS, `reserved` hex
    digits long at most, is filled in after the file is written (`signature_fill`)."""

    name: str
    reason: str
    signed_at: dt.datetime
    reserved: int

    def objects(self, *, widget: int, value: int, page: int) -> tuple[bytes, ...]:
        """The form, the field's widget and the signature dictionary."""
        moment = self.signed_at.astimezone(dt.UTC)
        return (
            f"<</Fields[{widget} 0 R]/SigFlags 3>>".encode(),
            f"<</FT/Sig/T{_text_string(self.name)}/Type/Annot/Subtype/Widget/F 132"
            f"/Rect[0 0 0 0]/P {page} 0 R/V {value} 0 R>>".encode(),
            b"<</Type/Sig/Filter/Adobe.PPKLite/SubFilter/ETSI.CAdES.detached"
            + BYTE_RANGE
            + b"/Contents<"
            + b"0" * self.reserved
            + f">/M(D:{moment:%Y%m%d%H%M%S}Z)/Reason{_text_string(self.reason)}>>".encode(),
        )


def signature_fill(data: bytes, sign: Callable[[bytes], bytes]) -> bytes:
    """The file with its byte range written in and the CMS that `sign` makes for the
    SHA-256 digest of that range (everything but the /Contents hex string)."""
    at = data.rindex(BYTE_RANGE)
    start = data.index(b"<", at + len(BYTE_RANGE))
    end = data.index(b">", start) + 1
    ranges = f"/ByteRange[0 {start:010d} {end:010d} {len(data) - end:010d}]".encode()
    out = bytearray(data)
    out[at : at + len(BYTE_RANGE)] = ranges
    digest = hashlib.sha256(out[:start])
    digest.update(out[end:])
    cms = sign(digest.digest()).hex().upper().encode()
    room = end - start - 2
    if len(cms) > room:
        raise ValueError(f"the CMS takes {len(cms)} hex digits, {room} were reserved")
    out[start + 1 : start + 1 + len(cms)] = cms
    return bytes(out)
