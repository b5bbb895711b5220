"""The demo portfolios, in every state a district sees mid-way through the filling period:
empty, partly filled (some rows incomplete), complete but not submitted, submitted (with the
closed envelope not started, drafted, confirmed by one author or complete) and returned by the
district.

Everything is written through the services (`entry_save`, `evidence_add`, `envelope_save`,
`envelope_confirm`, `portfolio_submit`, `case_transition`), so the data passes the same checks
as the web forms and every step is in the case's log.
"""

from __future__ import annotations

import datetime as dt
import random
from enum import StrEnum

from sergur.accounts.models import User
from sergur.cases.models import Case, CaseEvent
from sergur.cases.services import case_transition
from sergur.demo.files import pdf_document, png_scan, upload
from sergur.demo.people import People
from sergur.demo.rows import Document, complete_rows, partial_rows
from sergur.demo.specs import TeacherSpec
from sergur.portfolios.selectors import teacher_role
from sergur.portfolios.services import (
    entry_save,
    envelope_confirm,
    envelope_save,
    evidence_add,
    portfolio_submit,
)
from sergur.rules.instruments import SUPERIOR, practice_instrument

# Stored in the case's log as the district officer would write it (in Indonesian).
REOPEN_REASON = (
    "Pemeriksaan kelengkapan oleh Dinas: ijazah S1 hanya fotokopi biasa. Unggah salinan yang "
    "dilegalisir perguruan tinggi, lalu kirim ulang."
)


class Scenario(StrEnum):
    """Where a demo portfolio stands."""

    EMPTY = "empty"
    PARTIAL = "partial"
    READY = "ready"
    SUBMITTED = "submitted"
    ENVELOPE_DRAFT = "envelope_draft"
    ENVELOPE_ONE = "envelope_one"
    ENVELOPE_DONE = "envelope_done"
    RETURNED = "returned"
    ASSESSED = "assessed"


DESCRIPTIONS = {
    Scenario.EMPTY: "draft, nothing filled yet",
    Scenario.PARTIAL: "draft, partly filled, some rows incomplete",
    Scenario.READY: "draft, complete with evidence, ready to submit",
    Scenario.SUBMITTED: "submitted, envelope not started",
    Scenario.ENVELOPE_DRAFT: "submitted, envelope drafted by the principal",
    Scenario.ENVELOPE_ONE: "submitted, envelope confirmed by the principal only",
    Scenario.ENVELOPE_DONE: "submitted, envelope complete",
    Scenario.RETURNED: "returned by the district for a legalised diploma",
    Scenario.ASSESSED: "submitted, envelope complete, then verified and assessed",
}

# Teacher index → scenario. The first twenty teachers hold every scenario of the filling period;
# any 40 consecutive teachers hold every scenario.
CYCLE = (
    Scenario.ENVELOPE_DONE,
    Scenario.PARTIAL,
    Scenario.EMPTY,
    Scenario.READY,
    Scenario.ENVELOPE_ONE,
    Scenario.PARTIAL,
    Scenario.RETURNED,
    Scenario.ENVELOPE_DRAFT,
    Scenario.PARTIAL,
    Scenario.SUBMITTED,
    Scenario.EMPTY,
    Scenario.ENVELOPE_DONE,
    Scenario.PARTIAL,
    Scenario.READY,
    Scenario.ENVELOPE_ONE,
    Scenario.PARTIAL,
    Scenario.ENVELOPE_DONE,
    Scenario.EMPTY,
    Scenario.PARTIAL,
    Scenario.SUBMITTED,
    # The second twenty: portfolios the verification and the rayon have taken further
    # (demo/assessment.py takes each to one stage of TARGETS, in turn).
    Scenario.ASSESSED,
    Scenario.ASSESSED,
    Scenario.PARTIAL,
    Scenario.ASSESSED,
    Scenario.ASSESSED,
    Scenario.EMPTY,
    Scenario.ASSESSED,
    Scenario.ASSESSED,
    Scenario.READY,
    Scenario.ASSESSED,
    Scenario.ASSESSED,
    Scenario.PARTIAL,
    Scenario.ASSESSED,
    Scenario.ASSESSED,
    Scenario.SUBMITTED,
    Scenario.ASSESSED,
    Scenario.ASSESSED,
    Scenario.ENVELOPE_DONE,
    Scenario.ASSESSED,
    Scenario.PARTIAL,
)
SUBMITTED = {
    Scenario.SUBMITTED,
    Scenario.ENVELOPE_DRAFT,
    Scenario.ENVELOPE_ONE,
    Scenario.ENVELOPE_DONE,
    Scenario.RETURNED,
    Scenario.ASSESSED,
}


def scenario_of(index: int) -> Scenario:
    """The scenario of teacher number `index`."""
    return CYCLE[index % len(CYCLE)]


def _document(case: Case, spec: TeacherSpec, doc: Document, serial: int) -> bytes:
    lines = [
        f"Nama: {spec.name}",
        f"NUPTK: {spec.nuptk}" + (f"   NIP: {spec.nip}" if spec.nip else ""),
        f"Unit kerja: {spec.main_school.name}, Kabupaten Bantul",
        f"Nomor dokumen: {case.participant_number}/{serial:03d}",
        "Dokumen contoh (data sintetis) untuk demo sergur.",
    ]
    if doc.name.endswith(".png"):
        return png_scan(title=doc.title, lines=lines, shade=spec.index + serial)
    footer = (
        "Asli."
        if doc.original
        else f"Salinan sesuai dengan aslinya. Kepala {spec.main_school.name}."
    )
    return pdf_document(title=doc.title, lines=lines, footer=footer)


def _items(rng: random.Random, size: int, filled: int) -> list[int | None]:
    scores = [rng.choice((3, 4, 4, 4, 5, 5)) for _ in range(size)]
    return [score if n < filled else None for n, score in enumerate(scores)]


def _envelope(
    case: Case,
    scenario: Scenario,
    people: People,
    spec: TeacherSpec,
    rng: random.Random,
    now: dt.datetime,
) -> None:
    principal = people.principals[spec.main_school.npsn]
    supervisor = people.supervisors[spec.main_school.npsn]
    practice = practice_instrument(teacher_role(case)).size
    filled = practice // 2 if scenario == Scenario.ENVELOPE_DRAFT else practice
    envelope_save(
        case=case,
        actor=principal,
        author="principal",
        observation=_items(rng, practice, filled),
        superior=_items(rng, SUPERIOR.size, SUPERIOR.size if filled == practice else 0),
        now=now,
    )
    if scenario == Scenario.ENVELOPE_DRAFT:
        return
    envelope_confirm(case=case, actor=principal, author="principal", now=now)
    if scenario in (Scenario.ENVELOPE_DONE, Scenario.RETURNED, Scenario.ASSESSED):
        envelope_confirm(case=case, actor=supervisor, author="supervisor", now=now)


def build_portfolio(
    *, case: Case, spec: TeacherSpec, people: People, scenario: Scenario, now: dt.datetime
) -> None:
    """Fill the case's portfolio as the scenario says, through the services."""
    if scenario == Scenario.EMPTY:
        return
    rng = random.Random(f"{spec.index}-portfolio")  # nosec B311 # seeded synthetic demo data, no secret
    teacher: User = people.users[spec.username]
    rich = scenario == Scenario.ASSESSED
    rows = (
        partial_rows(spec, rng)
        if scenario == Scenario.PARTIAL
        else complete_rows(spec, rng, rich=rich)
    )
    serial = 0
    for row in rows:
        entry = entry_save(case=case, section_key=row.section, values=row.values, actor=teacher)
        for doc in row.documents:
            serial += 1
            content = _document(case, spec, doc, serial)
            evidence_add(
                entry=entry,
                upload=upload(name=doc.name, content=content),
                is_original=doc.original,
                actor=teacher,
            )
    if scenario not in SUBMITTED:
        return
    portfolio_submit(case=case, actor=teacher, declaration=True, now=now)
    if scenario != Scenario.SUBMITTED:
        _envelope(case, scenario, people, spec, rng, now)
    if scenario == Scenario.RETURNED:
        case_transition(
            case=case,
            to_state=Case.State.RETURNED,
            actor=people.users["dinas"],
            kind=CaseEvent.Kind.RETURNED,
            reason=REOPEN_REASON,
        )
