"""What the teaching-load planner says about a district's plan and a teacher short of hours
(docs/allowance.md, "Teaching-load planner"; seed 002)."""

from __future__ import annotations

from sergur.rules.messages.catalogue import Catalogue

PLANNER: Catalogue = {
    "planner.summary": {
        "id": "Rencana ini membawa {reached} dari {short} guru bersertifikat yang kurang jam "
        "ke minimum {minimum} JP per minggu.",
        "en": "The plan brings {reached} of {short} certified {short:teacher|teachers} short "
        "of hours to the minimum of {minimum} JP a week.",
    },
    "planner.not_proven": {
        "id": "Pemecah berhenti pada batas waktunya sebelum membuktikan rencana ini optimal: "
        "rencana ini bisa lebih baik hingga {gap}% (gap MIP).",
        "en": "The solver stopped at its time limit before proving this plan optimal: a "
        "better plan may exist, by up to {gap}% (the MIP gap).",
    },
    "planner.not_proven.no_bound": {
        "id": "Pemecah berhenti pada batas waktunya sebelum membuktikan rencana ini optimal, "
        "tanpa batas untuk seberapa jauh rencana ini dari yang terbaik.",
        "en": "The solver stopped at its time limit before proving this plan optimal, with no "
        "bound on how far it is from the best.",
    },
    "planner.fix.more_hours": {
        "id": "{hours} JP lagi mata pelajaran {subjects} dalam jarak {km} km.",
        "en": "{hours} more {hours:hour|hours} of {subjects} within {km} km.",
    },
    "planner.fix.lower_minimum": {
        "id": "Minimum {hours} JP untuk sekolah dengan kurang dari {pupils} peserta didik.",
        "en": "A minimum of {hours} JP for schools under {pupils} {pupils:pupil|pupils}.",
    },
    "planner.fix.more_schools": {
        "id": "Mengajar di {schools} sekolah (termasuk sekolah induk).",
        "en": "Teaching in {schools} {schools:school|schools} (the main school included).",
    },
    "planner.fix.farther": {
        "id": "Mengajar di sekolah sampai {km} km dari sekolah induk.",
        "en": "Teaching at schools up to {km} km from the main school.",
    },
    "planner.input.unreadable": {
        "id": "Berkas distrik tidak dapat dibaca: {detail}",
        "en": "The district file cannot be read: {detail}",
    },
    "planner.input.id_empty": {
        "id": "{where}: id kosong.",
        "en": "{where}: the id is empty.",
    },
    "planner.input.id_repeated": {
        "id": "{where}: id {key} sudah dipakai.",
        "en": "{where}: the id {key} is used twice.",
    },
    "planner.input.lat": {
        "id": "{where}: lintang harus antara -90 dan 90.",
        "en": "{where}: the latitude must be from -90 to 90.",
    },
    "planner.input.lon": {
        "id": "{where}: bujur harus antara -180 dan 180.",
        "en": "{where}: the longitude must be from -180 to 180.",
    },
    "planner.input.not_negative": {
        "id": "{where}: tidak boleh negatif.",
        "en": "{where}: must be 0 or more.",
    },
    "planner.input.positive": {
        "id": "{where}: harus 1 atau lebih.",
        "en": "{where}: must be 1 or more.",
    },
    "planner.input.school": {
        "id": "{where}: sekolah {key} tidak ada di daftar sekolah.",
        "en": "{where}: the school {key} is not in the list of schools.",
    },
}
