"""What the quality-assurance rules say: how a teacher's PKG moved and what the KKG comparison
of seed 004 may claim (docs/quality-assurance.md)."""

from __future__ import annotations

from sergur.rules.messages.catalogue import Catalogue

QUALITY: Catalogue = {
    "quality.trend.missing": {
        "id": "Belum ada dua PKG final untuk dibandingkan.",
        "en": "There are not yet two final PKG results to compare.",
    },
    "quality.trend.rose": {
        "id": "Nilai PKG naik sekurang-kurangnya batas tahun ini.",
        "en": "The PKG score rose by at least this year's threshold.",
    },
    "quality.trend.fell": {
        "id": "Nilai PKG turun sekurang-kurangnya batas tahun ini.",
        "en": "The PKG score fell by at least this year's threshold.",
    },
    "quality.trend.within": {
        "id": "Perubahan nilai PKG lebih kecil dari batas tahun ini.",
        "en": "The PKG score moved by less than this year's threshold.",
    },
    "quality.kkg.too_few": {
        "id": "Terlalu sedikit guru dengan PKG di kedua tahun untuk dibandingkan.",
        "en": "Too few teachers have a PKG in both years to compare.",
    },
    "quality.kkg.higher": {
        "id": "Nilai PKG peserta KKG naik lebih banyak daripada guru yang tidak ikut.",
        "en": "KKG participants' PKG scores rose more than those of teachers who did not take "
        "part.",
    },
    "quality.kkg.lower": {
        "id": "Nilai PKG peserta KKG naik lebih sedikit daripada guru yang tidak ikut.",
        "en": "KKG participants' PKG scores rose less than those of teachers who did not take "
        "part.",
    },
    "quality.kkg.same": {
        "id": "Perubahan nilai PKG peserta KKG dan guru yang tidak ikut hampir sama.",
        "en": "KKG participants' and other teachers' PKG scores moved about the same.",
    },
    "quality.kkg.association": {
        "id": "Ini keterkaitan, bukan bukti sebab-akibat: guru memilih sendiri untuk ikut KKG.",
        "en": "This is an association, not proof of cause: teachers chose to take part.",
    },
}
