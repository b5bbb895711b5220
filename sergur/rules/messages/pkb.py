"""What the KKG/MGMP and PKB rules say: a programme's minimum, a package's credit, the balance
towards the next rank (docs/kkg.md, docs/pkb.md; docs/sources/domain.md §7.3-§7.4)."""

from __future__ import annotations

from sergur.rules.messages.catalogue import Catalogue

KKG: Catalogue = {
    "kkg.few_meetings": {
        "id": "Program tahunan baru {count} pertemuan; minimum {minimum} pertemuan setahun.",
        "en": "The yearly programme has {count} {count:meeting|meetings}; the minimum is "
        "{minimum} a year.",
    },
    "kkg.small_package": {
        "id": "Paket {package} baru {count} pertemuan; satu paket minimum {minimum} pertemuan.",
        "en": "Package {package} has {count} {count:meeting|meetings}; a package needs at "
        "least {minimum}.",
    },
    "kkg.package_short": {
        "id": "Paket baru terlaksana {count} pertemuan dari minimum {minimum}.",
        "en": "The package has held {count} {count:meeting|meetings} of the minimum {minimum}.",
    },
    "kkg.no_report": {
        "id": "Laporan tertulis paket belum ada.",
        "en": "The package's written report is missing.",
    },
    "kkg.absent": {
        "id": "Hadir {count} pertemuan paket; minimum {minimum} untuk memperoleh angka kredit.",
        "en": "Attended {count} {count:meeting|meetings} of the package; {minimum} are needed "
        "to earn its credit.",
    },
}

PKB: Catalogue = {
    "pkb.short_training": {
        "id": "Diklat {hours} jam di bawah minimum {minimum} jam: tidak ada angka kredit.",
        "en": "Training of {hours} {hours:hour|hours} is below the minimum of {minimum}: no "
        "credit.",
    },
    "pkb.not_assessed": {
        "id": "Angka kredit belum dinilai oleh verifikator.",
        "en": "The verifier has not assessed the credit yet.",
    },
    "pkb.missing_pd": {
        "id": "Pengembangan diri kurang {missing} (perlu {needed}, diperoleh {earned}).",
        "en": "Self-development is short by {missing} (needed {needed}, earned {earned}).",
    },
    "pkb.missing_pi_ki": {
        "id": "Publikasi ilmiah/karya inovatif kurang {missing} (perlu {needed}, diperoleh "
        "{earned}).",
        "en": "Publications/innovative works are short by {missing} (needed {needed}, earned "
        "{earned}).",
    },
    "pkb.missing_presentation": {
        "id": "Kenaikan ke {rank} mewajibkan presentasi ilmiah.",
        "en": "The step to {rank} requires a scientific presentation.",
    },
    "pkb.missing_total": {
        "id": "Angka kredit kurang {missing} dari {needed} (terhitung {counted}); penilaian "
        'kinerja "Baik" dengan beban penuh memberi {yearly} setahun: sekitar {years} tahun '
        "lagi.",
        "en": "The credit is short by {missing} of {needed} ({counted} counted); an appraisal "
        'of "Baik" at a full load gives {yearly} a year: about {years} more '
        "{years:year|years}.",
    },
    "pkb.supporting_capped": {
        "id": "Unsur penunjang {earned} dihitung sampai batas {cap}.",
        "en": "Supporting credit of {earned} counts up to its cap of {cap}.",
    },
}
