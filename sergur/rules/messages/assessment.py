"""What assessment says: the scoring sheet, reconciliation of two assessors and the
allocation of assessors (sergur.rules.assessment)."""

from __future__ import annotations

from sergur.rules.messages.catalogue import Catalogue

# sheet.* and reconcile.*: one assessor's sheet and two assessors' difference.
SHEET: Catalogue = {
    "sheet.unknown_line": {
        "id": "Baris {key} tidak ada pada lembar penilaian portofolio ini.",
        "en": "Line {key} is not on this portfolio's scoring sheet.",
    },
    "sheet.not_overridable": {
        "id": "Baris {key} berasal dari instrumen yang dinilai (RPP/PPBK, format BK 4b atau "
        "amplop tertutup); "
        "skornya tidak diubah per baris.",
        "en": "Line {key} comes from a scored instrument (RPP/PPBK, the BK 4b form or the "
        "closed envelope); "
        "it is not overridden line by line.",
    },
    "sheet.negative": {
        "id": "Baris {key}: skor tidak boleh negatif.",
        "en": "Line {key}: points must not be negative.",
    },
    "sheet.above_maximum": {
        "id": "Baris {key}: komponen ini paling banyak {maximum} poin.",
        "en": "Line {key}: this component holds at most {maximum} points.",
    },
    "sheet.reason_missing": {
        "id": "Baris {key}: tuliskan alasan bila skor berbeda dari saran.",
        "en": "Line {key}: give a reason when the points differ from the suggestion.",
    },
    "reconcile.total_difference": {
        "id": "Jumlah skor kedua asesor berselisih {difference}, melebihi toleransi {tolerance}.",
        "en": "The two assessors' totals differ by {difference}, more than the tolerance "
        "{tolerance}.",
    },
    "reconcile.decision_difference": {
        "id": "Rekomendasi kedua asesor berbeda: {first} dan {second}.",
        "en": "The two assessors' decisions differ: {first} and {second}.",
    },
}

# allocation.*: why an assessor may not take a portfolio.
ALLOCATION: Catalogue = {
    "allocation.inactive": {
        "id": "Asesor tidak aktif.",
        "en": "The assessor is not active.",
    },
    "allocation.same_school": {
        "id": "Asesor bertugas di sekolah yang sama dengan guru.",
        "en": "The assessor works at the teacher's school.",
    },
    "allocation.same_district": {
        "id": "Asesor berasal dari kabupaten/kota yang sama dengan guru.",
        "en": "The assessor's home district is the teacher's district.",
    },
    "allocation.related": {
        "id": "Asesor telah menyatakan memiliki hubungan dengan guru.",
        "en": "The assessor has declared a relationship with the teacher.",
    },
    "allocation.subject": {
        "id": "Asesor tidak menilai bidang studi {subject}.",
        "en": "The assessor does not assess subject {subject}.",
    },
    "allocation.full": {
        "id": "Asesor telah mencapai beban maksimal {capacity} portofolio.",
        "en": "The assessor has reached the maximum load of {capacity} portfolios.",
    },
    "allocation.too_few_subject": {
        "id": "Hanya {found} asesor untuk bidang studi {subject}; diperlukan {needed}.",
        "en": "Only {found} {found:assessor|assessors} for subject {subject}; {needed} are needed.",
    },
    "allocation.conflicted": {
        "id": "{conflicted} asesor bidang studi {subject} tidak boleh menilai portofolio ini "
        "(konflik kepentingan, tidak aktif, tidak memenuhi kriteria asesor, dari luar rayon, "
        "atau sudah menilai); tersisa {free}, diperlukan {needed}.",
        "en": "{conflicted} {conflicted:assessor|assessors} of subject {subject} may not assess "
        "this portfolio "
        "(conflict of interest, inactive, not meeting the assessor criteria, from outside the "
        "rayon, or already assessing it); {free} remain, {needed} are needed.",
    },
    "allocation.outside_rayon": {
        "id": "Asesor berasal dari luar rayon; hanya guru muatan lokal, TIK, kelautan dan "
        "pariwisata yang dapat dinilai asesor perguruan tinggi di luar rayon.",
        "en": "The assessor is from outside the rayon; only local-content, ICT, maritime and "
        "tourism teachers may be assessed by assessors of universities outside the rayon.",
    },
    "allocation.capacity": {
        "id": "Asesor bidang studi {subject} yang bebas konflik telah mencapai beban maksimal; "
        "tersisa {room} yang masih dapat menerima, diperlukan {needed}.",
        "en": "The conflict-free assessors of subject {subject} have reached their maximum "
        "load; {room} still have room, {needed} are needed.",
    },
}

# qualification.*: an FAQ criterion for assessors the register entry lacks
# (sergur.rules.assessment.qualification).
QUALIFICATION: Catalogue = {
    "qualification.status": {
        "id": "Asesor harus berstatus dosen, widyaiswara, instruktur/guru senior, atau pengawas.",
        "en": "An assessor must be a lecturer, a widyaiswara, a senior teacher or instructor, "
        "or a supervisor.",
    },
    "qualification.certificate": {
        "id": "Asesor harus bersertifikat pendidik.",
        "en": "An assessor must hold an educator certificate.",
    },
    "qualification.degree": {
        "id": "Asesor harus berpendidikan minimal S2 (ada unsur kependidikan).",
        "en": "An assessor must hold at least an S2 with an education element.",
    },
    "qualification.experience": {
        "id": "Asesor harus berpengalaman mengajar, melatih, atau membimbing guru atau calon "
        "guru dalam rentang {since}–{year}.",
        "en": "An assessor must have taught, trained or mentored teachers or student teachers "
        "between {since} and {year}.",
    },
}
