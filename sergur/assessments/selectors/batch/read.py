"""The fast path's read (docs/batch.md): a chunk of cases in six SQL queries (cases with
their current result and envelope; their teachers and subjects; which entries have evidence;
the entries; the blind allocations of the current round; their submitted sheets), JSON decoded
by msgspec, stored entry values typed by `Section.typed` (as the entry form types them), and the
`sergur.portfolio/1` document built as the portfolio pages build it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from functools import cache
from typing import Any

import msgspec
from django.db import connection

from sergur.assessments.models import Allocation, Result, Sheet
from sergur.cases.models import Case
from sergur.portfolios.models import Entry, EnvelopeInstrument, Evidence
from sergur.portfolios.sections import BY_KEY, SECTIONS, Section, codes
from sergur.registry.models import ProgrammeYear, Subject, Teacher
from sergur.rules import RulesYear
from sergur.rules.experience import Period, service
from sergur.rules.instruments import PRACTICE_SCORED_BY


class Current(msgspec.Struct, frozen=True, gc=False):
    """A case's current result, as the fast path reads it."""

    case_id: int
    result_id: int
    round: int
    code: str
    total: Decimal
    state: str
    published: bool


class CaseData(msgspec.Struct, gc=False):
    """What the fast path read of one case."""

    current: Current
    role: str
    ident: dict[str, Any]
    service_until: dt.date
    observation: list[Any] | None
    superior: list[Any] | None
    rows: dict[str, list[tuple[dict[str, Any], bool, bool]]]  # values, evidence, complete
    sheets: dict[int, dict[str, Any]]


def _filled(items: list[Any] | None, size: int) -> bool:
    return (
        items is not None
        and len(items) == size
        and not [i for i in items if not isinstance(i, int)]
    )


_ROLE_SECTIONS: dict[str, tuple[Section, ...]] = {
    role: tuple(section for section in SECTIONS if role in section.roles)
    for role in ("subject_teacher", "counselor")
}
"""The sections of each role's portfolio, in the instrument's order."""


@cache
def _plain_codes(key: str, count: int) -> tuple[str, ...]:
    return tuple(codes(BY_KEY[key], [{}] * count))


def _row_codes(section: Section, rows: list[tuple[dict[str, Any], bool, bool]]) -> Sequence[str]:
    """The evidence codes of a table's rows (`codes`: they count every row, complete or
    not, as `portfolio_read`); only component 1's depend on the rows' values."""
    if section.key == "qualification":
        return codes(section, [raw for raw, _, _ in rows])
    return _plain_codes(section.key, len(rows))


def case_document(data: CaseData, year: RulesYear) -> dict[str, Any]:
    """The `sergur.portfolio/1` file of a case, as `portfolio_document` writes it (with the
    envelope) from the rows the fast path read."""
    document: dict[str, Any] = {
        "schema": "sergur.portfolio/1",
        "rubric": year.rubric,
        "teacher": data.ident,
    }
    periods: list[Period] = []
    periods_with_evidence: list[str] = []
    stored = data.rows
    for section in _ROLE_SECTIONS[data.role]:
        rows = stored.get(section.key)
        if not rows:
            continue
        period = section.key == "teaching_period"
        for (raw, evidence, complete), code in zip(rows, _row_codes(section, rows), strict=True):
            if not complete:
                continue
            typed = section.typed(raw)
            if period:
                periods.append(
                    Period(
                        start=dt.date.fromisoformat(typed["start"]),
                        end=dt.date.fromisoformat(typed["end"]) if typed.get("end") else None,
                        study_leave=typed.get("study_leave") == "yes",
                    )
                )
                if evidence:
                    periods_with_evidence.append(code)
                continue
            target, values = section.to_schema(typed)
            if evidence:
                values["evidence"] = [code]
            entries = document.get(target)
            if entries is None:
                document[target] = [values]
            else:
                entries.append(values)
    if data.rows.get("teaching_period"):
        experience: dict[str, Any] = {"years": min(service(periods, data.service_until).years, 60)}
        if periods_with_evidence:
            experience["evidence"] = periods_with_evidence
        document["teaching_experience"] = experience
    # A counsellor's envelope holds component 5 only; their 4b is each sheet's
    # (`EnvelopeInstrument.filled`, `portfolio_document`).
    if PRACTICE_SCORED_BY[data.role] == "envelope":
        if _filled(data.observation, 24) and _filled(data.superior, 10):
            document["teaching_observation"] = {"items": list(data.observation or ())}
            document["superior_assessment"] = {"items": list(data.superior or ())}
    elif _filled(data.superior, 10):
        document["superior_assessment"] = {"items": list(data.superior or ())}
    return document


def _table(model: type[Any]) -> str:
    return str(connection.ops.quote_name(model._meta.db_table))


def _column(model: type[Any], name: str) -> str:
    return str(connection.ops.quote_name(model._meta.get_field(name).column))


def id_in(column: str, ids: list[int]) -> tuple[str, list[Any]]:
    """`column` is one of `ids`: one array parameter on PostgreSQL (sent as the text of the
    array, which is cheaper to build than a list adapted item by item), an `IN (...)` list
    elsewhere."""
    if connection.vendor == "postgresql":
        return f"{column} = ANY(CAST(%s AS bigint[]))", ["{" + ",".join(map(str, ids)) + "}"]
    return f"{column} IN ({', '.join(['%s'] * len(ids))})", list(ids)


def _jsons(*texts: str | None) -> list[Any]:
    """Several stored JSON texts (None for SQL NULL) decoded in one pass."""
    return _LIST.decode("[" + ",".join([_NULL if t is None else t for t in texts]) + "]")


_NULL = "null"
_TEXT = "TEXT"  # the SQL type stored JSON is read as (msgspec decodes it)


_LIST = msgspec.json.Decoder(list[Any])
_ROWS = msgspec.json.Decoder(list[dict[str, Any]])


def chunk_lock(case_ids: list[int]) -> list[int]:
    """The chunk's cases that still exist, locked until the transaction ends (`SELECT ...
    FOR UPDATE`), ascending: one query with the ids as one array parameter (the ORM's
    `pk__in` binds 2,000 parameters one by one)."""
    if not case_ids:
        return []
    if connection.vendor != "postgresql":  # no row locks to take
        return list(
            Case.objects.filter(pk__in=case_ids).order_by("pk").values_list("pk", flat=True)
        )
    where, params = id_in("c.id", case_ids)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT c.id FROM {_table(Case)} c WHERE {where} ORDER BY c.id FOR UPDATE",  # nosec B608
            params,  # the names are quoted from the model's _meta, the values bound
        )
        return [row[0] for row in cursor.fetchall()]


def read_chunk(case_ids: list[int], programme_year: ProgrammeYear) -> dict[int, CaseData]:
    """Cases, entries (with whether each has evidence) and sheets of a chunk: six queries,
    each bounded by the chunk (an id range on an index, or a list of ids), so that a chunk
    costs the same however large the programme year is; plain tuples, JSON decoded by
    msgspec."""
    if not case_ids:
        return {}
    lo, hi = case_ids[0], case_ids[-1]
    wanted = set(case_ids)
    with connection.cursor() as cursor:
        cases = _read_cases(cursor, lo, hi, wanted, programme_year)
        _read_entries(cursor, cases, lo, hi)
        _read_sheets(cursor, cases, lo, hi)
    return cases


def _read_cases(
    cursor: Any, lo: int, hi: int, wanted: set[int], programme_year: ProgrammeYear
) -> dict[int, CaseData]:
    """The chunk's cases with their current result, envelope and teacher (two queries)."""
    c, t, s, r, e = (_table(m) for m in (Case, Teacher, Subject, Result, EnvelopeInstrument))
    q = connection.ops.quote_name
    # Every joined table carries the range condition too: without it PostgreSQL may hash
    # (or scan) the whole result or envelope table for each chunk.
    cursor.execute(
        f"""SELECT c.id, c.participant_number, c.state, c.teacher_id,
                   r.id, r.{q("round")}, r.code, r.total, r.published_at IS NOT NULL,
                   CAST(e.observation_items AS {_TEXT}), CAST(e.superior_items AS {_TEXT}),
                   e.principal_confirmed_at IS NOT NULL AND e.supervisor_confirmed_at IS NOT NULL
            FROM {c} c
            JOIN {r} r ON r.case_id = c.id AND r.{q("current")} AND r.case_id BETWEEN %s AND %s
            LEFT JOIN {e} e ON e.case_id = c.id AND e.case_id BETWEEN %s AND %s
            WHERE c.id BETWEEN %s AND %s""",  # nosec B608 # quoted names from model _meta, values bound
        [lo, hi, lo, hi, lo, hi],
    )
    rows = [row for row in cursor.fetchall() if row[0] in wanted]
    teacher_ids = sorted({row[3] for row in rows})
    teachers: dict[int, tuple[Any, ...]] = {}
    if teacher_ids:
        where, params = id_in("t.id", teacher_ids)
        cursor.execute(
            f"""SELECT t.id, t.name, t.nuptk, t.special_area, s.{q("is_counseling")}
                FROM {t} t JOIN {s} s ON s.id = t.subject_id WHERE {where}""",  # nosec B608 # quoted names from model _meta, values bound
            params,
        )
        teachers = {row[0]: row for row in cursor.fetchall()}
    cases: dict[int, CaseData] = {}
    for row in rows:
        _, name, nuptk, special_area, counseling = teachers[row[3]]
        # An envelope counts only when both have confirmed it (EnvelopeInstrument.complete;
        # seed 003: "harus diisi oleh keduanya dalam satu format instrumen").
        observation, superior = _jsons(row[9], row[10]) if row[11] else (None, None)
        ident: dict[str, Any] = {
            "name": name,
            "nuptk": nuptk,
            "role": "counselor" if counseling else "subject_teacher",
            "special_area": bool(special_area),
        }
        if row[1]:
            ident["participant_number"] = row[1]
        cases[row[0]] = CaseData(
            current=Current(
                case_id=row[0],
                result_id=row[4],
                round=row[5],
                code=row[6],
                total=row[7] if type(row[7]) is Decimal else Decimal(str(row[7])),
                state=row[2],
                published=bool(row[8]),
            ),
            role=str(ident["role"]),
            ident=ident,
            service_until=programme_year.service_until,
            observation=observation,
            superior=superior,
            rows={},
            sheets={},
        )
    return cases


NOT_IN_FILE = ("lesson_plan", "counselor_practice")
"""Tables whose rows are scored on the assessor's sheet, not entries of the file (as
`portfolio_document` skips them)."""


def _read_entries(cursor: Any, cases: dict[int, CaseData], lo: int, hi: int) -> None:
    """Every entry of the chunk's cases (but the lesson plans and practice records) into
    `CaseData.rows`, with whether it has evidence (two queries)."""
    values_col = _column(Entry, "values")
    # Which entries have evidence: the chunk's evidence rows by case (an EXISTS per entry
    # lets PostgreSQL hash the whole evidence table for each chunk).
    cursor.execute(
        f"SELECT v.entry_id FROM {_table(Evidence)} v WHERE v.case_id BETWEEN %s AND %s",  # nosec B608 # quoted names from model _meta, values bound
        [lo, hi],
    )
    with_evidence = {row[0] for row in cursor.fetchall()}
    cursor.execute(
        f"""SELECT x.case_id, x.section, CAST(x.{values_col} AS {_TEXT}), x.id, x.complete
            FROM {_table(Entry)} x
            WHERE x.case_id BETWEEN %s AND %s AND x.section NOT IN (%s, %s)
            ORDER BY x.case_id, x.section, x.position""",  # nosec B608 # quoted names from model _meta, values bound
        [lo, hi, *NOT_IN_FILE],
    )
    entries = cursor.fetchall()
    # Every entry's stored values decoded in one pass.
    values = _ROWS.decode("[" + ",".join([entry[2] for entry in entries]) + "]")
    table: list[tuple[dict[str, Any], bool, bool]] | None = None
    last: tuple[int, str] | None = None
    for (case_id, section, _, entry_id, complete), raw in zip(entries, values, strict=True):
        if last != (case_id, section):  # the rows of one table come together, in order
            last = (case_id, section)
            data = cases.get(case_id)
            table = None if data is None else data.rows.setdefault(section, [])
        if table is not None:
            table.append((raw, entry_id in with_evidence, bool(complete)))


def _read_sheets(cursor: Any, cases: dict[int, CaseData], lo: int, hi: int) -> None:
    """The submitted sheets of each case's current round into `CaseData.sheets` (two
    queries)."""
    q = connection.ops.quote_name
    # The blind allocations of each case's current round, then their submitted sheets by
    # allocation id (a join would scan every sheet of the year for each chunk).
    cursor.execute(
        f"""SELECT a.id, a.case_id, a.{q("round")}, a.slot FROM {_table(Allocation)} a
            WHERE a.case_id BETWEEN %s AND %s AND a.active AND a.slot IN (1, 2)""",  # nosec B608 # quoted names from model _meta, values bound
        [lo, hi],
    )
    slots: dict[int, tuple[CaseData, int]] = {}
    for allocation_id, case_id, round_, slot in cursor.fetchall():
        data = cases.get(case_id)
        if data is not None and round_ == data.current.round:
            slots[allocation_id] = (data, slot)
    if not slots:
        return
    where, params = id_in("h.allocation_id", sorted(slots))
    cursor.execute(
        f"""SELECT h.allocation_id, CAST(h.plan_items AS {_TEXT}),
                   CAST(h.overrides AS {_TEXT}), CAST(h.administrative_defects AS {_TEXT}),
                   CAST(h.doubtful_evidence AS {_TEXT}), h.fraud_found,
                   CAST(h.practice_items AS {_TEXT})
            FROM {_table(Sheet)} h
            WHERE {where} AND h.submitted_at IS NOT NULL""",  # nosec B608 # quoted names from model _meta, values bound
        params,
    )
    for allocation_id, plans, overrides, defects, doubtful, fraud, practice in cursor.fetchall():
        data, slot = slots[allocation_id]
        overrides, defects, doubtful = _jsons(overrides, defects, doubtful)
        data.sheets[slot] = {
            "plan_text": plans,  # decoded by the scoring, which checks the scores too
            "practice_text": practice,  # a counsellor's 4b, likewise
            "overrides": overrides,
            "administrative_defects": defects,
            "doubtful_evidence": doubtful,
            "fraud_found": bool(fraud),
        }
