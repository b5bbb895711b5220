"""Reads of a portfolio: its rows with codes and evidence, the `sergur.portfolio/1` document,
the completeness checklist and the estimate. Every page reads a portfolio in a fixed number of
queries, however many entries it holds."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import Prefetch
from django.http import Http404
from django.utils.translation import get_language

from sergur.cases.models import Case
from sergur.portfolios.forms import clean_values
from sergur.portfolios.models import Entry, EnvelopeInstrument, Evidence
from sergur.portfolios.sections import BY_KEY, SECTIONS, Section, codes
from sergur.rules import RulesYear, ScoreResult, load_year, score
from sergur.rules.completeness import Gap, Holdings, gaps
from sergur.rules.estimate import Estimate, estimate
from sergur.rules.experience import Period, Service, service
from sergur.rules.instruments import PRACTICE_SCORED_BY
from sergur.rules.messages import Message
from sergur.rules.plans import variety_warnings
from sergur.rules.validation import decode


@dataclass
class Row:
    """One entry as a page shows it: its label, evidence code, values and files."""

    entry: Entry
    section: Section
    label: str
    code: str
    typed: dict[str, Any] | None
    errors: Any
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        """Every required column filled and valid."""
        return self.typed is not None


@dataclass
class Portfolio:
    """A case's whole portfolio, read once."""

    case: Case
    role: str
    rows: dict[str, list[Row]]
    envelope: EnvelopeInstrument | None

    def section_rows(self, key: str) -> list[Row]:
        """The rows of one table."""
        return self.rows.get(key, [])

    def row(self, entry_id: int) -> Row:
        """One row by its entry id; 404 when it is not part of this portfolio."""
        for rows in self.rows.values():
            for row in rows:
                if row.entry.pk == entry_id:
                    return row
        raise Http404

    @property
    def sections(self) -> list[Section]:
        """The tables this teacher fills, in the instrument's order."""
        return [s.for_role(self.role) for s in SECTIONS if self.role in s.roles]

    @property
    def evidence_count(self) -> int:
        """How many files the portfolio holds."""
        return sum(len(row.evidence) for rows in self.rows.values() for row in rows)


def teacher_role(case: Case) -> str:
    """The rubric's role of the case's teacher: a counsellor or a subject teacher."""
    return "counselor" if case.teacher.subject.is_counseling else "subject_teacher"


_CLEANED: dict[tuple[str, str, str], tuple[dict[str, Any] | None, Any]] = {}
_CLEANED_MAX = 8192


def _clean_row(section: Section, values: dict[str, Any]) -> tuple[dict[str, Any] | None, Any]:
    """`clean_values` of a stored row, remembered per process: the same table, language and
    values always clean to the same result, and building a Django form per row was most of
    the time of a page (issue 14 item 11). The typed values are copied for each caller."""
    key = (section.key, get_language() or "", json.dumps(values, sort_keys=True, default=str))
    cleaned = _CLEANED.get(key)
    if cleaned is None:
        if len(_CLEANED) >= _CLEANED_MAX:
            _CLEANED.clear()
        cleaned = _CLEANED[key] = clean_values(section, values)
    typed, errors = cleaned
    return (dict(typed) if typed is not None else None), errors


def portfolio_read(*, case: Case, envelope: bool = True) -> Portfolio:
    """Everything of a portfolio in three queries: entries, their evidence, the envelope (not
    read, and None, when `envelope` is False: the tables' pages never show it)."""
    role = teacher_role(case)
    entries = list(
        Entry.objects.filter(case=case)
        .order_by("section", "position")
        .prefetch_related(
            Prefetch("evidence", queryset=Evidence.objects.order_by("uploaded_at", "pk"))
        )
    )
    by_section: dict[str, list[Entry]] = {}
    for entry in entries:
        by_section.setdefault(entry.section, []).append(entry)
    rows: dict[str, list[Row]] = {}
    for key, items in by_section.items():
        section = BY_KEY[key]
        row_codes = codes(section, [item.values for item in items])
        rows[key] = []
        for position, (item, code) in enumerate(zip(items, row_codes, strict=True)):
            typed, errors = _clean_row(section, item.values)
            rows[key].append(
                Row(
                    entry=item,
                    section=section.for_role(role),
                    label=section.label(position),
                    code=code,
                    typed=typed,
                    errors=errors,
                    evidence=list(item.evidence.all()),
                )
            )
    instruments = EnvelopeInstrument.objects.filter(case=case).first() if envelope else None
    return Portfolio(case=case, role=role, rows=rows, envelope=instruments)


def portfolio_content(portfolio: Portfolio) -> tuple[Any, ...]:
    """Everything of the portfolio a page may show, as plain values (for
    `sergur.common.fragments.fragment_key`): the case, its state and programme year, each
    row with its values, label, code and files, and the envelope's confirmations. Any write
    to the portfolio changes it."""
    case = portfolio.case
    year = case.programme_year
    rows = tuple(
        (
            key,
            tuple(
                (
                    row.entry.pk,
                    row.label,
                    row.code,
                    row.complete,
                    json.dumps(row.entry.values, sort_keys=True, default=str),
                    tuple(
                        (f.pk, f.original_name, f.content_type, f.size, f.is_original)
                        for f in row.evidence
                    ),
                )
                for row in items
            ),
        )
        for key, items in sorted(portfolio.rows.items())
    )
    envelope = portfolio.envelope
    sealed = (
        (envelope.pk, envelope.principal_confirmed_at, envelope.supervisor_confirmed_at)
        if envelope is not None
        else None
    )
    return (
        case.pk,
        case.state,
        portfolio.role,
        (year.pk, year.year, year.portfolio_deadline, year.service_until),
        rows,
        sealed,
    )


def as_of(case: Case) -> dt.date:
    """The date teaching service is counted to (a programme-year setting)."""
    return case.programme_year.service_until


def teaching_service(portfolio: Portfolio) -> Service:
    """Completed service from the teaching periods (rules.experience)."""
    periods = [
        Period(
            start=dt.date.fromisoformat(row.typed["start"]),
            end=dt.date.fromisoformat(row.typed["end"]) if row.typed.get("end") else None,
            study_leave=row.typed.get("study_leave") == "yes",
        )
        for row in portfolio.section_rows("teaching_period")
        if row.typed is not None
    ]
    return service(periods, as_of(portfolio.case))


def portfolio_document(portfolio: Portfolio, *, include_envelope: bool = False) -> dict[str, Any]:
    """The `sergur.portfolio/1` file of the portfolio (complete rows with their codes).

    Lesson plans enter the file only once the assessors have scored them, and the envelope's
    item scores only when asked (for those allowed to see them).
    """
    case = portfolio.case
    teacher = case.teacher
    ident: dict[str, Any] = {
        "name": teacher.name,
        "nuptk": teacher.nuptk,
        "role": portfolio.role,
        "special_area": teacher.special_area,
    }
    if case.participant_number:
        ident["participant_number"] = case.participant_number
    document: dict[str, Any] = {
        "schema": "sergur.portfolio/1",
        "rubric": rules_year(case).rubric,
        "teacher": ident,
    }
    periods_with_evidence: list[str] = []
    for section in portfolio.sections:
        for row in portfolio.section_rows(section.key):
            if row.typed is None:
                continue
            if section.key == "teaching_period":
                if row.evidence:
                    periods_with_evidence.append(row.code)
                continue
            if section.key in ("lesson_plan", "counselor_practice"):
                continue  # scored by the assessors on their sheet (RPP/PPBK, the BK 4b form)
            target, values = section.to_schema(row.typed)
            if row.evidence:
                values["evidence"] = [row.code]
            document.setdefault(target, []).append(values)
    if portfolio.section_rows("teaching_period"):
        experience: dict[str, Any] = {"years": min(teaching_service(portfolio).years, 60)}
        if periods_with_evidence:
            experience["evidence"] = periods_with_evidence
        document["teaching_experience"] = experience
    envelope = portfolio.envelope
    # The envelope counts only when both have confirmed it (seed 003, FAQ 23: "harus diisi
    # oleh keduanya dalam satu format instrumen"); a draft is absent.
    # A counsellor's envelope holds component 5 only: their 4b is the assessor's sheet's.
    if include_envelope and envelope is not None and envelope.complete:
        if PRACTICE_SCORED_BY[portfolio.role] == "envelope":
            document["teaching_observation"] = {"items": list(envelope.observation_items)}
        document["superior_assessment"] = {"items": list(envelope.superior_items)}
    return document


def rules_year(case: Case) -> RulesYear:
    """The rules core's parameters of the case's programme year."""
    return load_year(case.programme_year.year, tuple(settings.SERGUR_YEARS_DIRS))


def portfolio_score(portfolio: Portfolio, *, include_envelope: bool = False) -> ScoreResult:
    """Score the portfolio's document with the rules core (the same code as `sergur score`)."""
    document = portfolio_document(portfolio, include_envelope=include_envelope)
    return score(decode(json.dumps(document)), rules_year(portfolio.case), explain=True)


def portfolio_estimate(portfolio: Portfolio) -> tuple[ScoreResult, Estimate]:
    """The teacher's estimate: the declared components scored, and the gaps that remain."""
    result = portfolio_score(portfolio)
    return result, estimate(result, rules_year(portfolio.case))


def portfolio_gaps(portfolio: Portfolio) -> list[Gap]:
    """What the portfolio still lacks (rules.completeness)."""
    entries: dict[str, int] = {}
    without: dict[str, int] = {}
    for key, rows in portfolio.rows.items():
        entries[key] = sum(1 for row in rows if row.complete)
        without[key] = sum(1 for row in rows if not row.evidence)
    envelope = portfolio.envelope
    done = envelope is not None and envelope.complete
    return gaps(
        Holdings(
            role=portfolio.role,
            entries=entries,
            without_evidence=without,
            observation_done=done,
            superior_done=done,
        )
    )


def portfolio_plan_warnings(portfolio: Portfolio) -> tuple[Message, ...]:
    """The lesson plans' variety warnings (seed 003: "dari semester dan materi yang berbeda")
    from the topic and semester the teacher declared for each plan; never a refusal."""
    pairs: list[tuple[str | None, int | None]] = []
    for row in portfolio.section_rows("lesson_plan"):
        values = row.typed or {}
        topic = values.get("topic")
        semester = values.get("semester")
        pairs.append(
            (
                str(topic) if topic else None,
                int(str(semester)) if str(semester or "").isdigit() else None,
            )
        )
    return variety_warnings(pairs, portfolio.role)
