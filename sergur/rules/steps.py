"""Who acts next on a case, and what they do, in words a teacher understands.

Each forward row of the workflow table (`sergur.rules.workflow.TRANSITIONS`) carries one of
these steps: the rows that leave a state name who moves the case out of it. What happens after
the table's last move (the certificate, a final decision, the return to the district after the
PLPG) is kept here too, so a case in any state has exactly one next step
(`sergur.rules.workflow.next_step`).

Sources: docs/assessment.md ("The case's states", publication by code), docs/plpg.md (placement,
rounds, the return to the district), docs/certificates.md (the rayon's LPTK issues the
certificate after L or a PLPG pass), docs/glossary.md (the decision codes).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sergur.rules.messages import Lang


class Who(StrEnum):
    """Who acts next: a person's role, the assessors, the rayon's university, or nobody."""

    TEACHER = "teacher"
    DISTRICT_COMMITTEE = "district_committee"
    QUALITY_OFFICE = "quality_office"
    RAYON_ADMIN = "rayon_admin"
    ASSESSORS = "assessors"
    INSTRUCTORS = "instructors"
    RAYON_LPTK = "rayon_lptk"
    DISTRICT_OFFICE = "district_office"
    NOBODY = "nobody"


@dataclass(frozen=True, slots=True)
class Step:
    """The next step of a case: who acts, and the sentence saying what they do (id, en); when
    the teacher's part comes first, the step after it (`then`), once it is answered or its
    deadline has passed."""

    who: Who
    id: str
    en: str
    then: Step | None = None

    def text(self, lang: Lang) -> str:
        """The sentence in `lang`."""
        return self.id if lang == "id" else self.en


TEACHER_SUBMITS = Step(
    Who.TEACHER,
    "Guru: melengkapi sepuluh komponen (setelah dikembalikan: memperbaiki yang disebut "
    "alasannya), mengunggah bukti, dan menyerahkan portofolio beserta pernyataan keaslian. "
    "Kepala sekolah (untuk kepala sekolah peserta: Kepala Dinas) dan pengawas mengisi amplop "
    "tertutup sebelum batas waktunya.",
    "The teacher: complete the ten components (after a return: fix what its reason names), "
    "upload the evidence and submit the portfolio with the declaration. The principal (for a "
    "principal-participant: the head of the district education office) and the supervisor "
    "fill the closed envelope by its deadline.",
)
TEACHER_COMPLETES = Step(
    Who.TEACHER,
    "Guru: melengkapi portofolio sesuai alasan keputusan (MA: administrasi, MS: substansi) dan "
    "menyerahkannya kembali sebelum batas waktu; portofolio lalu langsung kembali ke rayon "
    "untuk dinilai ulang.",
    "The teacher: complete the portfolio as the decision's reasons say (MA: the "
    "administration, MS: the substance) and submit it again before the deadline; it then goes "
    "straight back to the rayon to be assessed again.",
)
DISTRICT_VERIFIES = Step(
    Who.DISTRICT_COMMITTEE,
    "Panitia Sertifikasi Guru Kabupaten/Kota memverifikasi dokumen: meneruskan portofolio ke "
    "LPMP atau mengembalikannya kepada guru beserta alasannya.",
    "The district committee verifies the documents: it passes the portfolio on to LPMP or "
    "returns it to the teacher with the reason.",
)
QUALITY_VERIFIES = Step(
    Who.QUALITY_OFFICE,
    "LPMP memverifikasi ulang dokumen: meneruskan portofolio ke rayon atau mengembalikannya "
    "kepada guru beserta alasannya.",
    "The quality office (LPMP) verifies the documents again: it sends the portfolio on to the "
    "rayon or returns it to the teacher with the reason.",
)
RAYON_RECEIVES = Step(
    Who.RAYON_ADMIN,
    "PSG Rayon menerima portofolio, atau mengembalikannya kepada guru beserta alasannya.",
    "The rayon admin receives the portfolio, or returns it to the teacher with the reason.",
)
RAYON_ALLOCATES = Step(
    Who.RAYON_ADMIN,
    "PSG Rayon menugaskan dua asesor untuk menilai portofolio.",
    "The rayon admin allocates two assessors to the portfolio.",
)
ASSESSORS_SCORE = Step(
    Who.ASSESSORS,
    "Dua asesor menilai portofolio; jika skor keduanya sesuai, keputusan diambil; jika tidak, "
    "PSG Rayon merekonsiliasinya.",
    "Two assessors score the portfolio; when their scores agree the decision follows, "
    "otherwise the rayon admin reconciles them.",
)
RAYON_RECONCILES = Step(
    Who.RAYON_ADMIN,
    "PSG Rayon merekonsiliasi skor kedua asesor (telaah bersama atau asesor ketiga); keputusan "
    "lalu diambil.",
    "The rayon admin reconciles the two assessors' scores (a joint review or a third "
    "assessor); the decision follows.",
)
RAYON_PUBLISHES = Step(
    Who.RAYON_ADMIN,
    "PSG Rayon mengumumkan keputusan; guru lalu melihatnya di halaman ini beserta semua alasannya.",
    "The rayon admin publishes the decision; the teacher then sees it on this page with every "
    "reason.",
)
RAYON_DECIDES_CLARIFICATION = Step(
    Who.RAYON_ADMIN,
    "PSG Rayon memutuskan atas klarifikasi guru: bukti yang diragukan dinyatakan jelas (keputusan "
    "diambil ulang) atau pemalsuan terbukti (D).",
    "The rayon admin decides on the teacher's clarification: the doubtful evidence is cleared "
    "(the decision is taken again) or fraud is confirmed (D).",
)
TEACHER_CLARIFIES = Step(
    Who.TEACHER,
    "Guru: menulis klarifikasi dan menunjukkan dokumen asli sebelum batas waktu; PSG Rayon lalu "
    "memutuskan.",
    "The teacher: write the clarification and show the originals by the deadline; the rayon "
    "admin then decides.",
    RAYON_DECIDES_CLARIFICATION,
)
RAYON_PLACES = Step(
    Who.RAYON_ADMIN,
    "PSG Rayon memasukkan guru ke daftar PLPG dan menempatkannya di kelas pelatihan; surat "
    "undangan menyebutkan tempat dan waktunya.",
    "The rayon admin puts the teacher on the PLPG list and places them in a training class; "
    "the invitation letter says where and when.",
)
PLPG_EXAMS = Step(
    Who.INSTRUCTORS,
    "Guru mengikuti PLPG dan ujiannya; instruktur menilainya dan hasilnya menyusul (lulus, "
    "ujian ulang, atau dikembalikan ke Dinas).",
    "The teacher attends the PLPG training and sits its exams; the instructors score them and "
    "the result follows (a pass, a retake, or a return to the district).",
)

# After the table's last move.
LPTK_CERTIFIES = Step(
    Who.RAYON_LPTK,
    "LPTK penyelenggara rayon menerbitkan sertifikat pendidik; guru tidak perlu melakukan "
    "apa-apa lagi.",
    "The rayon's university (LPTK) issues the educator certificate; nothing more is asked of "
    "the teacher.",
)
CERTIFIED = Step(
    Who.NOBODY,
    "Tidak ada: sertifikat pendidik sudah terbit; sertifikasi selesai.",
    "Nobody: the educator certificate is issued; the certification is complete.",
)
STRUCK_OFF = Step(
    Who.NOBODY,
    "Tidak ada: keputusan ini final. Portofolio dicoret dan dikembalikan ke Dinas Pendidikan "
    "Kabupaten/Kota.",
    "Nobody: this decision is final. The portfolio is struck off and returned to the district "
    "education office.",
)
DISTRICT_COACHES = Step(
    Who.DISTRICT_OFFICE,
    "Dinas Pendidikan Kabupaten/Kota membina guru (pembinaan); sertifikasi tahun program ini "
    "berakhir di sini.",
    "The district education office coaches the teacher (pembinaan); this programme year's "
    "certification ends here.",
)
