"""The synthetic programme year of bench/decide_year.py: the registry the cases hang on (the
ORM) and N decided portfolios written with PostgreSQL COPY from a seeded `random.Random`, as
that script's docstring describes them (step 1).

It is a helper module of that benchmark, not a benchmark itself.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import time
from typing import Any

import psycopg
from psycopg import sql

FLUSH = 10_000  # cases generated between COPYs
GENERATED = (
    "assessments_result",
    "assessments_sheet",
    "assessments_allocation",
    "assessments_reconciliation",
    "assessments_batchjob",
    "portfolios_evidence",
    "portfolios_entry",
    "portfolios_envelopeinstrument",
    "cases_caseevent",
    "cases_case",
    "registry_teachingassignment",
    "registry_teacher",
)


def base_fixtures() -> dict[str, int]:
    """The registry the cases hang on: a province served by a rayon, a school, two subjects,
    the programme year, an operator and two assessors (the ORM; a handful of rows)."""
    from django.core.management import call_command

    from sergur.accounts.models import User
    from sergur.assessments.models import Assessor
    from sergur.registry.models import Rayon
    from sergur.registry.tests.factories import (
        ProgrammeYearFactory,
        ProvinceFactory,
        SchoolFactory,
        SubjectFactory,
        UserFactory,
    )

    call_command("migrate", verbosity=0)
    province = ProvinceFactory()
    rayon = Rayon.objects.create(code="900", institution="Universitas Contoh")
    rayon.provinces.add(province)
    school = SchoolFactory()
    year = ProgrammeYearFactory()
    maths = SubjectFactory()
    counselling = SubjectFactory(code="991", name="Bimbingan dan Konseling", is_counseling=True)
    operator = UserFactory(username="operator", role=User.Role.OPERATOR, is_superuser=True)
    assessors = []
    for name in ("asesor1", "asesor2"):
        user = UserFactory(username=name, role=User.Role.ASSESSOR, rayon=rayon)
        assessors.append(
            Assessor.objects.create(
                user=user, rayon=rayon, number=f"A-{name}", degree="S2", institution="UNY"
            ).pk
        )
    return {
        "school": school.pk,
        "year": year.pk,
        "maths": maths.pk,
        "counselling": counselling.pk,
        "operator": operator.pk,
        "assessor1": assessors[0],
        "assessor2": assessors[1],
    }


def _rows() -> dict[str, dict[str, str]]:
    from sergur.portfolios.tests.teacher_support import COMPLETE

    return COMPLETE


class Copy:
    """COPY rows into one table, every concrete column; missing values take the model's
    default (or "" for text, now for timestamps, NULL where allowed)."""

    def __init__(self, conn: psycopg.Connection[Any], model: Any) -> None:
        from django.db import models

        self.fields = list(model._meta.concrete_fields)
        self.now = dt.datetime.now(tz=dt.UTC)
        self.fill: list[Any] = []
        for field in self.fields:
            if field.has_default():
                value = field.get_default()
                value = json.dumps(value) if isinstance(field, models.JSONField) else value
            elif isinstance(field, models.DateTimeField):
                value = self.now
            elif field.null:
                value = None
            else:
                value = ""
            self.fill.append(value)
        self.json = {f.attname for f in self.fields if isinstance(f, models.JSONField)}
        columns = sql.SQL(", ").join(sql.Identifier(f.column) for f in self.fields)
        self.statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
            sql.Identifier(model._meta.db_table), columns
        )
        self.conn = conn
        self.rows: list[list[Any]] = []

    def write(self, **values: Any) -> None:
        """One row."""
        row = []
        for field, fill in zip(self.fields, self.fill, strict=True):
            if field.attname in values:
                value = values[field.attname]
                row.append(json.dumps(value) if field.attname in self.json else value)
            else:
                row.append(fill)
        self.rows.append(row)

    def flush(self) -> None:
        """COPY the rows written so far (one COPY at a time on a connection)."""
        with self.conn.cursor() as cursor, cursor.copy(self.statement) as copy:
            for row in self.rows:
                copy.write_row(row)
        self.rows = []


def _tables(conn: psycopg.Connection[Any]) -> dict[str, Copy]:
    """One COPY writer per generated table the cases fill."""
    from sergur.assessments.models import Allocation, Result, Sheet
    from sergur.cases.models import Case
    from sergur.portfolios.models import Entry, EnvelopeInstrument, Evidence
    from sergur.registry.models import Teacher, TeachingAssignment

    return {
        name: Copy(conn, model)
        for name, model in (
            ("teacher", Teacher),
            ("assignment", TeachingAssignment),
            ("case", Case),
            ("entry", Entry),
            ("evidence", Evidence),
            ("envelope", EnvelopeInstrument),
            ("allocation", Allocation),
            ("sheet", Sheet),
            ("result", Result),
        )
    }


def _teacher(
    tables: dict[str, Copy], rng: random.Random, case_id: int, base: dict[str, int]
) -> bool:
    """The teacher, their school and their decided case; whether they are a counsellor."""
    from sergur.cases.models import Case

    counsellor = rng.random() < 0.1
    tables["teacher"].write(
        id=case_id,
        nuptk=f"{7000000000000000 + case_id:016d}",
        name=f"Guru Bench {case_id}, S.Pd.",
        birth_date=dt.date(1960 + case_id % 20, 1 + case_id % 12, 1 + case_id % 28),
        gender="P" if case_id % 2 else "L",
        employment="pns",
        nip=f"{196501011990030000 + case_id:018d}",
        education_level="S1",
        subject_id=base["counselling"] if counsellor else base["maths"],
        special_area=rng.random() < 0.05,
    )
    tables["assignment"].write(
        id=case_id, teacher_id=case_id, school_id=base["school"], weekly_hours=24
    )
    tables["case"].write(
        id=case_id,
        teacher_id=case_id,
        programme_year_id=base["year"],
        state=Case.State.DECIDED,
    )
    return counsellor


def _entry_values(
    rng: random.Random, complete: dict[str, dict[str, str]], plans: int
) -> list[tuple[str, dict[str, str]]]:
    """The (section, values) of one portfolio's complete entries."""
    rows: list[tuple[str, dict[str, str]]] = [
        ("qualification", complete["qualification"]),
        ("teaching_period", complete["teaching_period"]),
        ("forum", complete["forum"]),
    ]
    if rng.random() < 0.2:
        rows.append(("qualification", {**complete["qualification"], "level": "S2"}))
    for t in range(rng.randint(1, 3)):
        hours = str(rng.choice((20, 40, 60, 100)))
        rows.append(("training", {**complete["training"], "hours": hours, "name": f"D{t}"}))
    if rng.random() < 0.3:
        rows.append(("award", complete["award"]))
    if rng.random() < 0.3:
        rows.append(("organization", complete["organization"]))
    rows += [("lesson_plan", {**complete["lesson_plan"], "topic": f"T{p}"}) for p in range(plans)]
    return rows


def _entries(
    tables: dict[str, Copy],
    case_id: int,
    entry_id: int,
    rows: list[tuple[str, dict[str, str]]],
    operator: int,
) -> int:
    """The entries, one evidence file each, numbered after `entry_id`; the last number."""
    positions: dict[str, int] = {}
    for section, values in rows:
        entry_id += 1
        position = positions.get(section, 0)
        positions[section] = position + 1
        tables["entry"].write(
            id=entry_id,
            case_id=case_id,
            section=section,
            position=position,
            values=values,
            complete=True,
        )
        tables["evidence"].write(
            id=entry_id,
            case_id=case_id,
            entry_id=entry_id,
            file=f"evidence/{case_id}/{entry_id}.pdf",
            sha256=f"{entry_id:064x}",
            size=120_000,
            content_type="pdf",
            original_name="bukti.pdf",
            uploaded_by_id=operator,
        )
    return entry_id


def _assessment(
    tables: dict[str, Copy],
    rng: random.Random,
    case_id: int,
    base: dict[str, int],
    plans: int,
    counsellor: bool = False,
) -> None:
    """The closed envelope, the two assessors' sheets and the stale "mean" result. A
    counsellor's envelope holds component 5 only; each sheet scores their 4b practice form."""
    from sergur.assessments.models import Result

    tables["envelope"].write(
        id=case_id,
        case_id=case_id,
        variant="counselor" if counsellor else "subject_teacher",
        observation_items=[] if counsellor else [rng.randint(3, 5) for _ in range(24)],
        superior_items=[rng.randint(3, 5) for _ in range(10)],
    )
    far_apart = rng.random() < 0.01
    base_item = rng.randint(2, 5)
    for slot in (1, 2):
        allocation_id = 2 * (case_id - 1) + slot
        tables["allocation"].write(
            id=allocation_id,
            case_id=case_id,
            assessor_id=base[f"assessor{slot}"],
            slot=slot,
        )
        item = (1 if slot == 1 else 5) if far_apart else base_item
        sheet: dict[str, Any] = {
            "plan_items": [
                [item if rng.random() < 0.9 else min(5, item + 1) for _ in range(8)]
                for _ in range(plans)
            ]
        }
        if counsellor:
            sheet["practice_items"] = [
                item if rng.random() < 0.9 else min(5, item + 1) for _ in range(24)
            ]
        if rng.random() < 0.05:
            sheet["overrides"] = {
                "trainings[0]": {"points": "10", "reason": "Jam pelatihan tidak sesuai"}
            }
        if rng.random() < 0.02:
            sheet["doubtful_evidence"] = ["3.a"]
        tables["sheet"].write(
            id=allocation_id,
            allocation_id=allocation_id,
            submitted_at=tables["sheet"].now,
            code="MPLPG",
            total=0,
            **sheet,
        )
    tables["result"].write(
        id=case_id,
        case_id=case_id,
        round=1,
        source=Result.Source.MEAN,
        parts={},
        total=0,
        code="MPLPG",
        decided_at=tables["result"].now,
    )


def generate(url: str, n: int, base: dict[str, int], seed: int) -> float:
    """N decided portfolios with COPY; returns the seconds it took."""
    rng = random.Random(seed)
    complete = _rows()
    started = time.perf_counter()
    with psycopg.connect(url) as conn:
        conn.execute(
            sql.SQL("TRUNCATE {} RESTART IDENTITY CASCADE").format(
                sql.SQL(", ").join(sql.Identifier(t) for t in GENERATED)
            )
        )
        tables = _tables(conn)
        entry_id = 0
        for case_id in range(1, n + 1):
            if case_id % FLUSH == 0:
                for table in tables.values():
                    table.flush()
            counsellor = _teacher(tables, rng, case_id, base)
            plans = 4 if counsellor else 5
            rows = _entry_values(rng, complete, plans)
            entry_id = _entries(tables, case_id, entry_id, rows, base["operator"])
            _assessment(tables, rng, case_id, base, plans, counsellor)
        for table in tables.values():
            table.flush()
        for name in GENERATED:
            conn.execute(
                sql.SQL(
                    "SELECT setval(pg_get_serial_sequence({}, 'id'), "
                    "coalesce((SELECT max(id) FROM {}), 0) + 1, false)"
                ).format(sql.Literal(name), sql.Identifier(name))
            )
        conn.commit()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")
    return time.perf_counter() - started
