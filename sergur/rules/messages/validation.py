"""What is wrong with a portfolio file (sergur.rules.validation)."""

from __future__ import annotations

from sergur.rules.messages.catalogue import Catalogue

ERRORS: Catalogue = {
    "error.not_json": {
        "id": "Bukan JSON yang sah: {detail} (baris {line}, kolom {column}).",
        "en": "Not valid JSON: {detail} (line {line}, column {column}).",
    },
    "error.not_utf8": {
        "id": "Berkas bukan teks UTF-8.",
        "en": "The file is not UTF-8 text.",
    },
    "error.empty": {"id": "Berkas kosong.", "en": "The file is empty."},
    "error.number_too_long": {
        "id": "Berkas memuat bilangan dengan terlalu banyak angka (lebih dari 4.300 digit).",
        "en": "The file holds a number with too many digits (more than 4,300).",
    },
    "error.required": {"id": "Wajib diisi.", "en": "Is required."},
    "error.unknown_field": {
        "id": "Isian tidak dikenal (tidak ada dalam format sergur.portfolio/1).",
        "en": "Unknown field (not part of the sergur.portfolio/1 format).",
    },
    "error.type": {"id": "Harus berupa {expected}.", "en": "Must be {expected}."},
    "error.enum": {
        "id": "Nilai {value} tidak dikenal; pilihan: {choices}.",
        "en": "Unknown value {value}; choose one of: {choices}.",
    },
    "error.const": {"id": "Harus bernilai {expected}.", "en": "Must be {expected}."},
    "error.between": {
        "id": "Harus antara {minimum} dan {maximum}, bukan {value}.",
        "en": "Must be between {minimum} and {maximum}, not {value}.",
    },
    "error.items_exact": {
        "id": "Harus berisi tepat {count} skor butir, bukan {found}.",
        "en": "Must hold exactly {count} item scores, not {found}.",
    },
    "error.max_items": {
        "id": "Paling banyak {count} entri, bukan {found}.",
        "en": "At most {count} {count:entry|entries}, not {found}.",
    },
    "error.too_long": {
        "id": "Terlalu panjang: paling banyak {count} karakter.",
        "en": "Too long: at most {count} {count:character|characters}.",
    },
    "error.evidence_code": {
        "id": "Kode bukti {value} tidak sesuai penomoran instrumen (contoh: 1.b, 10.a.1)).",
        "en": "Evidence code {value} does not follow the instrument numbering (e.g. 1.b, 10.a.1)).",
    },
    "error.nuptk": {
        "id": "NUPTK harus 16 angka.",
        "en": "The NUPTK must be 16 digits.",
    },
    "error.participant_number": {
        "id": "Nomor peserta {value} tidak sah: harus 14 angka YY PP KK BBB D NNNN (tahun, "
        "provinsi, kabupaten/kota, bidang studi, departemen, nomor urut).",
        "en": "Participant number {value} is not valid: it must be 14 digits YY PP KK BBB D "
        "NNNN (year, province, district, subject, ministry, serial).",
    },
    "error.participant_number_year": {
        "id": "Nomor peserta {value} berawal {found}, padahal tahun kuota {year} memberi "
        "nomor berawal {expected}.",
        "en": "Participant number {value} starts with {found}, but programme year {year} "
        "gives numbers starting with {expected}.",
    },
    "error.evidence_component": {
        "id": "Kode bukti {code} milik unsur {code_component}, tetapi dipakai pada unsur "
        "{component}.",
        "en": "Evidence code {code} belongs to component {code_component} but is used under "
        "component {component}.",
    },
    "error.evidence_reused": {
        "id": "Kode bukti {code} sudah dipakai di {first}: satu bukti hanya untuk satu tempat.",
        "en": "Evidence code {code} is already used at {first}: a piece of evidence supports "
        "one place only.",
    },
    "error.counselor_plans": {
        "id": "Guru BK menyerahkan paling banyak 4 program BK (PPBK), bukan {found}.",
        "en": "A guidance counsellor submits at most 4 guidance programmes (PPBK), not {found}.",
    },
    "error.invalid": {"id": "Tidak sah: {detail}.", "en": "Invalid: {detail}."},
}
