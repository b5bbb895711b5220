"""What the teacher master-data import says about a file, a row or a cell (the column
layout and the file readers; docs/import.md)."""

from __future__ import annotations

from sergur.rules.messages.catalogue import Catalogue

IMPORT: Catalogue = {
    "import.header_missing": {
        "id": "Kolom wajib {column} tidak ada di baris judul.",
        "en": "The required column {column} is missing from the header row.",
    },
    "import.header_duplicate": {
        "id": "Kolom {column} muncul lebih dari sekali di baris judul.",
        "en": "The column {column} appears more than once in the header row.",
    },
    "import.header_unknown": {
        "id": "Kolom {column} tidak dikenal dan diabaikan.",
        "en": "The column {column} is not part of the layout and is ignored.",
    },
    "import.empty_file": {
        "id": "Berkas kosong: tidak ada baris judul.",
        "en": "The file is empty: there is no header row.",
    },
    "import.stopped": {
        "id": "Pemeriksaan berhenti karena galat tak terduga (dicatat untuk administrator); "
        "tidak ada yang diimpor. Unggah berkas ini lagi nanti.",
        "en": "The check stopped on an unexpected error (logged for the administrator); "
        "nothing was imported. Upload the file again later.",
    },
    "import.no_rows": {
        "id": "Berkas hanya berisi baris judul, tanpa data guru.",
        "en": "The file holds a header row but no teacher rows.",
    },
    "import.encoding": {
        "id": "Baris {line} bukan UTF-8 ({guess}). Simpan ulang sebagai CSV UTF-8.",
        "en": "Line {line} is not UTF-8 ({guess}). Save the file again as CSV UTF-8.",
    },
    "import.line_too_long": {
        "id": "Baris {line} lebih panjang dari {limit} bita; pembacaan dihentikan.",
        "en": "Line {line} is longer than {limit} bytes; reading stopped.",
    },
    "import.csv_syntax": {
        "id": "Baris {line} bukan CSV yang sah: {detail}.",
        "en": "Line {line} is not valid CSV: {detail}.",
    },
    "import.xlsx_invalid": {
        "id": "Berkas bukan XLSX yang dapat dibaca: {detail}.",
        "en": "The file is not a readable XLSX workbook: {detail}.",
    },
    "import.required": {
        "id": "Kolom {column} wajib diisi.",
        "en": "The column {column} must not be empty.",
    },
    "import.cell_too_long": {
        "id": "Isi kolom {column} terlalu panjang ({length} karakter, paling banyak {limit}).",
        "en": "The cell {column} is too long ({length} characters, at most {limit}).",
    },
    "import.cell_control": {
        "id": "Kolom {column} berisi karakter kendali yang tidak sah.",
        "en": "The cell {column} holds control characters.",
    },
    "import.extra_cells": {
        "id": "Baris ini memiliki sel lebih banyak daripada baris judul.",
        "en": "This row has more cells than the header row.",
    },
    "import.date_bad": {
        "id": "Tanggal {column} «{value}» tidak sah; gunakan format {format}.",
        "en": "The date {column} “{value}” is not valid; use the format {format}.",
    },
    "import.nuptk_bad": {
        "id": "NUPTK «{value}» harus 16 angka.",
        "en": "The NUPTK “{value}” must have 16 digits.",
    },
    "import.nuptk_temporary": {
        "id": "NUPTK {value} adalah nomor sementara (awalan {prefix}), bukan NUPTK tetap.",
        "en": "NUPTK {value} is a temporary number (prefix {prefix}), not a real NUPTK.",
    },
    "import.nuptk_duplicate": {
        "id": "NUPTK ini sudah ada di baris {first} berkas ini.",
        "en": "This NUPTK already appears on line {first} of this file.",
    },
    "import.nip_bad": {
        "id": "NIP «{value}» harus 18 angka.",
        "en": "The NIP “{value}” must have 18 digits.",
    },
    "import.nip_missing": {
        "id": "Guru PNS wajib memiliki NIP.",
        "en": "A civil-servant (PNS) teacher must have a NIP.",
    },
    "import.nip_not_pns": {
        "id": "Guru bukan PNS tidak boleh memiliki NIP; periksa status kepegawaian.",
        "en": "A non-PNS teacher has a NIP; check the employment status.",
    },
    "import.nip_birth_mismatch": {
        "id": "Tanggal lahir dalam NIP ({nip_date}) berbeda dengan TANGGAL_LAHIR.",
        "en": "The birth date in the NIP ({nip_date}) differs from TANGGAL_LAHIR.",
    },
    "import.name_mismatch": {
        "id": "Nama di NUPTK «{nuptk}» berbeda dengan nama di Dapodik «{dapodik}».",
        "en": "The NUPTK name “{nuptk}” differs from the Dapodik name “{dapodik}”.",
    },
    "import.choice_bad": {
        "id": "Nilai {column} «{value}» tidak sah; pilihan: {choices}.",
        "en": "The value {column} “{value}” is not valid; choose one of: {choices}.",
    },
    "import.number_bad": {
        "id": "Nilai {column} «{value}» harus bilangan bulat dari {low} sampai {high}.",
        "en": "The value {column} “{value}” must be a whole number from {low} to {high}.",
    },
    "import.subject_unknown": {
        "id": "Kode bidang studi «{value}» tidak dikenal.",
        "en": "The subject code “{value}” is unknown.",
    },
    "import.school_unknown": {
        "id": "NPSN «{value}» tidak dikenal.",
        "en": "The NPSN “{value}” is unknown.",
    },
    "import.school_outside": {
        "id": "Sekolah NPSN {value} berada di luar kabupaten/kota Anda.",
        "en": "The school with NPSN {value} is outside your district.",
    },
    "import.teacher_outside": {
        "id": "Guru dengan NUPTK {value} terdaftar di {district}, bukan di kabupaten/kota "
        "Anda: impor tidak mengubahnya. Untuk memindahkan guru ini, ajukan mutasi (menu "
        "Mutasi guru); {district} yang menyetujuinya.",
        "en": "The teacher with NUPTK {value} is registered in {district}, not in your "
        "district: the import does not change them. To move this teacher, request a transfer "
        "(the Transfers menu), which {district} approves.",
    },
    "import.mismatch_without_degree": {
        "id": (
            "PILIHAN_SERTIFIKASI hanya untuk guru yang mengajar di luar bidang ijazahnya: "
            "isi KODE_BIDANG_STUDI_IJAZAH dengan bidang ijazah yang berbeda dari "
            "KODE_BIDANG_STUDI."
        ),
        "en": (
            "PILIHAN_SERTIFIKASI is only for a teacher who teaches outside their degree's "
            "field: fill KODE_BIDANG_STUDI_IJAZAH with a degree field other than "
            "KODE_BIDANG_STUDI."
        ),
    },
    "import.other_school_bad": {
        "id": "«{value}» bukan NPSN:JAM (contoh 20401234:6; beberapa sekolah dipisah «;»).",
        "en": "“{value}” is not NPSN:HOURS (e.g. 20401234:6; several schools separated by “;”).",
    },
    "import.other_school_hours": {
        "id": "Jam mengajar di sekolah NPSN {value} harus bilangan bulat {low}–{high}.",
        "en": "The teaching hours at the school with NPSN {value} must be a whole number "
        "{low}–{high}.",
    },
    "import.other_school_main": {
        "id": "Sekolah NPSN {value} adalah sekolah induk (kolom NPSN), bukan sekolah lain.",
        "en": "The school with NPSN {value} is the main school (column NPSN), not another one.",
    },
    "import.other_school_twice": {
        "id": "Sekolah NPSN {value} disebut lebih dari sekali.",
        "en": "The school with NPSN {value} is listed more than once.",
    },
}
