"""The vocabulary: names of components, decisions, groups and sections, the enum values of
the portfolio file (terms), the documented interpretations and the JSON type names. Each
table is a catalogue of its own; `sergur.rules.messages` also files the components,
decisions, types and sections under prefixed codes (`component.qualification`)."""

from __future__ import annotations

from sergur.rules.dates import MONTHS_EN, MONTHS_ID
from sergur.rules.messages.catalogue import Catalogue

COMPONENTS: Catalogue = {
    "qualification": {"id": "Kualifikasi akademik", "en": "Qualification"},
    "training": {"id": "Pendidikan dan pelatihan", "en": "Training"},
    "teaching_experience": {"id": "Pengalaman mengajar", "en": "Teaching experience"},
    "learning_plans_and_practice": {
        "id": "Perencanaan dan pelaksanaan pembelajaran",
        "en": "Learning plans and practice",
    },
    "superior_assessment": {
        "id": "Penilaian dari atasan dan pengawas",
        "en": "Assessment by superior and supervisor",
    },
    "academic_achievement": {"id": "Prestasi akademik", "en": "Academic achievement"},
    "professional_works": {
        "id": "Karya pengembangan profesi",
        "en": "Professional development works",
    },
    "scientific_forums": {
        "id": "Keikutsertaan dalam forum ilmiah",
        "en": "Scientific forums",
    },
    "organization_experience": {
        "id": "Pengalaman organisasi di bidang kependidikan dan sosial",
        "en": "Organisation experience",
    },
    "awards": {
        "id": "Penghargaan yang relevan dengan bidang pendidikan",
        "en": "Awards",
    },
    "lesson_plans": {"id": "4a Perencanaan pembelajaran", "en": "4a Learning plans"},
    "teaching_observation": {"id": "4b Pelaksanaan pembelajaran", "en": "4b Teaching practice"},
}

# The counsellor's own words (seed 003, Buku III "Khusus untuk Guru Bimbingan dan Konseling":
# "a. Perencanaan Program Pelayanan Bimbingan dan Konseling", "b. Pelaksanaan Program Pelayanan
# Bimbingan dan Konseling", "LAMA MEMBERIKAN PELAYANAN BIMBINGAN DAN KONSELING";
# docs/sources/seeds/003_358fe984fbae11df.txt). They replace the subject teacher's names.
COUNSELOR_COMPONENTS: Catalogue = {
    "teaching_experience": {
        "id": "Lama memberikan pelayanan BK",
        "en": "Years of guidance and counselling service",
    },
    "learning_plans_and_practice": {
        "id": "Perencanaan dan pelaksanaan program pelayanan BK",
        "en": "Guidance and counselling programme: plans and practice",
    },
    "lesson_plans": {
        "id": "4a Perencanaan Program Pelayanan Bimbingan dan Konseling",
        "en": "4a Planning the guidance and counselling programme",
    },
    "teaching_observation": {
        "id": "4b Pelaksanaan Program Pelayanan Bimbingan dan Konseling",
        "en": "4b Delivering the guidance and counselling programme",
    },
}

DECISIONS: Catalogue = {
    "L": {"id": "Lulus", "en": "Pass"},
    "MA": {"id": "Melengkapi Administrasi", "en": "Complete the administration"},
    "MS": {"id": "Melengkapi Substansi", "en": "Complete the substance"},
    "MPLPG": {"id": "Mengikuti PLPG", "en": "Attend the PLPG training"},
    "K": {"id": "Klarifikasi", "en": "Clarification"},
    "D": {"id": "Diskualifikasi", "en": "Disqualified"},
}

GROUPS: Catalogue = {
    "A": {"id": "Kelompok A (unsur 1, 3, 4)", "en": "Group A (components 1, 3, 4)"},
    "B": {"id": "Kelompok B (unsur 2, 5, 6, 7)", "en": "Group B (components 2, 5, 6, 7)"},
    "C": {"id": "Kelompok C (unsur 8, 9, 10)", "en": "Group C (components 8, 9, 10)"},
}

TERMS: Catalogue = {
    "international": {"id": "internasional", "en": "international"},
    "national": {"id": "nasional", "en": "national"},
    "province": {"id": "provinsi", "en": "province"},
    "district": {"id": "kabupaten/kota", "en": "district"},
    "subdistrict": {"id": "kecamatan", "en": "subdistrict"},
    "village": {"id": "desa/kelurahan", "en": "village"},
    "subject": {"id": "sesuai bidang studi", "en": "in the subject"},
    "subject_family": {"id": "sesuai rumpun", "en": "in the subject family"},
    "none": {"id": "tidak sesuai", "en": "not in the subject"},
    "match": {"id": "sesuai bidang studi/rumpun", "en": "in the subject or its family"},
    "education": {"id": "kependidikan", "en": "education"},
    "non_education": {"id": "nonkependidikan", "en": "non-education"},
    "licence": {"id": "dengan akta mengajar", "en": "with a teaching licence"},
    "no_licence": {"id": "tanpa akta mengajar", "en": "without a teaching licence"},
    "relevant": {"id": "relevan", "en": "relevant"},
    "not_relevant": {"id": "tidak relevan", "en": "not relevant"},
    "competition": {"id": "juara lomba", "en": "competition won"},
    "monumental_education": {
        "id": "karya monumental bidang kependidikan",
        "en": "monumental work in education",
    },
    "monumental_other": {
        "id": "karya monumental bidang nonkependidikan",
        "en": "monumental work outside education",
    },
    "instructor": {"id": "instruktur", "en": "instructor"},
    "core_teacher": {"id": "guru inti/tutor/pemandu", "en": "core teacher, tutor or guide"},
    "speaker": {"id": "pemakalah", "en": "speaker"},
    "participant": {"id": "peserta", "en": "participant"},
    "social": {"id": "sosial", "en": "social"},
    "principal": {"id": "kepala sekolah", "en": "principal"},
    "vice_principal": {
        "id": "wakil kepala sekolah/ketua jurusan/kepala lab, bengkel, studio, klinik",
        "en": "vice-principal or head of department, lab, workshop, studio or clinic",
    },
    "extracurricular_advisor": {
        "id": "pembina ekstrakurikuler",
        "en": "extracurricular advisor",
    },
    "book": {"id": "buku", "en": "book"},
    "article": {"id": "artikel", "en": "article"},
    "review": {"id": "reviewer buku/penulis soal UN", "en": "book reviewer or exam item writer"},
    "module": {"id": "modul/diktat cetak lokal", "en": "locally printed module"},
    "learning_media": {"id": "media/alat pembelajaran", "en": "learning medium or teaching aid"},
    "research": {"id": "laporan penelitian", "en": "research report"},
    "artwork": {"id": "karya teknologi/seni", "en": "technology or art work"},
    "accredited_journal": {"id": "jurnal terakreditasi", "en": "accredited journal"},
    "unaccredited_journal": {"id": "jurnal tidak terakreditasi", "en": "unaccredited journal"},
    "national_media": {"id": "majalah/koran nasional", "en": "national magazine or newspaper"},
    "local_media": {"id": "majalah/koran lokal", "en": "local magazine or newspaper"},
    "solo": {"id": "mandiri", "en": "alone"},
    "lead": {"id": "ketua tim", "en": "team lead"},
    "member": {"id": "anggota tim", "en": "team member"},
    "subject_teacher": {"id": "guru mata pelajaran/kelas", "en": "subject or class teacher"},
    "counselor": {"id": "guru bimbingan dan konseling", "en": "guidance counsellor"},
    # month.1 … month.12: the month of a date in a reason (selection.eligibility.day).
    **{
        f"month.{number}": {"id": name_id, "en": name_en}
        for number, (name_id, name_en) in enumerate(zip(MONTHS_ID, MONTHS_EN, strict=True), 1)
    },
}

INTERPRETATIONS: Catalogue = {
    "Q1": {
        "id": "Per jenjang (S1/D4, PGD, S2, S3) ijazah bernilai tertinggi dihitung penuh, "
        "ijazah lain pada jenjang yang sama 25 %.",
        "en": "Per level (S1/D4, PGD, S2, S3) the highest-valued degree counts in full, "
        "every other degree of that level 25 %.",
    },
    "Q2": {
        "id": "Ijazah nonkependidikan yang sesuai rumpun tidak ada dalam tabel: dinilai seperti "
        "nonkependidikan yang tidak sesuai.",
        "en": "A non-education degree in the subject family is not in the table: it scores "
        "like a non-education degree not in the subject.",
    },
    "Q3": {
        "id": "Post-graduate diploma yang sesuai rumpun dinilai sebagai sesuai (80).",
        "en": "A post-graduate diploma in the subject family scores as matching (80).",
    },
    "T1": {
        "id": "Tabel diklat mulai dari 8 jam: diklat kurang dari 8 jam bernilai 0.",
        "en": "The training table starts at 8 hours: a shorter training scores 0.",
    },
    "P1": {
        "id": "Rencana yang tidak ada dihitung 0 dalam rata-rata (rata-rata atas jumlah wajib).",
        "en": "A missing plan counts 0 in the mean (the mean is over the required number).",
    },
    "P2": {
        "id": "Skor program BK = Σ(butir × bobot) / 5, sehingga program bernilai 5 semua = 40.",
        "en": "A guidance programme scores Σ(item × weight) / 5, so all-5 scores 40.",
    },
    "W1": {
        "id": "Laporan penelitian tim: ketua 60 % dan anggota 40 % dari 10 poin; "
        "penulis tunggal 10.",
        "en": "A team research report: the lead earns 60 % and a member 40 % of 10 points; "
        "a single author 10.",
    },
    "D1": {
        "id": "Batas bawah Melengkapi Substansi (MS) adalah parameter tahun kuota "
        "(bawaan produk 825); buku pedoman hanya menyebut 'sedikit di bawah'.",
        "en": "The near-miss floor for MS is a programme-year parameter (product default 825); "
        "the books say only 'slightly below'.",
    },
}


TYPE_NAMES: Catalogue = {
    "object": {"id": "objek", "en": "an object"},
    "array": {"id": "daftar", "en": "a list"},
    "string": {"id": "teks", "en": "text"},
    "integer": {"id": "bilangan bulat", "en": "a whole number"},
    "number": {"id": "angka", "en": "a number"},
    "boolean": {"id": "true atau false", "en": "true or false"},
}


SECTIONS: Catalogue = {
    "qualification": {"id": "Kualifikasi akademik", "en": "Academic qualification"},
    "training": {"id": "Pendidikan dan pelatihan", "en": "Training"},
    "teaching_period": {"id": "Pengalaman mengajar", "en": "Teaching experience"},
    "lesson_plan": {"id": "Perencanaan pembelajaran (RPP/PPBK)", "en": "Lesson plans (RPP/PPBK)"},
    "counselor_practice": {
        "id": "Pelaksanaan Program Pelayanan Bimbingan dan Konseling",
        "en": "Delivering the guidance and counselling programme",
    },
    "competition": {"id": "Lomba dan karya akademik", "en": "Competitions and academic works"},
    "peer_coaching": {"id": "Pembimbingan teman sejawat", "en": "Coaching fellow teachers"},
    "student_coaching_won": {
        "id": "Pembimbingan siswa sampai juara",
        "en": "Coaching students to an award",
    },
    "student_coaching": {
        "id": "Pembimbingan siswa (tidak mencapai juara)",
        "en": "Coaching students (no award)",
    },
    "written_work": {"id": "Karya tulis", "en": "Written works"},
    "research": {"id": "Penelitian", "en": "Research"},
    "review": {
        "id": "Reviewer buku dan/atau penulis soal EBTANAS/UN",
        "en": "Book reviewer or national-exam item writer",
    },
    "learning_media": {"id": "Media dan alat pembelajaran", "en": "Learning media and aids"},
    "artwork": {"id": "Karya teknologi/seni", "en": "Technology or art works"},
    "forum": {"id": "Keikutsertaan dalam forum ilmiah", "en": "Scientific forums"},
    "organization": {"id": "Pengalaman organisasi", "en": "Organisation experience"},
    "additional_duty": {"id": "Tugas tambahan", "en": "Additional duties"},
    "award": {"id": "Penghargaan", "en": "Awards"},
    "special_area_service": {
        "id": "Penugasan di daerah khusus",
        "en": "Service in a special area",
    },
}


COUNSELOR_SECTIONS: Catalogue = {
    "teaching_period": {
        "id": "Lama memberikan pelayanan BK",
        "en": "Years of guidance and counselling service",
    },
    "lesson_plan": {
        "id": "Perencanaan Program Pelayanan Bimbingan dan Konseling (PPBK)",
        "en": "Planning the guidance and counselling programme (PPBK)",
    },
}

# The names by teacher kind (`Role`): a counsellor's pages use the counsellor's words, every
# other name is the subject teacher's.
ROLE_COMPONENTS: dict[str, Catalogue] = {
    "subject_teacher": COMPONENTS,
    "counselor": {**COMPONENTS, **COUNSELOR_COMPONENTS},
}
ROLE_SECTIONS: dict[str, Catalogue] = {
    "subject_teacher": SECTIONS,
    "counselor": {**SECTIONS, **COUNSELOR_SECTIONS},
}


def component_names(role: str) -> Catalogue:
    """The names of the components for a teacher kind (seed 003, Buku III)."""
    return ROLE_COMPONENTS[role]


def section_names(role: str) -> Catalogue:
    """The names of the portfolio's sections for a teacher kind (seed 003, Buku III)."""
    return ROLE_SECTIONS[role]
