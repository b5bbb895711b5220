"""What the amount and payment rules say: the salary table, the factor, the tax, the months owed
(docs/allowance.md, "Amount" and "SKTP and payments"; docs/sources/domain.md §6, §6.1)."""

from __future__ import annotations

from sergur.rules.messages.catalogue import Catalogue

PAYMENTS: Catalogue = {
    "pay.table_row": {
        "id": "Gaji pokok {golongan} MKG {mkg} tahun menurut {regulation}: Rp {amount}.",
        "en": "Base salary {golongan} at MKG {mkg} under {regulation}: Rp {amount}.",
    },
    "pay.no_table": {
        "id": "Tidak ada tabel gaji pokok yang berlaku pada {on}.",
        "en": "No salary table is in force on {on}.",
    },
    "pay.unknown_golongan": {
        "id": "Golongan {golongan} tidak dikenal.",
        "en": "Rank (golongan) {golongan} is unknown.",
    },
    "pay.no_golongan": {
        "id": "Golongan {golongan} tidak ada dalam tabel {regulation}.",
        "en": "Rank {golongan} is not in the {regulation} table.",
    },
    "pay.below_steps": {
        "id": "MKG {mkg} tahun di bawah langkah pertama {golongan} ({first} tahun) pada "
        "{regulation}.",
        "en": "MKG {mkg} is below the first step of {golongan} (MKG {first}) in {regulation}.",
    },
    "pay.gap": {
        "id": "Tabel {regulation} tidak memuat {golongan} MKG {mkg} tahun (celah antara {low} dan "
        "{high} tahun): muat tabel lengkap.",
        "en": "The {regulation} table lacks {golongan} at MKG {mkg} (a gap between MKG {low} "
        "and MKG {high}): load the full table.",
    },
    "pay.factor": {
        "id": "Faktor {employment}: {factor} × gaji pokok = Rp {gross}.",
        "en": "Factor for {employment}: {factor} × base salary = Rp {gross}.",
    },
    "pay.flat": {
        "id": "Non-PNS tanpa inpassing: jumlah tetap Rp {gross} sebulan.",
        "en": "Non-PNS without inpassing: a flat Rp {gross} a month.",
    },
    "pay.tax": {
        "id": "PPh 21 golongan {group}: {rate}% = Rp {tax}; diterima Rp {net}.",
        "en": "Income tax for rank group {group}: {rate}% = Rp {tax}; paid out Rp {net}.",
    },
    "pay.month_due": {
        "id": "{month}: terutang Rp {gross}.",
        "en": "{month}: owed Rp {gross}.",
    },
    "pay.month_not_eligible": {
        "id": "{month}: tidak memenuhi syarat pada semester {semester}.",
        "en": "{month}: not eligible in semester {semester}.",
    },
    "pay.month_before": {
        "id": "{month}: sebelum mulai berhak ({start}).",
        "en": "{month}: before the entitlement starts ({start}).",
    },
    "pay.month_after": {
        "id": "{month}: setelah hak berakhir ({end}).",
        "en": "{month}: after the entitlement ended ({end}).",
    },
    "pay.month_no_amount": {
        "id": "{month}: jumlah tidak dapat dihitung.",
        "en": "{month}: the amount cannot be computed.",
    },
    "pay.month_paid": {
        "id": "{month}: sudah dibayar Rp {gross}; tidak ada yang dibayar lagi.",
        "en": "{month}: Rp {gross} already paid; nothing is paid again.",
    },
    "pay.month_correction": {
        "id": "{month}: sudah dibayar Rp {paid}, seharusnya Rp {gross}: koreksi Rp {delta}.",
        "en": "{month}: Rp {paid} paid where Rp {gross} is owed: a correction of Rp {delta}.",
    },
    # Checks of a salary table loaded from CSV: each names the line and the column.
    "pay.csv.missing_column": {
        "id": "Kolom {column} tidak ada di baris judul.",
        "en": "The header row lacks the column {column}.",
    },
    "pay.csv.golongan": {
        "id": "'{value}' bukan golongan (I/a sampai IV/e).",
        "en": "'{value}' is not a rank (I/a to IV/e).",
    },
    "pay.csv.mkg": {
        "id": "'{value}' bukan MKG (bilangan bulat 0 sampai {top}).",
        "en": "'{value}' is not years in rank (a whole number from 0 to {top}).",
    },
    "pay.csv.amount": {
        "id": "'{value}' bukan jumlah rupiah (bilangan bulat lebih dari 0).",
        "en": "'{value}' is not an amount in rupiah (a whole number above 0).",
    },
    "pay.csv.duplicate": {
        "id": "{golongan} MKG {mkg} sudah ada di baris {first}.",
        "en": "{golongan} at MKG {mkg} is already on line {first}.",
    },
    "pay.csv.gap": {
        "id": "{golongan}: celah MKG dari {low} ke {high} tahun (langkah paling besar {step}).",
        "en": "{golongan}: a gap in years in rank from {low} to {high} (steps of at most {step}).",
    },
    "pay.csv.not_monotone": {
        "id": "{golongan} MKG {mkg}: Rp {amount} lebih kecil dari Rp {previous} pada MKG {low}.",
        "en": "{golongan} at MKG {mkg}: Rp {amount} is below Rp {previous} at MKG {low}.",
    },
    "pay.csv.missing_golongan": {
        "id": "Golongan {golongan} tidak punya baris.",
        "en": "Rank {golongan} has no rows.",
    },
    "pay.csv.empty": {
        "id": "Berkas tidak berisi baris.",
        "en": "The file has no rows.",
    },
    "pay.profile.nuptk": {
        "id": "'{value}' bukan NUPTK (16 angka).",
        "en": "'{value}' is not a NUPTK (16 digits).",
    },
    "pay.profile.employment": {
        "id": "'{value}' bukan status kepegawaian; tulis salah satu dari: {allowed}.",
        "en": "'{value}' is not an employment; write one of: {allowed}.",
    },
    "pay.profile.golongan_needed": {
        "id": "Golongan wajib diisi kecuali untuk non-PNS tanpa inpassing.",
        "en": "The rank is needed unless the teacher is non-PNS without inpassing.",
    },
    "pay.profile.date": {
        "id": "'{value}' bukan tanggal; tulis TTTT-BB-HH, misalnya 2019-01-01.",
        "en": "'{value}' is not a date; write YYYY-MM-DD, for example 2019-01-01.",
    },
    "pay.profile.ends_before": {
        "id": "Akhir masa pembayaran sebelum awalnya.",
        "en": "The end of the paid period is before its start.",
    },
    "pay.profile.too_long": {
        "id": "Lebih dari {top} karakter.",
        "en": "More than {top} {top:character|characters}.",
    },
    "pay.profile.account": {
        "id": (
            "Nomor rekening hanya berisi angka (boleh dengan spasi, titik atau tanda hubung), "
            "paling banyak {top} karakter."
        ),
        "en": (
            "An account number holds digits only (spaces, dots or dashes allowed), "
            "at most {top} {top:character|characters}."
        ),
    },
    "pay.profile.duplicate": {
        "id": "NUPTK ini sudah ada di baris {first}.",
        "en": "This NUPTK is already on line {first}.",
    },
    "pay.profile.effective_before": {
        "id": "Perubahan pangkat tidak dapat berlaku pada {value}, sebelum pangkat saat ini "
        "(berlaku sejak {current}).",
        "en": "A change of rank cannot take effect on {value}, before the current one (in "
        "force from {current}).",
    },
    "pay.profile.unknown_teacher": {
        "id": "Tidak ada guru dengan NUPTK ini yang sekolah induknya di kabupaten/kota Anda.",
        "en": "No teacher with this NUPTK has their main school in your district.",
    },
}
