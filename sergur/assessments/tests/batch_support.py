"""Helpers of the batch tests: a varied set of decided cases (different portfolios, lesson
plan scores, overrides and findings), and a programme-year folder with changed parameters."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sergur.assessments.models import Result
from sergur.assessments.selectors import sheet_score
from sergur.assessments.tests.support import allocate, at_rayon, submit_complete, submit_sheet
from sergur.cases.models import Case
from sergur.cases.services import case_open
from sergur.portfolios.selectors import portfolio_read
from sergur.portfolios.tests.teacher_support import add_row, attach
from sergur.registry.models import Subject
from sergur.registry.tests.factories import (
    TeacherFactory,
    TeachingAssignmentFactory,
    UserFactory,
)
from sergur.rules.assessment import sheet_lines
from sergur.rules.programme import SHIPPED_DIR

# (item of sheet 1, item of sheet 2, extra rows, special area, findings, override, rows
# without evidence)
VARIANTS: list[dict[str, Any]] = [
    {"items": (4, 4)},
    {"items": (3, 4), "rows": ["award", "organization"]},
    {"items": (5, 5), "special": True},
    {"items": (2, 2), "findings": {"doubtful_evidence": ["2.a"]}},
    {"items": (4, 5), "rows": ["training", "forum"], "override": 3},
    {"items": (1, 1), "findings": {"administrative_defects": ["Ijazah tidak dilegalisir"]}},
    {"items": (5, 4), "rows": ["qualification"], "findings": {"fraud_found": True}},
    {"items": (3, 3), "override": 0, "rows": ["award"]},
    # An incomplete training before the complete one: codes count it (2.b), the file skips it.
    {"items": (4, 4), "incomplete": "training", "findings": {"doubtful_evidence": ["2.b"]}},
    # Rows without evidence (advice, not a blocking gap): their entries carry no code.
    {"items": (4, 4), "bare": ["award", "training"]},
    # Counsellors: each assessor's own 4b form (seed 003, Buku II pp. 33-35), agreeing or far
    # apart, and overridden by both on the sheet's whole document.
    {"items": (4, 4), "counselor": True},
    {"items": (3, 3), "counselor": True, "override": 3, "both": True, "rows": ["award"]},
    {"items": (1, 5), "counselor": True},
    {"items": (2, 2), "counselor": True, "findings": {"administrative_defects": ["Tanpa cap"]}},
]


def _teacher_case(cast: Any, n: int, special: bool, counselor: bool = False) -> Case:
    school = cast.sri_case.teacher.assignments.get(is_main=True).school
    user = UserFactory(username=f"guru{n}", role="teacher")
    subject = cast.sri_case.teacher.subject
    if counselor:
        subject, _ = Subject.objects.get_or_create(
            code="850", defaults={"name": "Bimbingan dan Konseling", "is_counseling": True}
        )
    person = TeacherFactory(user=user, subject=subject, special_area=special)
    TeachingAssignmentFactory(teacher=person, school=school)
    return case_open(teacher=person, programme_year=cast.sri_case.programme_year, actor=None)


def _override(case: Case, sheet: Any, points: int) -> dict[str, Any]:
    """Override the first line the assessor may change with `points`."""
    result = sheet_score(portfolio_read(case=case), sheet)
    line = next(line for line in sheet_lines(result) if line.overridable)
    return {line.key: {"points": str(points), "reason": "Sertifikat tidak sesuai"}}


def decided_cases(cast: Any, variants: list[dict[str, Any]] | None = None) -> list[Case]:
    """One decided case per variant (those whose sheets disagree end in reconciliation)."""
    cases = []
    for n, variant in enumerate(variants or VARIANTS):
        case = _teacher_case(
            cast, n, variant.get("special", False), variant.get("counselor", False)
        )
        teacher = case.teacher.user
        assert teacher is not None
        if "incomplete" in variant:
            attach(add_row(case, teacher, variant["incomplete"], hours="", level=""), teacher)
        for key in variant.get("rows", []):
            attach(add_row(case, teacher, key), teacher)
        for key in variant.get("bare", []):
            add_row(case, teacher, key)
        case = at_rayon(submit_complete(case, cast))
        first, second = allocate(case, cast.asesor, cast.asesor2)
        findings = variant.get("findings", {})
        changes: dict[str, Any] = dict(findings)
        if "override" in variant:
            changes["overrides"] = _override(case, first, variant["override"])
        submit_sheet(first, item=variant["items"][0], **changes)
        second_changes: dict[str, Any] = dict(findings)
        if variant.get("both"):
            second_changes["overrides"] = changes["overrides"]
        submit_sheet(second, item=variant["items"][1], **second_changes)
        cases.append(Case.objects.get(pk=case.pk))
    return cases


def changed_year(folder: Path, **values: str) -> Path:
    """A copy of the shipped 2007 year file with some `key = value` lines replaced."""
    lines = []
    for line in (SHIPPED_DIR / "2007.toml").read_text(encoding="utf-8").splitlines():
        key = line.split("=", 1)[0].strip()
        lines.append(f"{key} = {values[key]}" if key in values and "=" in line else line)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "2007.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def current(case: Case) -> Result:
    """The case's current result."""
    return Result.objects.get(case=case, current=True)
