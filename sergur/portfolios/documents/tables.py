"""The tables of Buku II as printed (docs/instrument-2007.md §3): for each instrument table,
its number, title, instruction, the columns between NO. and SKOR, what a filled row shows in
them, and its note. The web forms ask for more (the facts the rubric scores by); the book
prints only the instrument's own columns."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sergur.portfolios.documents.layout import long_date
from sergur.rules.messages import term

LEVEL_NAMES = {"PGD": "Post. Grad. Diploma"}
PEER_ROLES = {
    "instructor": "Instruktur",
    "core_teacher": "Guru inti",
    "tutor": "Tutor",
    "guide": "Pemandu",
}
WORK_KINDS = {
    "book": "Buku",
    "article": "Artikel (jurnal/majalah/koran)",
    "module": "Modul/buku dicetak lokal",
}
STATUS = {"solo": "Mandiri", "lead": "Ketua", "member": "Anggota"}
FORUM_ROLES = {"speaker": "Pemakalah", "participant": "Peserta"}
AREA_KINDS = {
    "remote": "Terpencil",
    "underdeveloped": "Tertinggal",
    "disaster": "Bencana",
    "conflict": "Konflik",
    "border": "Perbatasan",
}
ATTACH_RELEVANT = "Lampirkan bukti fisik yang relevan."
ATTACH_MEDIA = (
    "Lampirkan bukti fisik yang relevan, misalnya: foto, manual, deskripsi, surat keterangan "
    "dari kepala sekolah."
)
LEGALISED_DECREE = (
    "Lampirkan foto kopi surat keputusan/surat keterangan/surat tugas dari pihak yang "
    "berwenang yang telah dilegalisasi oleh atasan."
)


def _v(values: dict[str, Any], name: str) -> str:
    return str(values.get(name) or "").strip()


def _level(values: dict[str, Any]) -> str:
    value = _v(values, "level")
    return term(value, "id") if value else ""


def _when(values: dict[str, Any]) -> str:
    return _v(values, "period") or _v(values, "year")


def _day(value: str) -> str:
    try:
        return long_date(dt.date.fromisoformat(value))
    except ValueError:
        return value


def _span(values: dict[str, Any]) -> str:
    end = _v(values, "end")
    text = f"{_day(_v(values, 'start'))} s.d. {_day(end) if end else 'sekarang'}"
    return text + (" (tugas belajar)" if _v(values, "study_leave") == "yes" else "")


def _years(values: dict[str, Any]) -> str:
    return f"{_v(values, 'start_year')} s.d. {_v(values, 'end_year')}"


@dataclass(frozen=True)
class Table:
    """One table of Buku II as printed: its columns between NO. and SKOR, and what each
    filled row shows in them (instrument-2007.md §3)."""

    key: str
    number: str
    title: str
    instruction: str
    columns: tuple[str, ...]
    widths: tuple[float, ...]
    cells: Callable[[dict[str, Any]], tuple[str, ...]]
    note: str = ""
    footer: str = ""
    scored: bool = True


SUBJECT_TABLES = (
    Table(
        "qualification",
        "1",
        "Kualifikasi Akademik",
        "Tuliskan riwayat pendidikan tinggi Bapak/Ibu pada tabel di bawah ini.",
        ("JENJANG", "PERG. TINGGI", "FAKULTAS", "JURUSAN/ PRODI", "TAHUN LULUS"),
        (24, 38, 25, 35, 18),
        lambda v: (
            LEVEL_NAMES.get(_v(v, "level"), _v(v, "level")),
            _v(v, "institution"),
            _v(v, "faculty"),
            _v(v, "program"),
            _v(v, "year"),
        ),
        "Lampirkan foto kopi ijazah yang tertulis pada tabel tersebut yang telah dilegalisasi "
        "oleh perguruan tinggi yang mengeluarkan ijazah atau oleh Direktorat Jenderal "
        "Pendidikan Tinggi untuk ijazah luar negeri.",
    ),
    Table(
        "training",
        "2",
        "Pendidikan dan Pelatihan",
        "Tuliskan pengalaman mengikuti pendidikan dan pelatihan (diklat) Bapak/Ibu pada tabel "
        "berikut.",
        ("NAMA / JENIS DIKLAT", "TEMPAT", "WAKTU PELAKSANAAN (...... jam)", "PENYELENGGARA"),
        (48, 28, 32, 32),
        lambda v: (
            _v(v, "name"),
            _v(v, "place"),
            f"{_when(v)} ({_v(v, 'hours')} jam)".strip(),
            _v(v, "organizer"),
        ),
        "Lampirkan sertifikat, piagam, atau surat keterangan yang tertulis dalam tabel yang "
        "telah dilegalisasi oleh atasan langsung.",
    ),
    Table(
        "teaching_period",
        "3",
        "Pengalaman Mengajar",
        "Tuliskan pengalaman mengajar Bapak/Ibu pada tabel berikut ini.",
        (
            "NAMA SEKOLAH",
            "BIDANG STUDI / GURU KELAS",
            "LAMA MENGAJAR (mulai tahun ...... s.d. tahun ........)",
        ),
        (60, 44, 54),
        lambda v: (_v(v, "school"), _v(v, "subject"), _span(v)),
        "Lampirkan foto kopi SK pengangkatan menjadi guru baik PNS maupun non PNS yang telah "
        "dilegalisasi oleh atasan langsung.",
        scored=False,
    ),
    Table(
        "lesson_plan",
        "4.a",
        "Perencanaan Pembelajaran",
        "Tuliskan lima jenis RPP/RP/SP/RPI terbaik yang pernah Bapak/Ibu buat dari semester "
        "dan materi yang berbeda.",
        ("MATA PELAJARAN", "MATERI/KOMPETENSI", "SEMESTER", "TAHUN"),
        (45, 57, 20, 18),
        lambda v: (_v(v, "subject"), _v(v, "topic"), _v(v, "semester"), _v(v, "year")),
        "Lampirkan bukti lima RPP/RP/SP yang tertulis dalam tabel.",
        "Rata-rata skor ...........",
    ),
    Table(
        "competition",
        "6.a",
        "Lomba dan karya akademik",
        "Tuliskan prestasi Bapak/Ibu mengikuti lomba dan karya akademik (jika ada) yang "
        "meliputi: nama lomba/karya akademik, waktu pelaksanaan, tingkat (kecamatan, "
        "kabupaten/kota, provinsi, nasional, internasional), dan penyelenggara pada tabel "
        "berikut.",
        ("NAMA LOMBA/KEJUARAAN", "WAKTU PELAKSANAAN", "TINGKAT", "PENYELENGGARA"),
        (50, 30, 25, 35),
        lambda v: (_v(v, "name"), _when(v), _level(v), _v(v, "organizer")),
        "Lampirkan foto kopi sertifikat/piagam/surat keterangan kegiatan yang tertulis di atas "
        "yang telah dilegalisasi oleh atasan.",
    ),
    Table(
        "peer_coaching",
        "6.b",
        "Pembimbingan teman sejawat",
        "Tuliskan pengalaman Bapak/Ibu menjadi Instruktur/Guru inti/Tutor/Pemandu (jika "
        "pernah) pada tabel berikut.",
        ("MATA PELAJARAN/BIDANG STUDI", "INSTRUKTUR/GURU INTI/TUTOR/PEMANDU", "TEMPAT"),
        (50, 45, 45),
        lambda v: (_v(v, "subject"), PEER_ROLES.get(_v(v, "role"), _v(v, "role")), _v(v, "place")),
        "Lampirkan foto kopi SK/Surat Tugas dari Pejabat yang berwenang yang telah "
        "dilegalisasi oleh atasan.",
    ),
    Table(
        "student_coaching_won",
        "6.c.1)",
        "Pembimbingan siswa sampai mendapatkan penghargaan",
        "Apabila Bapak/Ibu pernah menjadi pembimbing siswa sampai mendapatkan penghargaan baik "
        "tingkat kecamatan, kabupaten/kota, provinsi, nasional, maupun internasional dalam "
        "kegiatan akademik dan/atau prestasi, isilah tabel berikut.",
        ("NAMA KEJUARAAN", "TINGKAT", "TEMPAT DAN WAKTU"),
        (60, 30, 50),
        lambda v: (_v(v, "name"), _level(v), _v(v, "place_time")),
        "Lampirkan foto kopi sertifikat/piagam kejuaraan siswa yang dibimbing dan SK/surat "
        "tugas dari pejabat yang berwenang yang telah dilegalisasi oleh atasan.",
    ),
    Table(
        "student_coaching",
        "6.c.2)",
        "Pembimbingan siswa (tidak mencapai juara)",
        "Apabila Bapak/Ibu pernah menjadi pembimbing siswa (tidak mencapai juara) dalam "
        "kegiatan akademik dan/atau prestasi, isilah tabel berikut.",
        ("NAMA KEGIATAN", "TEMPAT", "LAMA (WAKTU PEMBIMBINGAN)"),
        (60, 40, 40),
        lambda v: (_v(v, "name"), _v(v, "place"), _v(v, "duration")),
        LEGALISED_DECREE,
    ),
    Table(
        "written_work",
        "7.a",
        "Karya Tulis",
        "Apabila Bapak/Ibu mempunyai karya tulis yang berupa buku, artikel (jurnal/ "
        "majalah/koran), modul, dan buku dicetak lokal, tuliskan judul buku dan keterangan "
        "lainnya pada tabel berikut ini.",
        ("JUDUL", "JENIS *)", "PENERBIT", "TAHUN TERBIT"),
        (60, 30, 32, 18),
        lambda v: (
            _v(v, "title"),
            WORK_KINDS.get(_v(v, "kind"), _v(v, "kind")),
            _v(v, "publisher"),
            _v(v, "year"),
        ),
        "*) Jenis pada tabel di atas diisi buku, artikel (jurnal/majalah/koran), modul, atau "
        "buku dicetak lokal. " + ATTACH_RELEVANT,
    ),
    Table(
        "research",
        "7.b",
        "Penelitian",
        "Apabila Bapak/Ibu pernah melakukan penelitian tindakan kelas atau penelitian yang "
        "mendukung peningkatan pembelajaran dan atau profesional guru, tuliskan judul "
        "penelitian dan keterangan lainnya pada tabel berikut.",
        ("JUDUL", "TAHUN", "SUMBER DANA", "STATUS (KETUA/ANGGOTA)"),
        (64, 16, 30, 30),
        lambda v: (
            _v(v, "title"),
            _v(v, "year"),
            _v(v, "funding"),
            STATUS.get(_v(v, "role"), _v(v, "role")),
        ),
        ATTACH_RELEVANT,
    ),
    Table(
        "review",
        "7.c",
        "Reviewer buku dan/atau penulis soal EBTANAS/UN",
        "Apabila Bapak/Ibu pernah menjadi reviewer buku dan/atau penulis soal EBTANAS/UN, "
        "isilah tabel berikut.",
        ("NAMA KEGIATAN", "TAHUN"),
        (115, 25),
        lambda v: (_v(v, "name"), _v(v, "year")),
        LEGALISED_DECREE,
    ),
    Table(
        "learning_media",
        "7.d",
        "Media dan Alat Pembelajaran",
        "Apabila Bapak/Ibu pernah membuat media atau alat pembelajaran, tuliskan jenis "
        "media/alat dan keterangan lainnya pada tabel berikut.",
        ("JENIS MEDIA/ALAT", "TAHUN", "SUMBER DANA", "STATUS (KETUA/ANGGOTA)"),
        (64, 16, 30, 30),
        lambda v: (
            _v(v, "name"),
            _v(v, "year"),
            _v(v, "funding"),
            STATUS.get(_v(v, "status"), _v(v, "status")),
        ),
        ATTACH_MEDIA,
    ),
    Table(
        "artwork",
        "7.e",
        "Karya teknologi/seni (TTG, patung, rupa, tari, lukis, sastra, dll)",
        "Apabila Bapak/Ibu pernah membuat karya teknologi/seni yang berupa teknologi tepat "
        "guna, patung/rupa/lukis/sastra dll, tuliskan nama dan tahun karya tersebut dalam "
        "tabel berikut.",
        (
            "NAMA KARYA SENI",
            "TAHUN",
            "DESKRIPSI KARYA (PENJELASAN SINGKAT TENTANG KARYA SENI TERSEBUT)",
        ),
        (45, 16, 79),
        lambda v: (_v(v, "name"), _v(v, "year"), _v(v, "description")),
        ATTACH_MEDIA,
    ),
    Table(
        "forum",
        "8",
        "Keikutsertaan dalam Forum Ilmiah",
        "Jika Sdr/i pernah mengikuti forum ilmiah tuliskan judul dan keterangan lainnya pada "
        "tabel berikut ini.",
        ("JENIS KEGIATAN", "TAHUN", "PERAN *)", "TINGKAT (Inter/Nas/Lokal)"),
        (64, 16, 28, 32),
        lambda v: (
            _v(v, "name"),
            _v(v, "year"),
            FORUM_ROLES.get(_v(v, "role"), _v(v, "role")),
            _level(v),
        ),
        "*) Kolom peran diisi pemakalah, atau peserta sesuai sertifikat. Lampirkan foto kopi "
        "sertifikat/piagam dan makalah apabila menjadi nara sumber, yang telah dilegalisasi "
        "oleh atasan.",
    ),
    Table(
        "organization",
        "9.a",
        "Pengalaman Organisasi",
        "Apabila Bapak/Ibu memiliki pengalaman menjadi pengurus suatu organisasi kependidikan "
        "atau organisasi sosial, tuliskan nama organisasinya dan keterangan lainnya pada tabel "
        "berikut ini.",
        ("NAMA ORGANISASI", "TAHUN", "JABATAN", "TINGKAT *)"),
        (55, 25, 32, 28),
        lambda v: (_v(v, "name"), _v(v, "period"), _v(v, "position"), _level(v)),
        "*) Kolom tingkat diisi: desa/kelurahan, kecamatan, kabupaten/kota, provinsi, "
        "nasional, atau internasional. Lampirkan foto kopi surat keputusan/surat keterangan "
        "dari pihak yang berwenang yang telah dilegalisasi oleh atasan.",
    ),
    Table(
        "additional_duty",
        "9.b",
        "Pengalaman Mendapat Tugas Tambahan",
        "Apabila Bapak/Ibu pernah mendapat tugas tambahan antara lain sebagai kepala/wakil "
        "kepala sekolah/kepala bengkel/kepala lab/pembina kegiatan ekstra kurikuler, isilah "
        "tabel berikut ini.",
        ("JABATAN", "TH ---- S/D TH -----", "NAMA SEKOLAH"),
        (60, 30, 50),
        lambda v: (term(_v(v, "role"), "id"), _years(v), _v(v, "school")),
        "Lampirkan foto kopi surat keputusan/surat keterangan/bukti yang relevan dari pihak "
        "yang berwenang yang telah dilegalisasi oleh atasan.",
    ),
    Table(
        "award",
        "10.a",
        "Penghargaan",
        "Apabila Bapak/Ibu pernah menerima penghargaan di bidang pendidikan, isilah tabel "
        "berikut ini.",
        ("JENIS PENGHARGAAN", "PEMBERI PENGHARGAAN", "TINGKAT *)", "TAHUN"),
        (50, 45, 27, 18),
        lambda v: (_v(v, "name"), _v(v, "giver"), _level(v), _v(v, "year")),
        "*) Kolom tingkat diisi: kabupaten/kota, provinsi, nasional, atau internasional. "
        "Lampirkan sertifikat/piagam/surat keterangan yang tertulis pada tabel di atas yang "
        "telah dilegalisasi oleh atasan.",
    ),
    Table(
        "special_area_service",
        "10.b",
        "Penugasan Di Daerah Khusus",
        "Apabila Bapak/Ibu pernah ditugaskan sebagai guru di daerah khusus (daerah "
        "terpencil/tertinggal/ bencana/konflik/perbatasan), isilah tabel berikut.",
        ("LOKASI", "JENIS DAERAH KHUSUS", "LAMA BERTUGAS (MULAI TH ..... s/d TH .....)"),
        (55, 40, 45),
        lambda v: (_v(v, "location"), AREA_KINDS.get(_v(v, "kind"), _v(v, "kind")), _years(v)),
        "Lampirkan foto kopi SK penugasan yang telah dilegalisasi oleh atasan.",
    ),
)


def component_of(table: Table) -> int:
    return int(table.number.split(".", 1)[0])
