"""What selection says: the eligibility reasons, the quota notes and how the selection pages
word a teacher's ranking factors and result (sergur.rules.selection; Buku 1)."""

from __future__ import annotations

from sergur.rules.messages.catalogue import Catalogue

# selection.*: who may take part in a programme year (selection.eligibility).
ELIGIBILITY: Catalogue = {
    "selection.date": {"id": "{day} {month} {year}", "en": "{day} {month} {year}"},
    "selection.nuptk_missing": {
        "id": "NUPTK belum ada.",
        "en": "The NUPTK is missing.",
    },
    "selection.nuptk_invalid": {
        "id": "NUPTK tidak sah: NUPTK terdiri atas 16 angka.",
        "en": "The NUPTK is not valid: a NUPTK has 16 digits.",
    },
    "selection.employment_unknown": {
        "id": "Status kepegawaian tidak dikenal (harus PNS atau non-PNS).",
        "en": "The employment status is unknown (must be PNS or non-PNS).",
    },
    "selection.no_teacher_since": {
        "id": "Tanggal pengangkatan pertama sebagai guru belum ada; peserta harus sudah "
        "menjadi guru pada {date}.",
        "en": "The date of first appointment as a teacher is missing; a participant must "
        "have been a teacher on {date}.",
    },
    "selection.not_teacher_on": {
        "id": "Bukan guru pada {date}: diangkat sebagai guru pada {since}.",
        "en": "Not a teacher on {date}: first appointed as a teacher on {since}.",
    },
    "selection.over_age": {
        "id": "Usia {age} tahun pada {date}; peserta harus berusia di bawah {limit} tahun.",
        "en": "Age {age} on {date}; participants must be under {limit}.",
    },
    "selection.education": {
        "id": "Pendidikan {level} di bawah S-1/D-IV dan tidak memenuhi pengecualian: usia "
        "{age} tahun dengan masa kerja {years} tahun pada {date} (perlu usia {min_age} dan "
        "{min_years} tahun), golongan {rank} (perlu {min_rank}, PNS atau inpassing).",
        "en": "Education {level} is below S-1/D-IV and neither exception applies: age {age} "
        "with {years} {years:year|years} of service on {date} (needs age {min_age} and {min_years} "
        "years), rank {rank} (needs {min_rank}, PNS or inpassing).",
    },
    "selection.no_rank": {"id": "tidak ada", "en": "none"},
    "selection.rank_not_counted": {
        "id": "{rank} (tidak dihitung: non-PNS tanpa inpassing)",
        "en": "{rank} (not counted: non-PNS without inpassing)",
    },
    "selection.no_permanent": {
        "id": "Guru non-PNS tanpa SK sebagai guru tetap; perlu sedikitnya {years} tahun "
        "sebagai guru tetap pada {date}.",
        "en": "A non-PNS teacher without an SK as permanent teacher; at least {years} "
        "{years:year|years} as a permanent teacher on {date} are needed.",
    },
    "selection.permanent_short": {
        "id": "Guru tetap sejak {since}: {have} tahun pada {date}, perlu {years} tahun.",
        "en": "Permanent teacher since {since}: {have} {have:year|years} on {date}, "
        "{years} needed.",
    },
    "selection.retired": {
        "id": "Sudah pensiun pada {date}: usia {limit} tahun pada {birthday}, pensiun mulai "
        "{retired}; semua guru yang belum pensiun berhak mengikuti sertifikasi.",
        "en": "Retired on {date}: aged {limit} on {birthday}, retired from {retired}; every "
        "teacher not yet retired may take part.",
    },
    "selection.education_required": {
        "id": "Pendidikan {level}: peserta harus berijazah minimal S-1 atau D-IV.",
        "en": "Education {level}: participants must hold at least an S-1 or D-IV degree.",
    },
    "selection.service_short": {
        "id": "Masa kerja sejak {since}: {have} tahun pada {date}, guru non-PNS perlu masa "
        "kerja minimal {years} tahun.",
        "en": "Service since {since}: {have} {have:year|years} on {date}; a non-PNS teacher "
        "needs at least {years} {years:year|years} of service.",
    },
    "selection.depag": {
        "id": "Guru agama (bidang studi {subject}): sertifikasinya dilakukan oleh Departemen "
        "Agama, bukan oleh Dinas Pendidikan kabupaten/kota.",
        "en": "Religion teacher (subject {subject}): certified by the Ministry of Religious "
        "Affairs (Depag), not by the district education office.",
    },
    "selection.subject.matches": {
        "id": "Mengajar sesuai bidang ijazah: disertifikasi pada bidang studi {subject}.",
        "en": "Teaches the field of the degree: certified in subject {subject}.",
    },
    "selection.subject.degree": {
        "id": "Mengajar di luar bidang ijazah; guru memilih sertifikasi berbasis ijazah "
        "S1/D4: bidang studi {subject}.",
        "en": "Teaches outside the degree's field; the teacher chose certification on the "
        "S1/D4 degree: subject {subject}.",
    },
    "selection.subject.taught": {
        "id": "Mengajar di luar bidang ijazah; guru memilih sertifikasi berbasis bidang "
        "studi yang diajarkan: {subject}.",
        "en": "Teaches outside the degree's field; the teacher chose certification on the "
        "subject taught: {subject}.",
    },
    "selection.subject.unchosen": {
        "id": "Mengajar di luar bidang ijazah ({degree}) dan belum memilih jalur: "
        "sementara bidang studi yang diajarkan, {subject}.",
        "en": "Teaches outside the degree's field ({degree}) and has not chosen a route: "
        "the subject taught, {subject}, until the teacher chooses.",
    },
    "selection.certified": {
        "id": "Sudah bersertifikat pendidik.",
        "en": "Already certified.",
    },
}

# selection.*: how a place was given or moved (selection.quota).
QUOTA: Catalogue = {
    "selection.by_rank": {
        "id": "Terpilih menurut peringkat (urutan {position}).",
        "en": "Selected by rank (position {position}).",
    },
    "selection.by_non_pns_share": {
        "id": "Terpilih untuk memenuhi kuota minimum non-PNS ({required} dari {quota} "
        "tempat; urutan {position}).",
        "en": "Selected to meet the non-PNS minimum share ({required} of {quota} places; "
        "position {position}).",
    },
    "selection.displaced": {
        "id": "Tempat urutan {position} diberikan kepada guru non-PNS untuk memenuhi kuota "
        "minimum non-PNS ({required} dari {quota} tempat).",
        "en": "The place at position {position} went to a non-PNS teacher to meet the "
        "non-PNS minimum share ({required} of {quota} places).",
    },
    "selection.target_nobody": {
        "id": "Belum ada guru yang memenuhi syarat: target {target} tidak dapat dibagi.",
        "en": "No teacher is eligible yet: the target {target} cannot be shared out.",
    },
    "selection.target_too_big": {
        "id": "Target {target} melebihi jumlah guru yang memenuhi syarat ({total}); "
        "paling banyak {total} tempat dapat dibagi.",
        "en": "The target {target} exceeds the eligible teachers ({total}); at most {total} "
        "{total:place|places} can be shared out.",
    },
    "selection.moved": {
        "id": "{district_from} hanya memiliki {eligible} guru yang memenuhi syarat untuk "
        "kuota {quota}: {places} tempat dipindahkan ke {district_to}.",
        "en": "{district_from} has only {eligible} eligible {eligible:teacher|teachers} for a "
        "quota of {quota}: {places} {places:place|places} moved to {district_to}.",
    },
    "selection.unplaced": {
        "id": "{district_from} hanya memiliki {eligible} guru yang memenuhi syarat untuk "
        "kuota {quota}: {places} tempat tidak dapat dipindahkan dalam provinsi (dilaporkan "
        "ke LPMP).",
        "en": "{district_from} has only {eligible} eligible {eligible:teacher|teachers} for a "
        "quota of {quota}: {places} {places:place|places} cannot be moved within the province "
        "(reported to the LPMP).",
    },
}

# selection.factor/value/why.*: one teacher's result on the selection pages.
WORDING: Catalogue = {
    "selection.factor.service": {"id": "Masa kerja", "en": "Years of service"},
    "selection.factor.age": {"id": "Usia (tanggal lahir)", "en": "Age (date of birth)"},
    "selection.factor.rank": {"id": "Pangkat/golongan", "en": "Rank (golongan)"},
    "selection.factor.teaching_load": {"id": "Beban mengajar", "en": "Teaching load"},
    "selection.factor.additional_duty": {"id": "Tugas tambahan", "en": "Additional duty"},
    "selection.factor.achievement": {"id": "Prestasi kerja", "en": "Work achievement"},
    "selection.value.months": {
        "id": "{years} tahun {months} bulan",
        "en": "{years} {years:year|years} {months} {months:month|months}",
    },
    "selection.value.hours": {
        "id": "{hours} jam per minggu",
        "en": "{hours} {hours:hour|hours} a week",
    },
    "selection.value.none": {"id": "tidak ada", "en": "none"},
    "selection.value.duty.1": {"id": "Tugas tambahan lain", "en": "Other additional duty"},
    "selection.value.duty.2": {
        "id": "Wakil kepala sekolah atau kepala program/laboratorium",
        "en": "Vice-principal or head of department/laboratory",
    },
    "selection.value.duty.3": {"id": "Kepala sekolah", "en": "Principal"},
    "selection.value.achievement.1": {"id": "Tingkat kabupaten/kota", "en": "District"},
    "selection.value.achievement.2": {"id": "Tingkat provinsi", "en": "Province"},
    "selection.value.achievement.3": {"id": "Tingkat nasional", "en": "National"},
    "selection.value.achievement.4": {"id": "Tingkat internasional", "en": "International"},
    "selection.why.rank": {
        "id": "Terpilih: peringkat {position} dari {eligible} guru yang memenuhi syarat, "
        "dalam kuota {quota} orang. Nomor peserta: {number}.",
        "en": "Selected: rank {position} of {eligible} eligible teachers, within the quota "
        "of {quota}. Participant number: {number}.",
    },
    "selection.why.non_pns_share": {
        "id": "Terpilih: peringkat {position} dari {eligible}, melalui porsi minimal guru "
        "non-PNS ({share} % dari kuota {quota} orang). Nomor peserta: {number}.",
        "en": "Selected: rank {position} of {eligible}, through the minimum non-PNS share "
        "({share} % of the quota of {quota}). Participant number: {number}.",
    },
    "selection.why.beyond_quota": {
        "id": "Memenuhi syarat tetapi belum terpilih: peringkat {position} dari {eligible} "
        "guru yang memenuhi syarat, sedangkan kuota kabupaten/kota {quota} orang.",
        "en": "Eligible but not selected: rank {position} of {eligible} eligible teachers, "
        "and the district's quota is {quota}.",
    },
    "selection.why.not_eligible": {
        "id": "Tidak memenuhi syarat tahun ini, karena:",
        "en": "Not eligible this year, because:",
    },
}
