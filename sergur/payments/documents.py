"""The payments' files: the SKTP list per district as PDF and XLSX, and a run's lists for the
finance office and the bank as CSV and XLSX (docs/allowance.md, "SKTP and payments"). Every
cell a spreadsheet opens is neutralised against formulas (sergur/tabular/spreadsheet.py)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Iterator
from decimal import Decimal

from openpyxl import Workbook  # type: ignore[import-untyped]

from sergur.common.pdf import Pdf, local
from sergur.payments.models import PaymentEntry, Sktp, SktpEntry
from sergur.rules.dates import long_date
from sergur.tabular.spreadsheet import neutralise

Row = tuple[str | int | Decimal, ...]

SKTP_HEADINGS = (
    "No",
    "NUPTK",
    "Nama",
    "Status",
    "Gol",
    "MKG",
    "Gaji pokok",
    "Faktor",
    "Tunjangan/bulan",
    "PPh 21/bulan",
    "Diterima/bulan",
    "Sumber dana",
)
FINANCE_HEADINGS = (
    "Entri",
    "NUPTK",
    "NIP",
    "Nama",
    "Bulan",
    "Bruto",
    "PPh 21",
    "Neto",
    "Sumber dana",
    "Koreksi atas entri",
)
BANK_HEADINGS = ("NUPTK", "Nama", "Bank", "Nomor rekening", "Jumlah transfer")


def sktp_rows(lines: Iterable[SktpEntry]) -> Iterator[Row]:
    """The SKTP list's rows, in line order."""
    for line in lines:
        yield (
            line.line,
            line.teacher.nuptk,
            line.teacher.name,
            line.employment,
            line.golongan,
            line.mkg,
            line.base if line.base is not None else "",
            line.factor,
            line.gross,
            line.tax,
            line.gross - line.tax,
            line.funding.upper(),
        )


def finance_rows(entries: Iterable[PaymentEntry]) -> Iterator[Row]:
    """A run's entries for the finance office: one row per month paid or corrected."""
    for entry in entries:
        yield (
            entry.pk,
            entry.teacher.nuptk,
            entry.teacher.nip,
            entry.teacher.name,
            f"{entry.month:%Y-%m}",
            entry.gross,
            entry.tax,
            entry.gross - entry.tax,
            entry.funding.upper(),
            entry.corrects_id or "",
        )


def bank_rows(entries: Iterable[PaymentEntry]) -> Iterator[Row]:
    """A run's transfers for the bank: one row per teacher with the net sum of the run's
    entries (a teacher whose sum is not above zero is left to the finance office's list)."""
    current: PaymentEntry | None = None
    total = Decimal(0)
    for entry in entries:
        if current is not None and entry.teacher_id != current.teacher_id:
            if total > 0:
                yield _bank_row(current, total)
            total = Decimal(0)
        current = entry
        total += entry.gross - entry.tax
    if current is not None and total > 0:
        yield _bank_row(current, total)


def _bank_row(entry: PaymentEntry, total: Decimal) -> Row:
    profile = getattr(entry.teacher, "pay_profile", None)
    bank = profile.bank_name if profile is not None else ""
    account = profile.bank_account if profile is not None else ""
    return (entry.teacher.nuptk, entry.teacher.name, bank, account, total)


def _cell(value: str | int | Decimal) -> str | int | Decimal:
    return neutralise(value) if isinstance(value, str) else value


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_stream(headings: tuple[str, ...], rows: Iterable[Row]) -> Iterator[str]:
    """A CSV written line by line (streamed to the browser)."""
    writer = csv.writer(_Echo())
    yield writer.writerow(headings)
    for row in rows:
        yield writer.writerow([_cell(value) for value in row])


def xlsx_bytes(title: str, headings: tuple[str, ...], rows: Iterable[Row]) -> tuple[bytes, int]:
    """A one-sheet workbook (written row by row, openpyxl's write-only mode) and its row count."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title[:31])
    sheet.append(list(headings))
    count = 0
    for row in rows:
        sheet.append([_cell(value) for value in row])
        count += 1
    out = io.BytesIO()
    book.save(out)
    return out.getvalue(), count


def _money(value: str | int | Decimal) -> str:
    return f"{value:,}".replace(",", ".") if isinstance(value, Decimal) else str(value)


def sktp_pdf(sktp: Sktp, lines: Iterable[SktpEntry], created: dt.datetime) -> tuple[bytes, int]:
    """The SKTP as a printed list: the decree's number, district and semester, then every line."""
    title = f"Surat Keputusan Tunjangan Profesi {sktp.number}"
    pdf = Pdf(title=title, footer=sktp.number, created=created, latin=True)
    pdf.set_margins(10, 14, 10)
    pdf.add_page(orientation="L")
    pdf.text_center("SURAT KEPUTUSAN TUNJANGAN PROFESI (SKTP)", size=13, bold=True)
    pdf.text_center(f"Nomor {sktp.number}", size=10)
    pdf.ln(2)
    year, half = sktp.semester.split("-")
    months = "Januari-Juni" if half == "1" else "Juli-Desember"
    pdf.text_block(
        f"{sktp.district.get_kind_display()} {sktp.district.name}, semester {half} "
        f"({months} {year}). Ditetapkan {long_date(local(created).date())}."
    )
    pdf.gloss(
        "Allowance decree: the teachers eligible in the semester, with the monthly amount "
        "(base salary x factor, income tax withheld) and the funding source."
    )
    pdf.ln(2)
    rows = [tuple(_money(value) for value in row) for row in sktp_rows(lines)]
    widths = (10.0, 30, 55, 22, 12, 11, 24, 13, 26, 22, 26, 26)
    pdf.grid(SKTP_HEADINGS, rows, widths, size=7.5)
    pdf.text_block(f"Jumlah guru: {len(rows)}", bold=True)
    return bytes(pdf.output()), len(rows)


__all__ = [
    "BANK_HEADINGS",
    "FINANCE_HEADINGS",
    "SKTP_HEADINGS",
    "bank_rows",
    "csv_stream",
    "finance_rows",
    "sktp_pdf",
    "sktp_rows",
    "xlsx_bytes",
]
