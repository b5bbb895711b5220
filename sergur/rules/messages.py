"""Every sentence the rules core says, in Indonesian (id) and English (en).

The rules core returns codes with parameters; this catalogue turns them into plain words.
The web app and the command line both render through `render`, so a reason reads the same
everywhere. Parameters wrapped in `Term` are vocabulary (levels, roles) and are translated too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import Literal

Lang = Literal["id", "en"]
LANGS: tuple[Lang, ...] = ("id", "en")
TWO_PLACES = Decimal("0.01")


@dataclass(frozen=True, slots=True)
class Term:
    """A vocabulary value (an enum value of the portfolio file) to be translated."""

    value: str


@dataclass(frozen=True, slots=True)
class Message:
    """A message code with its parameters, rendered late in the reader's language."""

    code: str
    params: tuple[tuple[str, object], ...] = ()

    def text(self, lang: Lang) -> str:
        """The message in plain words."""
        return _render(self.code, self.params, lang)


def msg(key: str, /, **params: object) -> Message:
    """Build a message; the key must exist in the catalogue."""
    if key not in TEMPLATES:
        raise KeyError(key)
    return Message(key, tuple(params.items()))


def exact(value: Decimal | int) -> Decimal:
    """Round half-up to 2 decimals, for display only (score-result.schema.json)."""
    return Decimal(value).quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def number(value: Decimal | int, lang: Lang) -> str:
    """A score as people write it: no needless decimals; a comma in Indonesian."""
    # Zero is written uncached: -0 equals 0 (one cache key) but is written "-0".
    text = _written(value) if value else f"{exact(value).normalize():f}"
    return text.replace(".", ",") if lang == "id" else text


@lru_cache(maxsize=4096)
def _written(value: Decimal | int) -> str:
    """The English text of a number, which depends on its value only (equal values are
    written alike): the pass mark, the minimums and every total written in both languages
    are rounded once."""
    return f"{exact(value).normalize():f}"


def render(code: str, params: Mapping[str, object], lang: Lang) -> str:
    """Fill the template of `code` in `lang` with its parameters."""
    return _render(code, params.items(), lang)


def _render(code: str, params: Iterable[tuple[str, object]], lang: Lang) -> str:
    values: dict[str, str] = {}
    for key, value in params:
        if isinstance(value, (Decimal, int)) and not isinstance(value, bool):
            values[key] = number(value, lang)  # the usual parameter: a score, tested first
        elif isinstance(value, Term):
            values[key] = term(value.value, lang)
        elif isinstance(value, Message):
            values[key] = value.text(lang)
        else:
            values[key] = str(value)
    return TEMPLATES[code][lang].format(**values)


def term(value: str, lang: Lang) -> str:
    """Translate one vocabulary value; unknown values stay as they are."""
    entry = TERMS.get(value)
    return entry[lang] if entry else value


COMPONENTS: dict[str, dict[Lang, str]] = {
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

DECISIONS: dict[str, dict[Lang, str]] = {
    "L": {"id": "Lulus", "en": "Pass"},
    "MA": {"id": "Melengkapi Administrasi", "en": "Complete the administration"},
    "MS": {"id": "Melengkapi Substansi", "en": "Complete the substance"},
    "MPLPG": {"id": "Mengikuti PLPG", "en": "Attend the PLPG training"},
    "K": {"id": "Klarifikasi", "en": "Clarification"},
    "D": {"id": "Diskualifikasi", "en": "Disqualified"},
}

GROUPS: dict[str, dict[Lang, str]] = {
    "A": {"id": "Kelompok A (unsur 1, 3, 4)", "en": "Group A (components 1, 3, 4)"},
    "B": {"id": "Kelompok B (unsur 2, 5, 6, 7)", "en": "Group B (components 2, 5, 6, 7)"},
    "C": {"id": "Kelompok C (unsur 8, 9, 10)", "en": "Group C (components 8, 9, 10)"},
}

TERMS: dict[str, dict[Lang, str]] = {
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
}

INTERPRETATIONS: dict[str, dict[Lang, str]] = {
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
        "id": "Batas bawah Melengkapi Substansi (MS) adalah parameter tahun program "
        "(bawaan produk 825); buku pedoman hanya menyebut 'sedikit di bawah'.",
        "en": "The near-miss floor for MS is a programme-year parameter (product default 825); "
        "the books say only 'slightly below'.",
    },
}

TEMPLATES: dict[str, dict[Lang, str]] = {
    # -- decision reasons ------------------------------------------------------------------
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
    "reason.defect": {
        "id": "Kekurangan administrasi: {text}",
        "en": "Administrative defect: {text}",
    },
    # -- assessment: the scoring sheet and reconciliation ------------------------------------
    "sheet.unknown_line": {
        "id": "Baris {key} tidak ada pada lembar penilaian portofolio ini.",
        "en": "Line {key} is not on this portfolio's scoring sheet.",
    },
    "sheet.not_overridable": {
        "id": "Baris {key} berasal dari instrumen yang dinilai (RPP atau amplop tertutup); "
        "skornya tidak diubah per baris.",
        "en": "Line {key} comes from a scored instrument (RPP or the closed envelope); "
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
    # -- assessment: allocation ------------------------------------------------------------
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
        "en": "Only {found} assessors for subject {subject}; {needed} are needed.",
    },
    "allocation.conflicted": {
        "id": "{conflicted} asesor bidang studi {subject} tidak boleh menilai portofolio ini "
        "(konflik kepentingan, tidak aktif, atau sudah menilai); tersisa {free}, "
        "diperlukan {needed}.",
        "en": "{conflicted} assessors of subject {subject} may not assess this portfolio "
        "(conflict of interest, inactive, or already assessing it); {free} remain, "
        "{needed} are needed.",
    },
    "allocation.capacity": {
        "id": "Asesor bidang studi {subject} yang bebas konflik telah mencapai beban maksimal; "
        "tersisa {room} yang masih dapat menerima, diperlukan {needed}.",
        "en": "The conflict-free assessors of subject {subject} have reached their maximum "
        "load; {room} still have room, {needed} are needed.",
    },
    # -- group checks (table) --------------------------------------------------------------
    "check.group_a": {
        "id": "minimal {minimum}, tanpa unsur kosong",
        "en": "at least {minimum}, no empty sub-element",
    },
    "check.group_b": {"id": "minimal {minimum}", "en": "at least {minimum}"},
    "check.group_c": {
        "id": "lebih dari 0; dihitung paling banyak {cap}",
        "en": "more than 0; counts at most {cap}",
    },
    # -- trace rows ------------------------------------------------------------------------
    "trace.qualification": {
        "id": "{level} {kind}, {relevance}: nilai tabel {value}",
        "en": "{level} {kind}, {relevance}: table value {value}",
    },
    "trace.qualification_licence": {
        "id": "{level} {kind}, {relevance}, {licence}: nilai tabel {value}",
        "en": "{level} {kind}, {relevance}, {licence}: table value {value}",
    },
    "trace.qualification_pgd": {
        "id": "Post-graduate diploma, {relevance}: nilai tabel {value}",
        "en": "Post-graduate diploma, {relevance}: table value {value}",
    },
    "trace.qualification_further": {
        "id": "{base}; ijazah berikutnya pada jenjang yang sama: 25 % = {points}",
        "en": "{base}; a further degree of the same level: 25 % = {points}",
    },
    "trace.training": {
        "id": "Diklat {band} jam, tingkat {level}, {relevance}: {points}",
        "en": "Training of {band} hours, {level} level, {relevance}: {points}",
    },
    "trace.training_short": {
        "id": "Diklat {hours} jam (kurang dari 8 jam): 0",
        "en": "Training of {hours} hours (under 8 hours): 0",
    },
    "trace.experience": {
        "id": "Masa kerja {years} tahun (kelompok {band}): {points}",
        "en": "{years} years of service (band {band}): {points}",
    },
    "trace.experience_short": {
        "id": "Masa kerja {years} tahun (kurang dari 2 tahun): 0",
        "en": "{years} years of service (under 2 years): 0",
    },
    "trace.plan": {
        "id": "RPP: jumlah 8 butir = {sum}; dibagi {required} rencana wajib = {points}",
        "en": "Lesson plan: sum of 8 items = {sum}; divided by {required} required plans "
        "= {points}",
    },
    "trace.programme": {
        "id": "Program BK: Σ(butir × bobot) = {weighted}, / 5 = {score}; "
        "dibagi {required} program wajib = {points}",
        "en": "Guidance programme: Σ(item × weight) = {weighted}, / 5 = {score}; "
        "divided by {required} required programmes = {points}",
    },
    "trace.plans_missing": {
        "id": "{missing} dari {required} rencana wajib tidak ada: masing-masing 0",
        "en": "{missing} of {required} required plans missing: 0 each",
    },
    "trace.observation": {
        "id": "Instrumen pelaksanaan pembelajaran, jumlah 24 butir: {points}",
        "en": "Teaching practice instrument, sum of 24 items: {points}",
    },
    "trace.observation_missing": {
        "id": "Instrumen pelaksanaan pembelajaran tidak ada: 0",
        "en": "Teaching practice instrument missing: 0",
    },
    "trace.superior": {
        "id": "Penilaian atasan dan pengawas, jumlah 10 butir: {points}",
        "en": "Superior and supervisor assessment, sum of 10 items: {points}",
    },
    "trace.superior_missing": {
        "id": "Penilaian atasan dan pengawas tidak ada: 0",
        "en": "Superior and supervisor assessment missing: 0",
    },
    "trace.competition": {
        "id": "Juara lomba tingkat {level}: {points}",
        "en": "Competition won at {level} level: {points}",
    },
    "trace.monumental": {"id": "{kind}: {points}", "en": "{kind}: {points}"},
    "trace.peer_coaching": {
        "id": "Pembimbingan teman sejawat sebagai {role}: {points}",
        "en": "Peer coaching as {role}: {points}",
    },
    "trace.student_coaching_won": {
        "id": "Membimbing siswa hingga juara tingkat {level}: {points}",
        "en": "Coaching students to a win at {level} level: {points}",
    },
    "trace.student_coaching": {
        "id": "Membimbing siswa tanpa juara: {points}",
        "en": "Coaching students without a win: {points}",
    },
    "trace.book": {
        "id": "Buku, publikasi tingkat {publication}, {relevance}: {points}",
        "en": "Book, {publication} publication, {relevance}: {points}",
    },
    "trace.article": {
        "id": "Artikel di {venue}, {relevance}: {points}",
        "en": "Article in {venue}, {relevance}: {points}",
    },
    "trace.research": {
        "id": "Laporan penelitian, {role}: {points}",
        "en": "Research report, {role}: {points}",
    },
    "trace.work": {"id": "{kind}: {points}", "en": "{kind}: {points}"},
    "trace.forum": {
        "id": "Forum ilmiah tingkat {level} sebagai {role}: {points}",
        "en": "Scientific forum at {level} level as {role}: {points}",
    },
    "trace.organization": {
        "id": "Pengurus organisasi {type} tingkat {level}: {years} tahun × {per_year} = {points}",
        "en": "Officer of an organisation ({type}) at {level} level: {years} years × "
        "{per_year} = {points}",
    },
    "trace.duty": {
        "id": "Tugas tambahan {role}: {years} tahun × {per_year} = {points}",
        "en": "Additional duty as {role}: {years} years × {per_year} = {points}",
    },
    "trace.award": {
        "id": "Penghargaan tingkat {level}: {points}",
        "en": "Award at {level} level: {points}",
    },
    "trace.special_area": {
        "id": "Pengabdian di daerah khusus: {years} tahun × {per_year} = {points}",
        "en": "Service in a special area: {years} years × {per_year} = {points}",
    },
    # -- validation errors -----------------------------------------------------------------
    "error.not_json": {
        "id": "Bukan JSON yang sah: {detail} (baris {line}, kolom {column}).",
        "en": "Not valid JSON: {detail} (line {line}, column {column}).",
    },
    "error.not_utf8": {
        "id": "Berkas bukan teks UTF-8.",
        "en": "The file is not UTF-8 text.",
    },
    "error.empty": {"id": "Berkas kosong.", "en": "The file is empty."},
    "error.required": {"id": "Wajib diisi.", "en": "Is required."},
    "error.unknown_field": {
        "id": "Isian tidak dikenal (tidak ada dalam format sergur.portfolio/1).",
        "en": "Unknown field (not part of the sergur.portfolio/1 format).",
    },
    "error.type": {"id": "Harus berupa {expected}.", "en": "Must be {expected}."},
    "error.enum": {
        "id": "Nilai {value} tidak dikenal; pilihan: {choices}.",
        "en": "Unknown value {value}; choose one of: {choices}.",
    },
    "error.const": {"id": "Harus bernilai {expected}.", "en": "Must be {expected}."},
    "error.between": {
        "id": "Harus antara {minimum} dan {maximum}, bukan {value}.",
        "en": "Must be between {minimum} and {maximum}, not {value}.",
    },
    "error.items_exact": {
        "id": "Harus berisi tepat {count} skor butir, bukan {found}.",
        "en": "Must hold exactly {count} item scores, not {found}.",
    },
    "error.max_items": {
        "id": "Paling banyak {count} entri, bukan {found}.",
        "en": "At most {count} entries, not {found}.",
    },
    "error.too_long": {
        "id": "Terlalu panjang: paling banyak {count} karakter.",
        "en": "Too long: at most {count} characters.",
    },
    "error.evidence_code": {
        "id": "Kode bukti {value} tidak sesuai penomoran instrumen (contoh: 1.b, 10.a.1)).",
        "en": "Evidence code {value} does not follow the instrument numbering (e.g. 1.b, 10.a.1)).",
    },
    "error.nuptk": {
        "id": "NUPTK harus 16 angka.",
        "en": "The NUPTK must be 16 digits.",
    },
    "error.evidence_component": {
        "id": "Kode bukti {code} milik unsur {code_component}, tetapi dipakai pada unsur "
        "{component}.",
        "en": "Evidence code {code} belongs to component {code_component} but is used under "
        "component {component}.",
    },
    "error.evidence_reused": {
        "id": "Kode bukti {code} sudah dipakai di {first}: satu bukti hanya untuk satu tempat.",
        "en": "Evidence code {code} is already used at {first}: a piece of evidence supports "
        "one place only.",
    },
    "error.counselor_plans": {
        "id": "Guru BK menyerahkan paling banyak 4 program BK (PPBK), bukan {found}.",
        "en": "A guidance counsellor submits at most 4 guidance programmes (PPBK), not {found}.",
    },
    "error.invalid": {"id": "Tidak sah: {detail}.", "en": "Invalid: {detail}."},
}

TYPE_NAMES: dict[str, dict[Lang, str]] = {
    "object": {"id": "objek", "en": "an object"},
    "array": {"id": "daftar", "en": "a list"},
    "string": {"id": "teks", "en": "text"},
    "integer": {"id": "bilangan bulat", "en": "a whole number"},
    "number": {"id": "angka", "en": "a number"},
    "boolean": {"id": "true atau false", "en": "true or false"},
}

TEMPLATES.update({f"component.{key}": names for key, names in COMPONENTS.items()})
TEMPLATES.update({f"decision.{key}": names for key, names in DECISIONS.items()})
TEMPLATES.update({f"type.{key}": names for key, names in TYPE_NAMES.items()})

SECTIONS: dict[str, dict[Lang, str]] = {
    "qualification": {"id": "Kualifikasi akademik", "en": "Academic qualification"},
    "training": {"id": "Pendidikan dan pelatihan", "en": "Training"},
    "teaching_period": {"id": "Pengalaman mengajar", "en": "Teaching experience"},
    "lesson_plan": {"id": "Perencanaan pembelajaran (RPP/PPBK)", "en": "Lesson plans (RPP/PPBK)"},
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

TEMPLATES.update({f"section.{key}": names for key, names in SECTIONS.items()})
TEMPLATES.update(
    {
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
            "id": "Penilaian pelaksanaan pembelajaran oleh kepala sekolah dan pengawas "
            "belum selesai.",
            "en": "The principal's and supervisor's teaching-practice assessment is not done yet.",
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
            "en": "{section}: {count} entries have no evidence yet.",
        },
    }
)
