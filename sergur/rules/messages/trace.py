"""The trace rows of a score: how each entry earned its points (sergur.rules.scoring)."""

from __future__ import annotations

from sergur.rules.messages.catalogue import Catalogue

TRACE: Catalogue = {
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
        "en": "Training of {hours} {hours:hour|hours} (under 8 hours): 0",
    },
    "trace.experience": {
        "id": "Masa kerja {years} tahun (kelompok {band}): {points}",
        "en": "{years} {years:year|years} of service (band {band}): {points}",
    },
    "trace.experience_short": {
        "id": "Masa kerja {years} tahun (kurang dari 2 tahun): 0",
        "en": "{years} {years:year|years} of service (under 2 years): 0",
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
    "trace.plans_unscored": {
        "id": "{waiting} dari {required} rencana wajib sudah diunggah, belum diberi skor: "
        "0 sampai diberi skor",
        "en": "{waiting} of {required} required plans uploaded, not yet scored: 0 until scored",
    },
    "trace.plans_unscored_missing": {
        "id": "{waiting} dari {required} rencana wajib sudah diunggah, belum diberi skor; "
        "{missing} tidak ada: masing-masing 0",
        "en": "{waiting} of {required} required plans uploaded, not yet scored; {missing} "
        "missing: 0 each",
    },
    "trace.observation": {
        "id": "Instrumen pelaksanaan pembelajaran, jumlah 24 butir: {points}",
        "en": "Teaching practice instrument, sum of 24 items: {points}",
    },
    "trace.observation_missing": {
        "id": "Instrumen pelaksanaan pembelajaran tidak ada: 0",
        "en": "Teaching practice instrument missing: 0",
    },
    "trace.counselor_practice": {
        "id": "Penilaian pelaksanaan program pelayanan BK oleh asesor, jumlah 24 butir: {points}",
        "en": "Guidance and counselling practice scored by the assessor, sum of 24 items: {points}",
    },
    "trace.counselor_practice_missing": {
        "id": "Penilaian pelaksanaan program pelayanan BK oleh asesor belum ada: 0",
        "en": "Guidance and counselling practice not scored by the assessor yet: 0",
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
        "en": "Officer of an organisation ({type}) at {level} level: {years} {years:year|years} × "
        "{per_year} = {points}",
    },
    "trace.duty": {
        "id": "Tugas tambahan {role}: {years} tahun × {per_year} = {points}",
        "en": "Additional duty as {role}: {years} {years:year|years} × {per_year} = {points}",
    },
    "trace.award": {
        "id": "Penghargaan tingkat {level}: {points}",
        "en": "Award at {level} level: {points}",
    },
    "trace.award_not_counted": {
        "id": "Penghargaan tingkat {level}: 0 (penghargaan dihitung mulai tingkat kabupaten/kota)",
        "en": "Award at {level} level: 0 (awards count from district level up)",
    },
    "trace.special_area": {
        "id": "Penugasan di daerah khusus: {years} tahun × {per_year} = {points}",
        "en": "Service in a special area: {years} {years:year|years} × {per_year} = {points}",
    },
}
