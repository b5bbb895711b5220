"""What a portfolio still lacks (sergur.rules.completeness)."""

from __future__ import annotations

from sergur.rules.messages.catalogue import Catalogue

GAPS: Catalogue = {
    "gap.qualification": {
        "id": "Isi riwayat pendidikan tinggi dan unggah ijazahnya (unsur 1 wajib).",
        "en": "Enter your higher-education history and upload the diplomas "
        "(component 1 is required).",
    },
    "gap.training": {
        "id": "Belum ada diklat: unsur 2 termasuk komponen utama.",
        "en": "No training yet: component 2 is one of the main components.",
    },
    "gap.teaching_period": {
        "id": "Isi pengalaman mengajar dan unggah SK pengangkatan (unsur 3 wajib).",
        "en": "Enter your teaching history and upload the appointment decrees "
        "(component 3 is required).",
    },
    "gap.plans": {
        "id": "RPP: {have} dari {required} wajib; setiap RPP yang tidak ada bernilai 0.",
        "en": "Lesson plans: {have} of {required} required; each missing plan scores 0.",
    },
    "gap.programmes": {
        "id": "PPBK: {have} dari {required} wajib; setiap program yang tidak ada bernilai 0.",
        "en": "Guidance programmes: {have} of {required} required; each missing one scores 0.",
    },
    "gap.observation": {
        "id": "Penilaian pelaksanaan pembelajaran oleh kepala sekolah dan pengawas belum selesai.",
        "en": "The principal's and supervisor's teaching-practice assessment is not done yet.",
    },
    "gap.counselor_practice": {
        "id": "Unggah rekaman/dokumen pelaksanaan pelayanan BK yang diketahui oleh koordinator "
        "BK dan kepala sekolah; asesor menilainya (unsur 4b).",
        "en": "Upload the records of your guidance and counselling service, acknowledged by the "
        "BK coordinator and the principal; the assessor scores them (component 4b).",
    },
    "gap.superior": {
        "id": "Penilaian dari atasan dan pengawas belum selesai; tanpa unsur 5 peserta "
        "mengikuti PLPG.",
        "en": "The superior and supervisor assessment is not done yet; without component 5 "
        "the teacher goes to PLPG.",
    },
    "gap.group_c": {
        "id": "Kelompok C kosong: isi sedikitnya satu entri pada unsur 8, 9 atau 10.",
        "en": "Group C is empty: add at least one entry in component 8, 9 or 10.",
    },
    "gap.evidence": {
        "id": "{section}: {count} entri belum memiliki bukti fisik.",
        "en": "{section}: {count} {count:entry has|entries have} no evidence yet.",
    },
}

# warning.*: what the instrument asks that is not a refusal (sergur.rules.plans).
WARNINGS: Catalogue = {
    "warning.plans_same_topic": {
        "id": "Materi \u201c{topic}\u201d dipakai lebih dari satu RPP: lima RPP diminta "
        "\u201cdari semester dan materi yang berbeda\u201d.",
        "en": "The topic \u201c{topic}\u201d appears in more than one lesson plan: the five "
        "plans are asked \u201cfrom different semesters and topics\u201d.",
    },
    "warning.plans_same_area": {
        "id": "Bidang pelayanan \u201c{topic}\u201d dipakai lebih dari satu PPBK: PPBK diminta "
        "\u201cdari semester dan bidang pelayanan yang berbeda\u201d.",
        "en": "The service area \u201c{topic}\u201d appears in more than one guidance "
        "programme: they are asked \u201cfrom different semesters and service areas\u201d.",
    },
    "warning.plans_one_semester": {
        "id": "Semua rencana berasal dari semester {semester}: diminta dari semester yang berbeda.",
        "en": "Every plan is from semester {semester}: they are asked from different semesters.",
    },
}
