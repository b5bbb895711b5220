"""The fixed tables of the demo district: regions, schools, subjects and the words the
synthetic teachers are made of.

All of it is demo data. The province, district and subdistrict names and codes are real (BPS
codes for the kecamatan of Kabupaten Bantul); the schools, their NPSN and every person are
invented. The subject codes are the bidang studi codes of the certification guidelines
(Juknis 2009, "Kode bidang studi", digits 7–9 of the participant number, docs/sources/domain.md
§4.5); the 2007 list differed in places, so treat them as illustrative.
"""

from __future__ import annotations

from typing import NamedTuple

# A made-up rayon number for the demo (the real rayon numbering is not in the sources).
RAYON = ("900", "Universitas Negeri Yogyakarta (demo)")
PROVINCE = ("34", "DI Yogyakarta")
DISTRICT = ("02", "Bantul")

# BPS kecamatan codes within Kabupaten Bantul (3402).
SUBDISTRICTS = (
    ("060", "Pandak"),
    ("070", "Bantul"),
    ("090", "Imogiri"),
    ("130", "Banguntapan"),
    ("140", "Sewon"),
    ("150", "Kasihan"),
)


def _words(text: str, sep: str | None = None) -> tuple[str, ...]:
    """A word list written as one string (compact for long lists of names)."""
    return tuple(text.split(sep))


class SchoolRow(NamedTuple):
    """One demo school: NPSN, name, level, status, kecamatan, address and its weight (how
    many teachers it gets relative to the others)."""

    npsn: str
    name: str
    level: str
    status: str
    subdistrict: str
    address: str
    weight: int


SCHOOLS = (
    SchoolRow("20400101", "SD Negeri Trirenggo 2", "SD", "negeri", "070", "Jl. Samas Km 1", 8),
    SchoolRow("20400102", "SD Negeri Panggungharjo", "SD", "negeri", "140", "Jl. Glugo 4", 8),
    SchoolRow("20400103", "SD Muhammadiyah Kasihan", "SD", "swasta", "150", "Jl. Bibis 12", 7),
    SchoolRow("20400104", "SD Negeri Jambidan", "SD", "negeri", "130", "Jl. Wonosari Km 7", 7),
    SchoolRow("20400105", "SD Negeri Wukirsari", "SD", "negeri", "090", "Jl. Makam Raja 3", 7),
    SchoolRow("20400106", "SD Negeri Caturharjo", "SD", "negeri", "060", "Jl. Srandakan 9", 7),
    SchoolRow("20400201", "SMP Negeri 2 Bantul", "SMP", "negeri", "070", "Jl. RA Kartini 5", 16),
    SchoolRow("20400202", "SMP Negeri 1 Sewon", "SMP", "negeri", "140", "Jl. Parangtritis 8", 17),
    SchoolRow("20400203", "SMP Negeri 3 Kasihan", "SMP", "negeri", "150", "Jl. Bugisan 21", 15),
    SchoolRow(
        "20400204", "SMP Muhammadiyah Banguntapan", "SMP", "swasta", "130", "Jl. Ngipik 2", 13
    ),
    SchoolRow("20400205", "SMP Negeri 2 Imogiri", "SMP", "negeri", "090", "Jl. Kebonagung 4", 14),
    SchoolRow("20400301", "SMA Negeri 3 Bantul", "SMA", "negeri", "070", "Jl. Gabusan 11", 15),
    SchoolRow("20400302", "SMA Negeri 2 Sewon", "SMA", "negeri", "140", "Jl. Pandes 6", 14),
    SchoolRow(
        "20400303", "SMA Bakti Mulia Kasihan", "SMA", "swasta", "150", "Jl. Tirtonirmolo 3", 12
    ),
    SchoolRow("20400401", "SMK Negeri 4 Pandak", "SMK", "negeri", "060", "Jl. Gilangharjo 1", 18),
    SchoolRow("20400501", "SLB Negeri 3 Bantul", "SLB", "negeri", "070", "Jl. Wates Km 6", 10),
)


# Where each demo school is (WGS 84, about its kecamatan's centre in Kabupaten Bantul), for the
# teaching-load planner's distances (docs/allowance.md, "Teaching-load planner").
COORDINATES: dict[str, tuple[str, str]] = {
    "20400101": ("-7.885100", "110.331200"),
    "20400102": ("-7.852300", "110.366900"),
    "20400103": ("-7.823400", "110.329800"),
    "20400104": ("-7.840200", "110.412300"),
    "20400105": ("-7.929800", "110.398100"),
    "20400106": ("-7.905600", "110.284400"),
    "20400201": ("-7.889400", "110.326500"),
    "20400202": ("-7.857800", "110.360100"),
    "20400203": ("-7.828100", "110.322700"),
    "20400204": ("-7.823700", "110.405600"),
    "20400205": ("-7.921900", "110.391300"),
    "20400301": ("-7.893300", "110.334700"),
    "20400302": ("-7.862500", "110.357300"),
    "20400303": ("-7.819500", "110.334100"),
    "20400401": ("-7.912600", "110.289200"),
    "20400501": ("-7.880700", "110.320400"),
}


class SubjectRow(NamedTuple):
    """A bidang studi: code, name, counselling flag and the study programme of a matching
    degree."""

    code: str
    name: str
    is_counseling: bool
    program: str


SUBJECTS = (
    SubjectRow("027", "Guru Kelas SD", False, "Pendidikan Guru Sekolah Dasar"),
    SubjectRow("097", "Ilmu Pengetahuan Alam (IPA)", False, "Pendidikan Biologi"),
    SubjectRow("100", "Ilmu Pengetahuan Sosial (IPS)", False, "Pendidikan Geografi"),
    SubjectRow("127", "Pendidikan Agama Islam", False, "Pendidikan Agama Islam"),
    SubjectRow("154", "Pendidikan Kewarganegaraan (PKn)", False, "Pendidikan PKn"),
    SubjectRow("156", "Bahasa Indonesia", False, "Pendidikan Bahasa dan Sastra Indonesia"),
    SubjectRow("157", "Bahasa Inggris", False, "Pendidikan Bahasa Inggris"),
    SubjectRow("180", "Matematika", False, "Pendidikan Matematika"),
    SubjectRow("184", "Fisika", False, "Pendidikan Fisika"),
    SubjectRow("187", "Kimia", False, "Pendidikan Kimia"),
    SubjectRow("190", "Biologi", False, "Pendidikan Biologi"),
    SubjectRow("204", "Sejarah", False, "Pendidikan Sejarah"),
    SubjectRow("210", "Ekonomi", False, "Pendidikan Ekonomi"),
    SubjectRow("217", "Seni Budaya", False, "Pendidikan Seni Rupa"),
    SubjectRow("220", "Pendidikan Jasmani dan Kesehatan", False, "Pendidikan Jasmani"),
    SubjectRow("224", "Teknologi Informasi dan Komunikasi (TIK)", False, "Teknik Informatika"),
    SubjectRow("746", "Bahasa Jawa", False, "Pendidikan Bahasa Jawa"),
    SubjectRow("800", "Pendidikan Luar Biasa", False, "Pendidikan Luar Biasa"),
    SubjectRow("810", "Bimbingan dan Konseling (Konselor)", True, "Bimbingan dan Konseling"),
)

# Which subjects each level teaches, repeated by how common they are.
# No religion teachers: in 2007 they are certified through the religion ministry (Depag), out
# of the district's quota (docs/selection.md), so none of them is a participant here.
LEVEL_SUBJECTS = {
    "SD": ("027",) * 8 + ("220",),
    "SMP": ("180", "180", "156", "156", "157", "097", "100", "154", "746", "220", "217", "746")
    + ("810",),
    "SMA": ("180", "156", "157", "184", "187", "190", "204", "210", "154", "220") + ("810",),
    "SMK": ("180", "156", "157", "154", "224", "224", "157", "220") + ("810",),
    "SLB": ("800",) * 4 + ("220",),
}

MALE_GIVEN = _words(
    "Agus Bambang Budi Joko Slamet Heru Wahyu Eko Sigit Hadi Teguh Sugeng Sumarno "
    "Mujiono Ahmad Muhammad Rahmat Sukardi Suwardi Subagyo Gunawan Kuswanto Darmaji "
    "Suparno Haryadi Triyono Sukirman Yohanes Antonius Ngadimin"
)
MALE_FAMILY = _words(
    "Santoso Widodo Prasetyo Susanto Wibowo Hidayat Nugroho Setiawan Purnomo Raharjo "
    "Sutrisno Haryono Sudarsono Riyanto Sulistyo Saputro Hartono Mulyono Suyanto "
    "Wijayanto"
)
FEMALE_GIVEN = _words(
    "Sri Endang Siti Tri Sumarni Yuli Rini Dwi Anik Retno Umi Sulastri Haryati Ismiyati "
    "Tutik Murni Ngatini Ratna Endah Dyah Kristina Maria Fatimah Suwarni Wahyu Nur "
    "Rustiyah Partini"
)
FEMALE_FAMILY = _words(
    "Lestari Wahyuni Rahayu Handayani Suryani Purwanti Wulandari Astuti Rahmawati "
    "Mulyani Utami Kusumawati Pratiwi Setyaningsih Hastuti Widayati Nurhayati Susilowati "
    "Sumarsih Yuliani"
)
BIRTH_PLACES = _words(
    "Bantul,Bantul,Bantul,Yogyakarta,Sleman,Kulon Progo,Gunungkidul,Klaten,Purworejo,"
    "Magelang,Imogiri,Surakarta,Wonogiri",
    sep=",",
)
# Degree-granting institutions around Yogyakarta; "IKIP Yogyakarta" became UNY in 1999.
UNIVERSITIES = (
    "Universitas Negeri Yogyakarta",
    "Universitas Sarjanawiyata Tamansiswa",
    "Universitas Ahmad Dahlan",
    "Universitas Sanata Dharma",
    "Universitas PGRI Yogyakarta",
    "Universitas Terbuka",
)

TRAININGS = (
    # name, organiser, level, hours
    ("Diklat Kurikulum Tingkat Satuan Pendidikan (KTSP)", "LPMP D.I. Yogyakarta", "province", 60),
    ("Pelatihan Penyusunan Silabus dan RPP", "Dinas Pendidikan Kabupaten Bantul", "district", 32),
    ("Diklat Guru Inti MGMP", "PPPG Matematika Yogyakarta", "national", 120),
    ("Workshop Penelitian Tindakan Kelas", "LPMP D.I. Yogyakarta", "province", 40),
    (
        "Pelatihan Pembelajaran Kontekstual (CTL)",
        "Dinas Pendidikan Kabupaten Bantul",
        "district",
        24,
    ),
    ("Diklat Penilaian Berbasis Kelas", "Dinas Pendidikan Provinsi DIY", "province", 48),
    ("Pelatihan Pemanfaatan TIK dalam Pembelajaran", "PPPG Kesenian Yogyakarta", "national", 80),
    (
        "Pelatihan Pendampingan Siswa Pascagempa",
        "UNICEF dan Dinas Pendidikan Bantul",
        "district",
        30,
    ),
    ("Kursus Mahir Dasar Pramuka", "Kwartir Cabang Bantul", "district", 40),
)
FORUMS = (
    ("Seminar Nasional Pendidikan", "national"),
    ("Seminar Peningkatan Mutu Pembelajaran", "province"),
    ("Lokakarya MGMP Kabupaten Bantul", "district"),
    ("Pertemuan KKG Gugus", "subdistrict"),
    ("Seminar Sertifikasi Guru dalam Jabatan", "district"),
    ("Temu Ilmiah Guru", "province"),
)
ORGANIZATIONS = (
    # name, position, level, kind
    ("PGRI Cabang", "Sekretaris", "subdistrict", "education"),
    ("MGMP Kabupaten Bantul", "Ketua", "district", "education"),
    ("KKG Gugus", "Bendahara", "subdistrict", "education"),
    ("Kwartir Ranting Pramuka", "Andalan", "subdistrict", "social"),
    ("Karang Taruna", "Pembina", "village", "social"),
)
AWARDS = (
    ("Guru Berprestasi", "Bupati Bantul", "district"),
    ("Satyalancana Karya Satya 10 Tahun", "Presiden Republik Indonesia", "national"),
    ("Guru Teladan", "Kepala Dinas Pendidikan Provinsi DIY", "province"),
)
PLAN_TOPICS = (
    "Bilangan dan operasinya",
    "Pengukuran",
    "Membaca pemahaman",
    "Menulis karangan",
    "Percakapan sehari-hari",
    "Sistem pernapasan",
    "Gaya dan gerak",
    "Kerajaan Hindu-Buddha di Indonesia",
    "Permintaan dan penawaran",
    "Norma dan hukum",
    "Perbandingan dan skala",
    "Ekosistem",
)
COUNSELING_FIELDS = (
    "Bimbingan pribadi",
    "Bimbingan sosial",
    "Bimbingan belajar",
    "Bimbingan karier",
)

# Teacher indexes of the demo's principal-participants (Teacher.additional_duty 3): the head of
# the district office fills the principal's part of their envelope (login `kadinas`). Index 9 is
# a submitted portfolio whose envelope is not started (demo/portfolios.py, CYCLE).
PRINCIPAL_PARTICIPANTS = frozenset({9})

# The first digit of an NSS by level (Nomor Statistik Sekolah; synthetic, like the NPSNs).
NSS_LEVEL = {"SD": "1", "SMP": "2", "SMA": "3", "SMK": "4", "SLB": "5"}


def nss(row: SchoolRow) -> str:
    """A synthetic 12-digit NSS for a demo school (level, status, province 04, district 02,
    0, the NPSN's last three digits): the identity page prints it as item 9h, not the NPSN."""
    status = "1" if row.status == "negeri" else "2"
    return f"{NSS_LEVEL[row.level]}{status}0404020{row.npsn[-3:]}"
