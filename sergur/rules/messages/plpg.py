"""What the PLPG rules say about a participant's result: admission, parts, retakes
(docs/plpg.md; docs/sources/domain.md §3)."""

from __future__ import annotations

from sergur.rules.messages.catalogue import Catalogue

PLPG: Catalogue = {
    "plpg.attendance": {
        "id": "Kehadiran {attended} dari {total} JP, di bawah minimum {minimum} JP: tidak "
        "diizinkan mengikuti ujian.",
        "en": "Attended {attended} of {total} JP, below the minimum of {minimum} JP: not "
        "admitted to the exams.",
    },
    "plpg.appearances": {
        "id": "Baru {count} kali tampil peer teaching (RPP didiskusikan); minimum {minimum}: "
        "tidak diizinkan mengikuti ujian.",
        "en": "Only {count} peer-teaching {count:appearance|appearances} with the plan discussed; "
        "the minimum is "
        "{minimum}: not admitted to the exams.",
    },
    "plpg.missing": {
        "id": "{part}: belum ada nilai.",
        "en": "{part}: no score yet.",
    },
    "plpg.part_failed": {
        "id": "{part}: nilai {score} di bawah batas lulus {mark} (kurang {short}).",
        "en": "{part}: score {score} is below the pass mark {mark} (short by {short}).",
    },
    "plpg.final_failed": {
        "id": "Nilai akhir {score} di bawah batas lulus {mark} (kurang {short}).",
        "en": "The final score {score} is below the pass mark {mark} (short by {short}).",
    },
    "plpg.passed": {
        "id": "Lulus PLPG: nilai akhir {score} (batas lulus {mark}).",
        "en": "Passed the PLPG: final score {score} (pass mark {mark}).",
    },
    "plpg.retake": {
        "id": "Ujian ulang {parts} (ujian ulang ke-{number} dari {maximum}).",
        "en": "Retake {parts} (retake {number} of {maximum}).",
    },
    "plpg.not_retakeable": {
        "id": "{part} bukan ujian dan tidak dapat diulang: dikembalikan ke Dinas.",
        "en": "{part} is no exam and cannot be retaken: returned to the district.",
    },
    "plpg.retakes_used": {
        "id": "Tidak lulus setelah {maximum} kali ujian ulang: dikembalikan ke Dinas.",
        "en": "Not passed after {maximum} {maximum:retake|retakes}: returned to the district.",
    },
    "plpg.not_admitted": {
        "id": "Tidak diizinkan mengikuti ujian: dikembalikan ke Dinas.",
        "en": "Not admitted to the exams: returned to the district.",
    },
    "plpg.competency_low": {
        "id": "Kompetensi {competency}: {score}, di bawah {mark}; perlu program remedial.",
        "en": "{competency} competency: {score}, below {mark}; needs a remedial programme.",
    },
    "plpg.row.missing_column": {
        "id": "Kolom {column} tidak ada di baris judul.",
        "en": "The column {column} is missing from the header row.",
    },
    "plpg.row.empty": {"id": "Sel kosong.", "en": "The cell is empty."},
    "plpg.row.score": {
        "id": "“{value}” bukan nilai 0 sampai 100.",
        "en": "“{value}” is not a score from 0 to 100.",
    },
    "plpg.row.count": {
        "id": "“{value}” bukan bilangan bulat 0 atau lebih.",
        "en": "“{value}” is not a whole number, 0 or more.",
    },
    "plpg.row.jp": {
        "id": "Lebih dari {total} JP pelatihan.",
        "en": "More than the training's {total} JP.",
    },
    "plpg.competency.pedagogic": {"id": "pedagogik", "en": "pedagogic"},
    "plpg.competency.personal": {"id": "kepribadian", "en": "personal"},
    "plpg.competency.social": {"id": "sosial", "en": "social"},
    "plpg.competency.professional": {"id": "profesional", "en": "professional"},
    "plpg.future.session": {
        "id": "Sesi tanggal {day} belum berlangsung: kehadiran dicatat pada hari sesi atau "
        "sesudahnya.",
        "en": "The session of {day} has not taken place yet: attendance is recorded on its day "
        "or later.",
    },
    "plpg.future.training": {
        "id": "Pelatihan kelas ini baru dimulai tanggal {day}: nilai dicatat mulai hari itu.",
        "en": "This class's training starts on {day}: scores are entered from that day on.",
    },
}
