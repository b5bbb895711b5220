"""A counsellor's tables of the book (instrument-2007.md §3, components 3 and 4): the seed's
own words for 3 and 4.a, and the 4.b service records the assessors score (Buku II pp. 33-35)."""

from __future__ import annotations

from typing import Any

from sergur.portfolios.documents.tables import SUBJECT_TABLES, Table, _span, _v

# The counsellor's instrument differs in two tables (instrument-2007.md §3, components 3, 4).
COUNSELOR_TABLES = {
    "teaching_period": Table(
        "teaching_period",
        "3",
        "Pengalaman Mengajar",
        "Tuliskan pengalaman memberikan Pelayanan Bimbingan dan Konseling Bapak/Ibu pada "
        "tabel berikut ini.",
        (
            "NAMA SEKOLAH",
            "LAMA MEMBERIKAN PELAYANAN BIMBINGAN DAN KONSELING "
            "(mulai tahun ...... s.d. tahun ........)",
        ),
        (80, 78),
        lambda v: (_v(v, "school"), _span(v)),
        SUBJECT_TABLES[2].note,
        scored=False,
    ),
    "lesson_plan": Table(
        "lesson_plan",
        "4.a",
        "Perencanaan Program Pelayanan Bimbingan dan Konseling",
        "Tuliskan empat jenis PPBK (Program Pelayanan Bimbingan dan Konseling) terbaik yang "
        "pernah Bapak/Ibu buat dari semester dan bidang pelayanan yang berbeda.",
        ("JENIS PROGRAM", "BIDANG PELAYANAN", "SEMESTER", "TAHUN"),
        (45, 57, 20, 18),
        SUBJECT_TABLES[3].cells,
        "Lampirkan bukti empat PPBK yang tertulis dalam tabel.",
        "Rata-rata skor ...........",
    ),
}


RECORD_NAMES = {
    "agenda": "Agenda kerja guru BK",
    "counselees": "Daftar konseli (siswa)",
    "needs": "Data kebutuhan dan permasalahan konseli",
    "monthly": "Laporan bulanan",
    "semester": "Laporan semesteran/tahunan",
    "activities": "Aktivitas pelayanan BK",
    "evaluation": "Laporan hasil evaluasi program BK",
}


def _yes(values: dict[str, Any], name: str) -> str:
    return "Ya" if _v(values, name) == "yes" else "Tidak"


# A counsellor's 4.b: the records the assessors score on the BK practice form (Buku II pp.
# 33-35), "diketahui oleh koordinator bimbingan dan konseling dan atasan".
COUNSELOR_PRACTICE_TABLE = Table(
    "counselor_practice",
    "4.b",
    "Pelaksanaan Pelayanan Bimbingan dan Konseling",
    "Bukti fisik yang dilampirkan berupa rekaman/dokumen pelaksanaan pelayanan bimbingan dan "
    "konseling yang diketahui oleh koordinator bimbingan dan konseling dan atasan.",
    ("REKAMAN/DOKUMEN", "TAHUN/PERIODE", "DIKETAHUI KOORD. BK", "DIKETAHUI KEPALA SEKOLAH"),
    (55, 29, 28, 28),
    lambda v: (
        RECORD_NAMES.get(_v(v, "record"), _v(v, "record")),
        _v(v, "school_year"),
        _yes(v, "coordinator_acknowledged"),
        _yes(v, "principal_acknowledged"),
    ),
    "Rambu-rambu format laporan pelaksanaan pelayanan bimbingan dan konseling sebagaimana yang "
    "berlaku di wilayah/sekolah tempat bekerja.",
    "Skor pelaksanaan pelayanan bimbingan dan konseling (dinilai asesor): ...........",
)


def tables_for(role: str) -> list[Table]:
    """The book's tables of a teacher kind: a counsellor's differ in 3 and 4.a and add the
    4.b records the assessors score."""
    if role != "counselor":
        return list(SUBJECT_TABLES)
    tables: list[Table] = []
    for table in SUBJECT_TABLES:
        tables.append(COUNSELOR_TABLES.get(table.key, table))
        if table.key == "lesson_plan":
            tables.append(COUNSELOR_PRACTICE_TABLE)
    return tables
