"""The SK penetapan peserta (the district's decision letter naming the participants of a
programme year, Buku 1; docs/sources/domain.md §4.5: the serial numbers follow the order of this
SK), built with fpdf2 in the DejaVu fonts of `sergur/common/fonts/` (names are not Latin-1). The
builder is pure: it takes the rows and returns PDF bytes. Indonesian, as the official letter is."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from fpdf.fonts import FontFace

from sergur.common.pdf import JAKARTA, Pdf
from sergur.rules.dates import long_date


@dataclass(frozen=True)
class SkRow:
    """One participant as the SK lists them."""

    number: str
    name: str
    school: str
    subject: str


@dataclass(frozen=True)
class SkSignature:
    """The SK's own data: its number, the day it was signed, the signatory and NIP."""

    number: str
    signed_on: dt.date
    name: str
    nip: str


@dataclass(frozen=True)
class SkData:
    """What the SK shows: the district, the year, the quota and the participants; without a
    signature it is a draft (KONSEP) with blanks for the number and signatory."""

    district: str
    province: str
    programme_year: int
    quota: int
    issued_at: dt.datetime
    rows: Sequence[SkRow]
    signature: SkSignature | None = None


def spaced(number: str) -> str:
    """A participant number in its groups, YY PP KK BBB D NNNN (docs/sources/domain.md §4.5)."""
    if len(number) != 14:
        return number
    return " ".join((number[:2], number[2:4], number[4:6], number[6:9], number[9], number[10:]))


def sk_pdf(data: SkData) -> bytes:
    """The SK penetapan peserta sertifikasi guru dalam jabatan of one district and programme
    year, listing every participant with number, name, school and subject (Buku 1)."""
    issued = data.issued_at.astimezone(JAKARTA)
    title = f"Penetapan Peserta Sertifikasi Guru Tahun {data.programme_year}"
    pdf = Pdf(title=title, footer=f"SK penetapan peserta · {data.district}", created=issued)
    pdf.add_page()
    pdf.text_center(f"DINAS PENDIDIKAN {data.district.upper()}", size=12, bold=True)
    pdf.text_center(f"PROVINSI {data.province.upper()}", size=10)
    pdf.ln(4)
    signature = data.signature
    if signature is None:
        pdf.text_center("KONSEP — belum bernomor dan belum ditandatangani", size=10, bold=True)
    pdf.text_center("SURAT KEPUTUSAN", size=13, bold=True)
    pdf.text_center(f"Nomor: {signature.number if signature else '……………'}", size=10)
    pdf.text_center(
        f"tentang penetapan peserta sertifikasi guru dalam jabatan tahun {data.programme_year}",
        size=10,
    )
    pdf.ln(4)
    pdf.text_block(
        "Berdasarkan Permendiknas Nomor 18 Tahun 2007 dan pedoman penetapan peserta (Buku 1), "
        f"dengan kuota {data.quota} orang, guru yang namanya tercantum di bawah ini ditetapkan "
        f"sebagai peserta sertifikasi guru dalam jabatan tahun {data.programme_year}. "
        f"Jumlah peserta: {len(data.rows)} orang."
    )
    pdf.ln(2)
    pdf.set_font("DejaVu", size=8.5)
    with pdf.table(
        col_widths=(10, 42, 48, 40, 30),
        width=170,
        align="LEFT",
        headings_style=FontFace(emphasis="BOLD", fill_color=(228, 228, 228)),
        line_height=4.5,
        text_align="LEFT",
        padding=1,
        v_align="TOP",
    ) as table:
        heading = table.row()
        for text in ("No.", "Nomor peserta", "Nama", "Sekolah", "Bidang studi"):
            heading.cell(text)
        for n, row in enumerate(data.rows, start=1):
            line = table.row()
            for text in (str(n), spaced(row.number), row.name, row.school, row.subject):
                line.cell(text)
    pdf.ln(6)
    pdf.set_font("DejaVu", size=10)
    signed_on = signature.signed_on if signature else issued.date()
    pdf.text_block(f"Ditetapkan pada tanggal {long_date(signed_on)}")
    pdf.text_block(f"Kepala Dinas Pendidikan {data.district}")
    pdf.ln(14)
    pdf.text_block(signature.name if signature else "(……………………………)")
    pdf.text_block(f"NIP {signature.nip if signature else '……………………'}")
    return bytes(pdf.output())
