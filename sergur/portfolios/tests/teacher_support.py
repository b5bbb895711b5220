"""Helpers of the teacher-page, service and selector tests: complete rows for every table, real
PDF and PNG files, and portfolios filled through the services."""

from __future__ import annotations

import io
from itertools import count
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from fpdf import FPDF
from PIL import Image

from sergur.accounts.models import User
from sergur.cases.models import Case
from sergur.portfolios.models import Entry, Evidence
from sergur.portfolios.services import entry_save, evidence_add

# One complete row per table (every required column, valid values).
COMPLETE: dict[str, dict[str, Any]] = {
    "qualification": {
        "level": "S1",
        "institution": "Universitas Negeri Yogyakarta",
        "faculty": "FMIPA",
        "program": "Pendidikan Matematika",
        "year": "1999",
        "education_degree": "yes",
        "relevance": "subject",
        "teaching_license": "yes",
    },
    "training": {
        "name": "Diklat KTSP",
        "place": "Bantul",
        "period": "Juli 2006",
        "hours": "40",
        "organizer": "LPMP DIY",
        "year": "2006",
        "level": "province",
        "relevant": "yes",
    },
    "teaching_period": {
        "school": "SMP Negeri 1 Bantul",
        "subject": "Matematika",
        "start": "1990-07-01",
        "end": "",
        "study_leave": "no",
    },
    "lesson_plan": {
        "subject": "Matematika",
        "topic": "Persamaan linear",
        "semester": "1",
        "year": "2006",
    },
    "counselor_practice": {
        "record": "agenda",
        "school_year": "2006/2007",
        "coordinator_acknowledged": "yes",
        "principal_acknowledged": "yes",
    },
    "forum": {
        "name": "Seminar Nasional Matematika",
        "year": "2005",
        "role": "speaker",
        "level": "national",
    },
    "award": {
        "name": "Guru Teladan",
        "giver": "Bupati Bantul",
        "level": "district",
        "year": "1997",
    },
    "organization": {
        "name": "PGRI",
        "period": "2001–2005",
        "position": "Sekretaris",
        "level": "district",
        "type": "education",
        "years": "4",
    },
}

_serial = count(1)


def pdf_bytes(text: str = "") -> bytes:
    """A small, valid one-page PDF; each call's content differs unless `text` is given."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text=text or f"Bukti fisik {next(_serial)}")
    return bytes(pdf.output())


def png_bytes(shade: int | None = None) -> bytes:
    """A small, valid PNG; each call's pixels differ unless `shade` is given."""
    value = next(_serial) % 256 if shade is None else shade
    image = Image.new("RGB", (8, 8), (value, 128, 255 - value))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def pdf_upload(name: str = "ijazah.pdf", data: bytes | None = None) -> SimpleUploadedFile:
    """An uploaded PDF as a view or service receives it."""
    return SimpleUploadedFile(name, data if data is not None else pdf_bytes(), "application/pdf")


def add_row(case: Case, actor: User, key: str, **changes: Any) -> Entry:
    """Store one row of table `key` (complete unless `changes` empty some columns)."""
    values = {**COMPLETE[key], **changes}
    return entry_save(case=case, section_key=key, values=values, actor=actor)


def attach(entry: Entry, actor: User) -> Evidence:
    """Attach a fresh PDF to a row."""
    return evidence_add(entry=entry, upload=pdf_upload(), is_original=False, actor=actor)


def fill_submittable(case: Case, actor: User, *, plans: int = 5) -> list[Entry]:
    """A portfolio with no blocking gap: a degree, a teaching period and the plans, each with
    evidence; plus a training and a forum (group B and C), with evidence."""
    entries = [
        add_row(case, actor, "qualification"),
        add_row(case, actor, "teaching_period"),
        add_row(case, actor, "training"),
        add_row(case, actor, "forum"),
    ]
    entries += [
        add_row(case, actor, "lesson_plan", topic=f"Topik {n}", semester=str(1 + n % 2))
        for n in range(plans)
    ]
    for entry in entries:
        attach(entry, actor)
    return entries


def fill_rows(case: Case, actor: User, rows: int) -> None:
    """`rows` complete rows spread over tables, every one with a file (for query counts)."""
    keys = ["training", "forum", "award", "organization", "qualification"]
    for n in range(rows):
        entry = add_row(case, actor, keys[n % len(keys)])
        attach(entry, actor)
