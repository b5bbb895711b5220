"""The 2007 FAQ sentences the selection rules implement, quoted from
docs/sources/seeds/003_358fe984fbae11df.txt (test_seed_quotes checks each one is in the seed)."""

from __future__ import annotations

from pathlib import Path

SEED = Path(__file__).parents[4] / "docs" / "sources" / "seeds" / "003_358fe984fbae11df.txt"

HONORER = "Guru honorer yang memenuhi kriteria boleh mengikuti sertifikasi guru."
NON_PNS_SERVICE = (
    "guru non PNS yang mengikuti sertifikasi harus memenuhi persyaratan masa kerja minimal 2 tahun"
)
SERVICE_FROM = (
    "Masa kerja dihitung selama seseorang menjadi guru. Bagi guru PNS masa kerja dihitung mulai "
    "dari diterbitkannya surat keterangan melaksanakan tugas berdasarkan SK CPNS. Bagi guru non "
    "PNS masa kerja dihitung selama guru mengajar yang dibuktikan dengan Surat Keputusan dari "
    "Sekolah"
)
S1_D4 = (
    "persyaratan utama yaitu memiliki ijasah akademik atau kualifikasi akademik minimal S-1 atau D4"
)
RELIGION = (
    "Sertifikasi guru agama baik yang diangkat Depdiknas, Depag, maupun Pemda dilakukan oleh Depag."
)
NOT_RETIRED = "Semua guru yang belum pensiun berhak mengikuti sertifikasi."
OTHER_SCHOOL = "mengajar di sekolah lain yang memiliki ijin operasional"
RANKING_ORDER = (
    "- masa kerja- usia- golongan (bagi PNS)- beban mengajar- tugas tambahan- prestasi kerja"
)
KINDERGARTEN = "Mata Pelajaran/Guru Kelas TK/TKLB/SD/SDLB"
MISMATCH = (
    "dapat memilih proses sertifikasi berbasis pada ijazah S1/D4 yang dimiliki, atau memilih "
    "proses sertifikasi berbasis bidang studi yang diajarkan. Jalur sertifikasi mana yang akan "
    "dipilih oleh guru, sepenuhnya diserahkan guru yang bersangkutan"
)
NON_PNS_SHARE = "Kuota guru non PNS tetap 25%"

QUOTES = (
    HONORER,
    NON_PNS_SERVICE,
    SERVICE_FROM,
    S1_D4,
    RELIGION,
    NOT_RETIRED,
    OTHER_SCHOOL,
    RANKING_ORDER,
    KINDERGARTEN,
    MISMATCH,
    NON_PNS_SHARE,
)
