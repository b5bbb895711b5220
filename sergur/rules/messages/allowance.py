"""What the allowance rules say about a teacher's semester: each eligibility rule's reason and
the smallest fix (docs/allowance.md, "Eligibility")."""

from __future__ import annotations

from sergur.rules.messages.catalogue import Catalogue

ALLOWANCE: Catalogue = {
    "allowance.certificate.ok": {
        "id": "Sertifikat pendidik terbit tahun {year}.",
        "en": "Educator certificate issued in {year}.",
    },
    "allowance.certificate.missing": {
        "id": "Belum memiliki sertifikat pendidik.",
        "en": "No educator certificate.",
    },
    "allowance.certificate.fix": {
        "id": "Selesaikan sertifikasi: tunjangan profesi memerlukan sertifikat pendidik.",
        "en": "Complete the certification: the allowance needs the educator certificate.",
    },
    "allowance.nrg.ok": {
        "id": "Nomor registrasi guru (NRG) ada.",
        "en": "The teacher registration number (NRG) is present.",
    },
    "allowance.nrg.missing": {
        "id": "Belum memiliki nomor registrasi guru (NRG).",
        "en": "No teacher registration number (NRG).",
    },
    "allowance.nrg.fix": {
        "id": "Mintalah NRG yang terbit bersama sertifikat kepada rayon LPTK.",
        "en": "Ask the rayon for the NRG issued with the certificate.",
    },
    "allowance.start.ok": {
        "id": "Tunjangan dibayar mulai Januari {first}, tahun setelah sertifikat terbit.",
        "en": "The allowance is paid from January {first}, the year after the certificate.",
    },
    "allowance.start.wait": {
        "id": "Tunjangan baru dibayar mulai Januari {first}, tahun setelah sertifikat terbit; "
        "semester {semester} sebelum itu.",
        "en": "The allowance is paid only from January {first}, the year after the "
        "certificate; semester {semester} is before that.",
    },
    "allowance.start.fix": {
        "id": "Tidak ada yang perlu dilakukan: tunjangan mulai semester {first}-1.",
        "en": "Nothing to do: the allowance starts in semester {first}-1.",
    },
    "allowance.employment.ok": {
        "id": "Tidak menjadi pegawai tetap di instansi lain.",
        "en": "Not permanently employed by another institution.",
    },
    "allowance.employment.elsewhere": {
        "id": "Tercatat sebagai pegawai tetap di instansi lain.",
        "en": "Recorded as permanently employed by another institution.",
    },
    "allowance.employment.fix": {
        "id": "Guru yang menjadi pegawai tetap di instansi lain tidak menerima tunjangan: "
        "akhiri kepegawaian itu atau minta sekolah membetulkan data bila keliru.",
        "en": "A teacher permanently employed elsewhere receives no allowance: end that "
        "employment, or ask the school to correct the record if it is wrong.",
    },
    "allowance.pkg.ok": {
        "id": "Nilai PKG terakhir {pkg} (minimal {minimum}).",
        "en": "The latest PKG is {pkg} (at least {minimum} is needed).",
    },
    "allowance.pkg.low": {
        "id": "Nilai PKG terakhir {pkg}, di bawah {minimum}.",
        "en": "The latest PKG, {pkg}, is below {minimum}.",
    },
    "allowance.pkg.missing": {
        "id": "Belum ada nilai PKG untuk semester {semester}; minimal {minimum}.",
        "en": "No PKG is recorded for semester {semester}; at least {minimum} is needed.",
    },
    "allowance.pkg.fix": {
        "id": "Capai minimal {minimum} pada penilaian kinerja guru (PKG) berikutnya.",
        "en": "Reach at least {minimum} in the next performance appraisal (PKG).",
    },
    "allowance.pkg.record": {
        "id": "Minta sekolah mencatat nilai PKG terakhir Anda.",
        "en": "Ask the school to record your latest PKG.",
    },
    "allowance.linearity.ok": {
        "id": "Semua jam yang dihitung sesuai (linier) dengan sertifikat {subject}.",
        "en": "Every hour counted is in line with the certificate ({subject}).",
    },
    "allowance.linearity.excluded": {
        "id": "{hours} JP pada mata pelajaran {subjects} tidak dihitung: tidak linier dengan "
        "sertifikat {subject}.",
        "en": "{hours} JP in {subjects} do not count: not in line with the certificate "
        "({subject}).",
    },
    "allowance.linearity.fix": {
        "id": "Ajarkan mata pelajaran sertifikat ({subject}) atau yang tercantum di tabel "
        "linieritas; bila {subjects} memang linier, minta panitia kabupaten/kota "
        "menambahkannya ke tabel linieritas.",
        "en": "Teach the certificate's subject ({subject}) or one the linearity table lists; "
        "if the subject taught ({subjects}) is in line after all, ask the district committee "
        "to add it to the linearity table.",
    },
    "allowance.ratio.ok": {
        "id": "Setiap rombel yang diajar memenuhi jumlah siswa minimal.",
        "en": "Every class taught has enough pupils.",
    },
    "allowance.ratio.excluded": {
        "id": "{hours} JP di rombel {classes} tidak dihitung: jumlah siswa di bawah minimal.",
        "en": "{hours} JP in classes {classes} do not count: fewer pupils than the minimum.",
    },
    "allowance.ratio.fix": {
        "id": "Ajar di rombel yang memenuhi jumlah siswa minimal (rasio siswa:guru).",
        "en": "Teach classes that have the minimum number of pupils (the pupil:teacher ratio).",
    },
    "allowance.schools.excluded": {
        "id": "{hours} JP di sekolah lain tidak dihitung: paling banyak {maximum} sekolah.",
        "en": "{hours} JP at other schools do not count: at most {maximum} schools count.",
    },
    "allowance.schools.fix": {
        "id": "Pindahkan jam itu ke sekolah induk atau ke sekolah yang sudah dihitung.",
        "en": "Move those hours to the main school or to a school already counted.",
    },
    "allowance.face.ok": {
        "id": "{hours} JP tatap muka (minimal {minimum}).",
        "en": "{hours} JP face to face (at least {minimum}).",
    },
    "allowance.face.short": {
        "id": "{hours} JP tatap muka, di bawah minimal {minimum}.",
        "en": "{hours} JP face to face, below the minimum of {minimum}.",
    },
    "allowance.face.approved": {
        "id": "{hours} JP tatap muka, di bawah minimal {minimum}, tetapi disetujui tertulis oleh "
        "Menteri dengan surat {letter} untuk semester ini.",
        "en": "{hours} JP face to face, below the minimum of {minimum}, but approved in writing "
        "by the minister's letter {letter} for this semester.",
    },
    "allowance.face.fix": {
        "id": "Tambah {short} JP tatap muka per minggu dalam {subject}.",
        "en": "Teach {short} more JP face to face a week in {subject}.",
    },
    "allowance.hours.ok": {
        "id": "{hours} JP dihitung (minimal {required}).",
        "en": "{hours} JP counted (at least {required}).",
    },
    "allowance.hours.obligation": {
        "id": "{hours} JP dihitung; sebagai {duty} kewajibannya {required} JP.",
        "en": "{hours} JP counted; as {duty} the obligation is {required} JP.",
    },
    "allowance.hours.short": {
        "id": "{hours} JP dihitung, di bawah {required}: kurang {short} JP.",
        "en": "{hours} JP counted, below {required}: short by {short} JP.",
    },
    "allowance.hours.approved": {
        "id": "{hours} JP dihitung, di bawah {required}, tetapi disetujui tertulis oleh Menteri "
        "dengan surat {letter} untuk semester ini.",
        "en": "{hours} JP counted, below {required}, but approved in writing by the minister's "
        "letter {letter} for this semester.",
    },
    "allowance.hours.fix": {
        "id": "Tambah {short} JP per minggu dalam {subject}: di sekolah ini, di sekolah lain "
        "yang berizin, atau secara team teaching; atau ambil tugas tambahan yang diakui; atau "
        "ajukan persetujuan tertulis Menteri.",
        "en": "Teach {short} more JP a week in {subject}: at this school, at another licensed "
        "school or in a team-taught class; or take an additional duty that counts; or ask for "
        "the minister's written approval.",
    },
}

ROWS: Catalogue = {
    "allowance.row.missing_column": {
        "id": "Kolom {column} tidak ada di baris judul.",
        "en": "The column {column} is missing from the header row.",
    },
    "allowance.row.empty": {"id": "Sel kosong.", "en": "The cell is empty."},
    "allowance.row.digits": {
        "id": "Harus {size} angka.",
        "en": "Must be {size} digits.",
    },
    "allowance.row.number": {
        "id": "“{value}” bukan bilangan bulat {low} sampai {high}.",
        "en": "“{value}” is not a whole number from {low} to {high}.",
    },
    "allowance.row.share": {
        "id": "“{value}” bukan bagian team teaching lebih dari 0 sampai 1 (mis. 0,5).",
        "en": "“{value}” is not a team-teaching share above 0 up to 1 (e.g. 0.5).",
    },
    "allowance.row.untaught_share": {
        "id": "Baris tanpa NUPTK adalah jam yang belum diampu guru: tanpa bagian team teaching.",
        "en": "A row without a NUPTK is hours no teacher teaches: it has no team-teaching share.",
    },
    "allowance.row.class": {
        "id": "Nama rombel kosong atau lebih dari 30 karakter.",
        "en": "The class (rombel) is empty or longer than 30 characters.",
    },
    "allowance.row.choice": {
        "id": "“{value}” bukan salah satu dari {choices}.",
        "en": "“{value}” is not one of {choices}.",
    },
    "allowance.row.flag": {
        "id": "“{value}” bukan Y atau T.",
        "en": "“{value}” is not Y or T.",
    },
    "allowance.row.pkg": {
        "id": "“{value}” bukan kategori PKG (amat_baik, baik, cukup, sedang, kurang).",
        "en": "“{value}” is not a PKG category (amat_baik, baik, cukup, sedang, kurang).",
    },
    "allowance.row.employer": {
        "id": "“{value}” bukan pemberi kerja (regional, central, foundation).",
        "en": "“{value}” is not an employer (regional, central, foundation).",
    },
    # The names of the eligibility rules, as the teacher's page heads their rows
    # (docs/allowance.md, "Eligibility"); the page showed the keys ("face_to_face").
    "allowance.rule.certificate": {"id": "Sertifikat pendidik", "en": "Educator certificate"},
    "allowance.rule.start": {
        "id": "Mulai dibayar (tahun setelah sertifikat)",
        "en": "First paid (the year after the certificate)",
    },
    "allowance.rule.nrg": {
        "id": "Nomor registrasi guru (NRG)",
        "en": "Teacher registration number (NRG)",
    },
    "allowance.rule.employment": {
        "id": "Bukan pegawai tetap instansi lain",
        "en": "No permanent post elsewhere",
    },
    "allowance.rule.pkg": {
        "id": "Penilaian kinerja guru (PKG) minimal Baik",
        "en": "Performance appraisal (PKG) at least Baik",
    },
    "allowance.rule.linearity": {
        "id": "Jam sesuai (linier) dengan sertifikat",
        "en": "Hours in line with the certificate",
    },
    "allowance.rule.ratio": {
        "id": "Jumlah siswa per rombel",
        "en": "Pupils per class",
    },
    "allowance.rule.schools": {
        "id": "Jam di sekolah yang dihitung",
        "en": "Hours at the schools counted",
    },
    "allowance.rule.face_to_face": {"id": "Jam tatap muka", "en": "Face-to-face hours"},
    "allowance.rule.hours": {
        "id": "Beban mengajar (JP per minggu)",
        "en": "Teaching load (JP a week)",
    },
}
