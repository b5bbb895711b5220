"""The rows of the demo portfolios: what a Bantul teacher of 2007 would enter in each table
of the instrument, and the documents that support each row."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from sergur.demo import data
from sergur.demo.specs import TeacherSpec


@dataclass(frozen=True)
class Document:
    """One evidence file to attach: its file name, title and whether it is the original."""

    name: str
    title: str
    original: bool = False


@dataclass
class Row:
    """One table row to enter, and the files that support it."""

    section: str
    values: dict[str, str]
    documents: list[Document] = field(default_factory=list)


def _qualifications(spec: TeacherSpec) -> list[Row]:
    rows = []
    for degree in spec.degrees:
        values = {
            "level": degree.level,
            "institution": degree.institution,
            "faculty": "Program Pascasarjana" if degree.level == "S2" else "FKIP",
            "program": degree.program,
            "year": str(degree.year),
            "education_degree": "yes" if degree.education_degree else "no",
            "relevance": degree.relevance,
            "teaching_license": "" if degree.education_degree else "yes",
        }
        documents = [
            Document(f"ijazah_{degree.level.lower()}.pdf", f"Ijazah {degree.level}"),
            Document(f"transkrip_{degree.level.lower()}.pdf", f"Transkrip nilai {degree.level}"),
        ]
        rows.append(Row("qualification", values, documents))
    return rows


def _periods(spec: TeacherSpec, rng: random.Random) -> list[Row]:
    school = spec.main_school.name
    subject = spec.subject.name
    if spec.appointed.year > 1995 or rng.random() < 0.4:
        values = {"school": school, "subject": subject, "start": spec.appointed.isoformat()}
        return [
            Row("teaching_period", values, [Document("sk_pengangkatan.pdf", "SK pengangkatan")])
        ]
    first = rng.choice([s.name for s in data.SCHOOLS if s.level == spec.main_school.level])
    if first == school:
        first = f"{spec.main_school.level} Negeri 1 Dlingo"
    moved = dt.date(rng.randint(spec.appointed.year + 4, 2003), 7, 1)
    return [
        Row(
            "teaching_period",
            {
                "school": first,
                "subject": subject,
                "start": spec.appointed.isoformat(),
                "end": (moved - dt.timedelta(days=1)).isoformat(),
                "study_leave": "no",
            },
            [Document("sk_pengangkatan.pdf", "SK pengangkatan")],
        ),
        Row(
            "teaching_period",
            {"school": school, "subject": subject, "start": moved.isoformat()},
            [Document("sk_mutasi.pdf", "SK mutasi")],
        ),
    ]


def _plans(spec: TeacherSpec, rng: random.Random, count: int) -> list[Row]:
    counselor = spec.subject.is_counseling
    topics = rng.sample(data.COUNSELING_FIELDS if counselor else data.PLAN_TOPICS, count)
    rows = []
    for number, topic in enumerate(topics, start=1):
        subject = "Program bimbingan dan konseling" if counselor else spec.subject.name
        values = {
            "subject": subject,
            "topic": topic,
            "semester": str(1 + number % 2),
            "year": str(2006 + number % 2),
        }
        kind = "ppbk" if counselor else "rpp"
        title = f"{kind.upper()} {number}: {topic}"
        rows.append(Row("lesson_plan", values, [Document(f"{kind}_{number}.pdf", title)]))
    return rows


def _trainings(spec: TeacherSpec, rng: random.Random, count: int) -> list[Row]:
    rows = []
    for number, (name, organizer, level, hours) in enumerate(rng.sample(data.TRAININGS, count)):
        year = rng.randint(max(spec.appointed.year + 1, 1996), 2007)
        values = {
            "name": name,
            "place": "Yogyakarta" if level != "district" else "Bantul",
            "period": f"{rng.randint(1, 20)}-{rng.randint(21, 28)} Juli {year}",
            "hours": str(hours),
            "organizer": organizer,
            "year": str(year),
            "level": level,
            "relevant": "yes" if rng.random() < 0.8 else "no",
        }
        kind = "png" if number % 2 else "pdf"
        rows.append(
            Row("training", values, [Document(f"sertifikat_diklat_{number + 1}.{kind}", name)])
        )
    return rows


def _forums(rng: random.Random, count: int) -> list[Row]:
    rows = []
    for number, (name, level) in enumerate(rng.sample(data.FORUMS, count)):
        values = {
            "name": name,
            "year": str(rng.randint(2000, 2007)),
            "role": "speaker" if rng.random() < 0.15 else "participant",
            "level": level,
        }
        rows.append(Row("forum", values, [Document(f"sertifikat_seminar_{number + 1}.png", name)]))
    return rows


def _extras(spec: TeacherSpec, rng: random.Random, rich: bool = False) -> list[Row]:
    """The optional tables: organisations, duties, awards, coaching, works, disaster service
    (a rich portfolio has every one of them)."""
    rows: list[Row] = []
    subject = spec.subject.name
    if rng.random() < 0.5 or rich:
        name, position, level, kind = rng.choice(data.ORGANIZATIONS)
        start = rng.randint(1995, 2003)
        values = {
            "name": f"{name} {spec.main_school.name.split()[-1]}",
            "period": f"{start}-{start + 4}",
            "position": position,
            "level": level,
            "type": kind,
            "years": "4",
        }
        rows.append(Row("organization", values, [Document("sk_organisasi.pdf", f"SK {name}")]))
    if rng.random() < 0.3 or rich:
        start = rng.randint(1998, 2004)
        values = {
            "role": rng.choice(("vice_principal", "extracurricular_advisor")),
            "start_year": str(start),
            "end_year": str(min(start + rng.randint(2, 4), 2007)),
            "school": spec.main_school.name,
        }
        rows.append(Row("additional_duty", values, [Document("sk_tugas.pdf", "SK tugas tambahan")]))
    if rng.random() < 0.25 or rich:
        name, giver, level = rng.choice(data.AWARDS)
        values = {
            "name": name,
            "giver": giver,
            "level": level,
            "year": str(rng.randint(1998, 2007)),
        }
        rows.append(Row("award", values, [Document("piagam.png", f"Piagam {name}", original=True)]))
    if rng.random() < 0.2 or rich:
        values = {"subject": subject, "role": "core_teacher", "place": f"MGMP {subject} Bantul"}
        rows.append(Row("peer_coaching", values, [Document("surat_tugas.pdf", "Surat tugas")]))
    if rng.random() < 0.15 or rich:
        values = {"name": f"Olimpiade {subject}", "level": rng.choice(("district", "province"))}
        rows.append(
            Row("student_coaching_won", values, [Document("piagam_siswa.png", "Piagam siswa")])
        )
    if rng.random() < 0.2 or rich:
        values = {
            "title": f"Peningkatan hasil belajar {subject} melalui pembelajaran kooperatif",
            "year": str(rng.randint(2004, 2007)),
            "role": "solo",
        }
        rows.append(Row("research", values, [Document("laporan_ptk.pdf", "Laporan PTK")]))
    if rng.random() < 0.15 or rich:
        values = {
            "title": f"Modul {subject} kelas {rng.randint(7, 9)}",
            "kind": "module",
            "year": str(rng.randint(2002, 2007)),
        }
        rows.append(Row("written_work", values, [Document("modul.pdf", values["title"])]))
    if rng.random() < 0.1 or rich:
        # Bantul was the worst-hit district of the 27 May 2006 earthquake.
        values = {
            "location": f"{spec.main_school.name} (gempa bumi 27 Mei 2006)",
            "kind": "disaster",
            "start_year": "2006",
            "end_year": "2007",
        }
        rows.append(
            Row("special_area_service", values, [Document("sk_penugasan.pdf", "SK penugasan")])
        )
    return rows


def complete_rows(spec: TeacherSpec, rng: random.Random, *, rich: bool = False) -> list[Row]:
    """Every vital table filled and evidenced, plus the teacher's other activities; a rich
    portfolio (one the demo takes through assessment) has every training and activity."""
    plans = 4 if spec.subject.is_counseling else 5
    trainings = rng.randint(1, 5)
    forums = rng.randint(1, 4)
    return [
        *_qualifications(spec),
        *_trainings(spec, rng, len(data.TRAININGS) if rich else trainings),
        *_periods(spec, rng),
        *_plans(spec, rng, plans),
        *_forums(rng, 4 if rich else forums),
        *_extras(spec, rng, rich),
    ]


# Required columns a teacher typically has not filled yet, per table.
UNFINISHED = {
    "qualification": "relevance",
    "training": "hours",
    "teaching_period": "start",
    "lesson_plan": "semester",
    "forum": "role",
}


def partial_rows(spec: TeacherSpec, rng: random.Random) -> list[Row]:
    """A portfolio half-way: some tables, a row or two without a required column, and
    evidence on some rows only."""
    rows: list[Row] = []
    if rng.random() < 0.8:
        rows += _qualifications(spec)[:1]
    if rng.random() < 0.6:
        rows += _periods(spec, rng)
    rows += _trainings(spec, rng, rng.randint(1, 3))
    rows += _plans(spec, rng, rng.randint(0, 3))
    if rng.random() < 0.5:
        rows += _forums(rng, 1)
    for row in rng.sample(rows, k=min(len(rows), rng.randint(1, 2))):
        row.values[UNFINISHED[row.section]] = ""
    for row in rows:
        if rng.random() < 0.5:
            row.documents = []
    return rows
