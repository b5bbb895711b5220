"""What a decision says: the reason of every decision rule that failed and the group checks
of the score table (sergur.rules.decisions)."""

from __future__ import annotations

from sergur.rules.messages.catalogue import Catalogue

# reason.*: why the decision is what it is.
REASONS: Catalogue = {
    "reason.fraud": {
        "id": "Ditemukan kecurangan: dokumen palsu atau dipalsukan.",
        "en": "Fraud found: a forged or falsified document.",
    },
    "reason.doubtful": {
        "id": "Bukti {code} diragukan: tunjukkan dokumen aslinya untuk klarifikasi.",
        "en": "Evidence {code} is doubtful: show the original for clarification.",
    },
    "reason.no_superior_assessment": {
        "id": "Penilaian dari atasan dan pengawas (unsur 5) tidak ada: peserta mengikuti PLPG.",
        "en": "The assessment by superior and supervisor (component 5) is missing: "
        "the teacher goes to PLPG.",
    },
    "reason.below_pass_mark": {
        "id": "Jumlah skor {total} kurang {gap} dari batas lulus {pass_mark}.",
        "en": "The total {total} is {gap} short of the pass mark {pass_mark}.",
    },
    "reason.group_a_min": {
        "id": "Kelompok A {value} di bawah minimum {minimum}.",
        "en": "Group A {value} is below the minimum {minimum}.",
    },
    "reason.group_a_empty": {
        "id": "Kelompok A: unsur {part} kosong (skor 0).",
        "en": "Group A: {part} is empty (scores 0).",
    },
    "reason.group_b_min": {
        "id": "Kelompok B {value} di bawah minimum {minimum}.",
        "en": "Group B {value} is below the minimum {minimum}.",
    },
    "reason.group_b_min_special": {
        "id": "Kelompok B {value} di bawah minimum {minimum} untuk guru di daerah khusus.",
        "en": "Group B {value} is below the minimum {minimum} for a special-area teacher.",
    },
    "reason.group_c_empty": {
        "id": "Kelompok C kosong: perlu sedikitnya satu bukti pada unsur 8, 9 atau 10.",
        "en": "Group C is empty: at least one entry in component 8, 9 or 10 is needed.",
    },
    "reason.main_component_empty": {
        "id": "Komponen utama {part} kosong (skor 0): semua komponen utama harus dipenuhi.",
        "en": "The main component {part} is empty (scores 0): every main component must be "
        "present.",
    },
    "reason.defect": {
        "id": "Kekurangan administrasi: {text}",
        "en": "Administrative defect: {text}",
    },
}

# check.*: the group checks as the score table writes them.
CHECKS: Catalogue = {
    "check.group_a": {
        "id": "minimal {minimum}, tanpa unsur kosong",
        "en": "at least {minimum}, no empty sub-element",
    },
    "check.group_b": {"id": "minimal {minimum}", "en": "at least {minimum}"},
    "check.group_c": {
        "id": "lebih dari 0; dihitung paling banyak {cap}",
        "en": "more than 0; counts at most {cap}",
    },
}
