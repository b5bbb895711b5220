"""The signed submission receipt (issue 3, item 7): who, when, the content hash, what was
handed in, the declaration accepted, and the receipt code with a QR code of its check."""

from __future__ import annotations

from fpdf.enums import WrapMode, XPos, YPos

from sergur.portfolios.documents.layout import COMPONENTS, NOT_YET, Pdf, long_time, qr_png
from sergur.portfolios.documents.reads import ReceiptData


def receipt_pdf(data: ReceiptData, *, verify_url: str) -> bytes:
    """The submission receipt: who, when, the content hash, what was handed in, the declaration
    accepted, and the signed receipt code with a QR code of its verification link."""
    who = data.identity
    pdf = Pdf(
        title="Tanda Terima Penyerahan Portofolio",
        footer=f"Tanda terima penyerahan portofolio · kasus {who.case_id}",
        created=data.submitted_at,
    )
    pdf.add_page()
    qr_size = 40
    pdf.image(
        qr_png(verify_url), x=pdf.w - pdf.r_margin - qr_size, y=pdf.t_margin, w=qr_size, h=qr_size
    )
    pdf.set_xy(pdf.w - pdf.r_margin - qr_size, pdf.t_margin + qr_size)
    pdf.set_font("DejaVu", size=7)
    pdf.multi_cell(qr_size, 3, "Pindai untuk memeriksa\nScan to check", align="C")
    pdf.set_xy(pdf.l_margin, pdf.t_margin)
    pdf.text_block("Tanda Terima Penyerahan Portofolio", size=15, bold=True, h=7)
    pdf.gloss("Portfolio submission receipt")
    pdf.text_block(f"Sertifikasi Guru dalam Jabatan · Tahun program {who.programme_year}", size=10)
    pdf.gloss(f"In-service teacher certification · programme year {who.programme_year}")
    pdf.ln(3)
    fields = [
        ("Nomor kasus", "Case number", str(who.case_id)),
        ("Tahun program", "Programme year", str(who.programme_year)),
        ("Nomor peserta", "Participant number", who.participant_number or NOT_YET),
        ("Nama guru", "Teacher", who.name),
        ("Sekolah", "School", who.school.name if who.school else "—"),
        ("Waktu penyerahan", "Submitted at", long_time(data.submitted_at)),
    ]
    pdf.grid(
        None,
        [(f"{label}\n{gloss}", value) for label, gloss, value in fields],
        (36, 90),
        borders=False,
        size=9,
    )
    pdf.text_block("Hash isi yang diserahkan (SHA-256)", bold=True, size=9.5)
    pdf.gloss("Hash of the submitted content (SHA-256)")
    pdf.mono(data.content_hash)
    pdf.ln(2)
    pdf.text_block("Isian dan berkas bukti per komponen", bold=True, size=9.5)
    pdf.gloss("Entries and evidence files per component")
    rows = [
        (str(c.number), COMPONENTS[c.number - 1], str(c.entries), str(c.files)) for c in data.counts
    ]
    total_entries = sum(c.entries for c in data.counts)
    rows.append(("", "Jumlah / Total", str(total_entries), str(sum(c.files for c in data.counts))))
    pdf.grid(
        ("No.", "Komponen / Component", "Isian / Entries", "Berkas / Files"),
        rows,
        (10, 120, 20, 20),
        size=8,
    )
    pdf.text_block("Pernyataan yang disetujui", bold=True, size=9.5)
    pdf.gloss("Declaration accepted")
    pdf.text_block(data.declaration, size=8.5, h=4.2)
    pdf.ln(2)
    pdf.text_block("Kode tanda terima (ditandatangani server)", bold=True, size=9.5)
    pdf.gloss("Receipt code (signed by the server, Ed25519)")
    pdf.mono(data.code, size=7.5)
    pdf.ln(2)
    pdf.set_font("DejaVu", size=8)
    pdf.multi_cell(
        0,
        4,
        "Pindai kode QR di atas, atau tempelkan kode tanda terima pada alamat berikut, untuk "
        "memeriksa keaslian tanda terima ini. Kode hanya memuat nomor kasus, waktu penyerahan "
        "dan hash isi, tanpa data pribadi.\nScan the QR code above, or paste the receipt code "
        "at this address, to check that this receipt is genuine. The code holds only the case "
        "number, the time and the content hash: no personal data.",
        align="L",
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    pdf.set_font("Courier", size=8)
    pdf.multi_cell(0, 4, verify_url.split("?", 1)[0], align="L", wrapmode=WrapMode.CHAR)
    return bytes(pdf.output())
