"""The portfolio book (issue 3, item 8) in Buku II's binding order (docs/instrument-2007.md
§7.1): cover, contents, the filled instrument (identity and validation page, the ten
components, the declaration) and the list of the evidence by component. The closed-envelope
instruments appear only as "in a closed envelope": nothing here reads their item scores."""

from __future__ import annotations

from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import TextStyle
from fpdf.outline import OutlineSection, TableOfContents

from sergur.portfolios.documents.counselor import tables_for
from sergur.portfolios.documents.layout import (
    COMPONENTS,
    DOTS,
    GREY,
    ITEM_STYLE,
    NOT_YET,
    PART_STYLE,
    Pdf,
    local,
    long_date,
    long_time,
)
from sergur.portfolios.documents.reads import BookData, Identity
from sergur.portfolios.documents.tables import LEVEL_NAMES, Table, component_of
from sergur.portfolios.models import Evidence
from sergur.portfolios.sections import QUALIFICATION_ROWS
from sergur.portfolios.selectors import Row
from sergur.portfolios.services import DECLARATION_TEXT


def _row_label(row: Row) -> str:
    if row.section.key == "qualification":
        label = row.code.split(".", 1)[1]
        return label if label.endswith(")") else f"{label}."
    return f"{row.label}." if row.section.label_style == "letter" else row.label


def _table_rows(table: Table, rows: list[Row]) -> list[tuple[str, ...]]:
    score = ("",) if table.scored else ()
    if table.key == "qualification":
        return _qualification_rows(table, rows)
    out = [(_row_label(row), *table.cells(row.entry.values), *score) for row in rows]
    if not out:
        blank = ("(tidak ada isian)",) + ("",) * (len(table.columns) - 1)
        out.append(("", *blank, *score))
    return out


def _qualification_rows(table: Table, rows: list[Row]) -> list[tuple[str, ...]]:
    """Buku II prints one row per level (a. D4 … e. S3); a further degree of the same level
    follows its level as a sub-row."""
    out: list[tuple[str, ...]] = []
    placed: set[int] = set()
    for level, letter in QUALIFICATION_ROWS.items():
        mine = [
            row for row in rows if row.code == f"1.{letter}" or row.code.startswith(f"1.{letter}.")
        ]
        placed.update(row.entry.pk for row in mine)
        if not mine:
            out.append((f"{letter}.", LEVEL_NAMES.get(level, level), "", "", "", "", ""))
        out.extend((_row_label(row), *table.cells(row.entry.values), "") for row in mine)
    out.extend(
        (_row_label(row), *table.cells(row.entry.values), "")
        for row in rows
        if row.entry.pk not in placed
    )
    return out


class _Contents(TableOfContents):
    """Buku II's contents page (Lampiran 2): the parts bold, their pages on the right."""

    def get_text_style(self, pdf: FPDF, item: OutlineSection) -> TextStyle:
        """Bold for the two parts, regular for what they hold."""
        return PART_STYLE if item.level == 0 else ITEM_STYLE


def _render_contents(pdf: FPDF, outline: list[OutlineSection]) -> None:
    pdf.set_x(pdf.l_margin)
    pdf.set_font("DejaVu", "B", 14)
    pdf.cell(0, 10, "DAFTAR ISI", align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("DejaVu", "B", 9)
    pdf.cell(0, 6, "Halaman", align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    _Contents(level_indent=7, line_spacing=1.7).render_toc(pdf, outline)


def book_pdf(data: BookData) -> bytes:
    """The portfolio book in Buku II's binding order: cover, contents, the filled instrument
    (identity and validation page, the ten components, the declaration) and the list of the
    evidence by component."""
    who = data.identity
    pdf = Pdf(
        title=f"Dokumen Portofolio {who.programme_year}",
        footer=f"Dokumen Portofolio {who.programme_year} · kasus {who.case_id}",
        created=data.printed_at,
    )
    pdf.first_numbered_page = 2
    _cover(pdf, who)
    pdf.add_page()
    pdf.insert_toc_placeholder(_render_contents, pages=1)
    pdf.start_section("INSTRUMEN PORTOFOLIO YANG TELAH DIISI", level=0)
    pdf.start_section("1. Halaman Identitas dan Pengesahan", level=1)
    _identity_page(pdf, data)
    pdf.add_page()
    pdf.start_section("2. Komponen Portofolio", level=1)
    tables = tables_for(data.portfolio.role)
    for number, name in enumerate(COMPONENTS, start=1):
        if number > 1 and pdf.will_page_break(70):
            pdf.add_page()
        pdf.start_section(f"{number}. {name}", level=2)
        pdf.text_block(f"{number}. {name.upper()}", bold=True, size=11, h=6)
        pdf.ln(1)
        for table in tables:
            if component_of(table) == number:
                _instrument_table(pdf, table, data)
        if number == 4 and data.portfolio.role != "counselor":
            # A counsellor's 4.b is the records table above, scored by the assessors.
            _envelope(pdf, data, practice=True)
        if number == 5:
            _envelope(pdf, data, practice=False)
    _declaration(pdf, data)
    pdf.add_page()
    pdf.start_section("BUKTI FISIK (DOKUMEN PORTOFOLIO)", level=0)
    _evidence_list(pdf, data, tables)
    return bytes(pdf.output())


def _cover(pdf: Pdf, who: Identity) -> None:
    """Lampiran 1: DOKUMEN PORTOFOLIO / Disusun Oleh: / name / school / district / province /
    year."""
    pdf.add_page()
    pdf.set_y(70)
    pdf.text_center("DOKUMEN PORTOFOLIO", size=24, bold=True)
    pdf.set_y(125)
    pdf.text_center("Disusun Oleh:", size=12)
    pdf.ln(4)
    pdf.text_center(who.name, size=15, bold=True)
    school = who.school
    for line in (school.name, school.district, school.province) if school else ():
        pdf.ln(2)
        pdf.text_center(line, size=13)
    pdf.set_y(235)
    pdf.text_center(str(who.programme_year), size=16, bold=True)


def _place_date(data: BookData) -> str:
    """The place-and-date line: the district and the day of submission (dotted until then)."""
    who = data.identity
    place = who.school.district_name if who.school else DOTS
    if data.submission is None:
        return f"{place}, {DOTS} {who.programme_year}"
    return f"{place}, {long_date(local(data.submission.submitted_at).date())}"


def _identity_page(pdf: Pdf, data: BookData) -> None:
    """Buku II §2.1: IDENTITAS PESERTA, items 1–11, and the validation block."""
    who = data.identity
    school = who.school
    pdf.text_center("IDENTITAS PESERTA", size=13, bold=True)
    pdf.ln(3)
    gender = {"L": "L (laki-laki)", "P": "P (perempuan)"}.get(who.gender, who.gender)
    birth = ", ".join(part for part in (who.birth_place, long_date(who.birth_date)) if part)
    items = [
        ("1.", "Nama (lengkap dengan gelar akademik)", who.name),
        ("2.", "Nomor Peserta", who.participant_number or NOT_YET),
        ("3.", "NIP/NIK", who.nip),
        ("4.", "Pangkat/Golongan", who.rank),
        ("5.", "Jenis Kelamin", gender),
        ("6.", "Tempat, tgl lahir", birth),
        ("7.", "Pendidikan Terakhir", who.education),
        ("8.", "Akta Mengajar", "Memiliki" if who.has_licence else "Tidak Memiliki"),
        ("9.", "Sekolah Tempat Tugas", ""),
        ("", "a. Nama", school.name if school else ""),
        ("", "b. Alamat Sekolah", school.address if school else ""),
        ("", "c. Kecamatan", school.subdistrict if school else ""),
        ("", "d. Kabupaten/Kota", school.district if school else ""),
        ("", "e. Provinsi", school.province if school else ""),
        ("", "f. No. Telp. Sekolah", school.phone if school else ""),
        ("", "g. Alamat e-mail", school.email if school else ""),
        # The NSS, not the NPSN: the instrument's item 9h is the Nomor Statistik Sekolah.
        ("", "h. Nomor Statistik Sekolah", school.nss if school else ""),
        ("10.", "Mata Pelajaran/Guru Kelas TK/TKLB/SD/SDLB", who.subject),
        ("11.", "Beban Mengajar per Minggu", f"{who.weekly_hours} Jam"),
    ]
    pdf.grid(
        None,
        [
            (no, label, *(("", "") if no == "9." else (":", value or "-")))
            for no, label, value in items
        ],
        (9, 66, 4, 91),
        borders=False,
        size=10,
    )
    pdf.ln(4)
    pdf.set_font("DejaVu", size=10)
    pdf.cell(0, 6, _place_date(data), align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.cell(0, 6, "Mengetahui:", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    blank = f"\n\n\n\n({DOTS}{DOTS})\nNIP {DOTS}"
    pdf.grid(
        None,
        [
            (
                "Kepala Sekolah," + blank,
                "Pengawas Pendidikan," + blank,
                f"Penyusun,\n\n\n\n({who.name})\nNIP {who.nip or DOTS}",
            )
        ],
        (57, 57, 56),
        borders=False,
        size=9.5,
    )


def _instrument_table(pdf: Pdf, table: Table, data: BookData) -> None:
    """One table: its number and title, the instruction, the rows, the note, the footer."""
    if pdf.will_page_break(35):
        pdf.add_page()
    if table.number not in ("1", "2", "3", "8"):
        pdf.text_block(f"{table.number} {table.title}", bold=True, size=10)
    pdf.text_block(table.instruction, size=8.5, h=4.2)
    pdf.ln(1)
    headings = ("NO.", *table.columns, *(("SKOR (diisi penilai)",) if table.scored else ()))
    data_width = sum(table.widths)
    widths = (12, *table.widths, *((170 - 12 - data_width,) if table.scored else ()))
    rows = _table_rows(table, data.portfolio.section_rows(table.key))
    pdf.grid(headings, rows, widths, size=8.5)
    if table.key == "teaching_period":
        service = data.service
        pdf.text_block(
            f"Kumulatif lama mengajar: {service.years} tahun ({service.months} bulan, dihitung "
            f"sampai {long_date(data.service_until)}); skor: .......... (diisi penilai)",
            size=9,
        )
    if table.footer:
        pdf.text_block(table.footer, size=9)
    if table.note:
        pdf.text_block(f"Catatan: {table.note}", size=8, h=4)
    pdf.ln(3)


def _envelope(pdf: Pdf, data: BookData, *, practice: bool) -> None:
    """4.b (subject teachers) and 5: the principal's and supervisor's instruments travel in a
    closed envelope. Only whether they are complete is printed, never an item score."""
    envelope = data.portfolio.envelope
    if practice:
        title = "4.b Pelaksanaan Pembelajaran"
        what = (
            "Bukti fisik berupa dokumen hasil penilaian oleh kepala sekolah dan pengawas tentang "
            "kinerja Bapak/Ibu dalam pelaksanaan pembelajaran di kelas"
        )
        score = "Skor pelaksanaan pembelajaran (diambil dari amplop tertutup): ..............."
    else:
        title = ""
        what = (
            "Bukti fisik berupa dokumen hasil penilaian dari atasan dan pengawas tentang "
            "kompetensi kepribadian dan kompetensi sosial Bapak/Ibu (Format Penilaian Atasan)"
        )
        score = "Skor penilaian atasan dan pengawas (diambil dari amplop tertutup): ........"
    if pdf.will_page_break(35):
        pdf.add_page()
    if title:
        pdf.text_block(title, bold=True, size=10)
    pdf.text_block(f"{what}: dalam amplop tertutup (in a closed envelope).", size=9)
    done = envelope is not None and envelope.complete
    pdf.text_block(
        "Status: sudah diisi dan dikonfirmasi oleh kepala sekolah dan pengawas."
        if done
        else "Status: belum diisi dan dikonfirmasi oleh kepala sekolah dan pengawas.",
        size=9,
    )
    pdf.text_block(f"{score} (diisi penilai)", size=9)
    pdf.ln(3)


def _declaration(pdf: Pdf, data: BookData) -> None:
    """The closing declaration of the instrument (pernyataan keaslian), with place and date."""
    submission = data.submission
    if pdf.will_page_break(85):
        pdf.add_page()
    pdf.start_section("3. Pernyataan", level=1)
    pdf.ln(4)
    pdf.text_center("PERNYATAAN", size=12, bold=True)
    pdf.ln(2)
    pdf.set_font("DejaVu", size=10)
    text = submission.declaration if submission is not None else DECLARATION_TEXT
    pdf.multi_cell(0, 5.5, text, align="J", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(6)
    x = pdf.l_margin + 95
    for line in (_place_date(data), "Peserta sertifikasi,", "", "", "", f"({data.identity.name})"):
        pdf.set_x(x)
        pdf.multi_cell(75, 5.5, line, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if submission is not None:
        pdf.ln(6)
        pdf.set_text_color(*GREY)
        pdf.text_block(
            "Diserahkan secara elektronik melalui sergur pada "
            f"{long_time(submission.submitted_at)}. Hash isi yang diserahkan (SHA-256):",
            size=8,
            h=4,
        )
        pdf.mono(submission.content_hash, size=8)
        pdf.set_text_color(0)


def _kind(file: Evidence) -> str:
    return "Asli" if file.is_original else "Fotokopi dilegalisasi"


def _evidence_list(pdf: Pdf, data: BookData, tables: list[Table]) -> None:
    """Section 4 of the binding order: the evidence by component (a. … j.), each file with its
    code, its table, its name, original or legalised copy, and the start of its SHA-256."""
    titles = {table.key: f"{table.number} {table.title}" for table in tables}
    pdf.text_center("BUKTI FISIK (DOKUMEN PORTOFOLIO)", size=13, bold=True)
    pdf.gloss(
        "Setiap bukti diberi kode di pojok kanan atas sesuai dengan penomoran pada instrumen "
        "portofolio; setiap bukti hanya digunakan untuk satu komponen."
    )
    pdf.ln(2)
    for number, name in enumerate(COMPONENTS, start=1):
        letter = "abcdefghij"[number - 1]
        if pdf.will_page_break(30):
            pdf.add_page()
        pdf.start_section(f"{number}. {name}", level=1)
        pdf.text_block(f"{letter}. {name}", bold=True, size=10)
        rows = [
            (
                row.code,
                titles[table.key],
                file.original_name,
                _kind(file),
                file.sha256[:16],
            )
            for table in tables
            if component_of(table) == number
            for row in data.portfolio.section_rows(table.key)
            for file in row.evidence
        ]
        if number == 5 or (number == 4 and data.portfolio.role != "counselor"):
            pdf.text_block(
                "Hasil penilaian kepala sekolah dan pengawas: dalam amplop tertutup.", size=8.5
            )
        if rows:
            pdf.grid(
                ("KODE", "TABEL", "NAMA BERKAS", "ASLI / LEGALISASI", "SHA-256 (awal)"),
                rows,
                (18, 42, 48, 28, 34),
                size=8,
            )
        else:
            pdf.text_block("(tidak ada berkas)", size=8.5)
            pdf.ln(2)
