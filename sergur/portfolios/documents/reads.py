"""The reads behind the documents: what a receipt, a book or a verification shows, gathered in a
fixed number of queries however many entries the portfolio holds."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any

from sergur.cases.models import Case
from sergur.common.signing import canonical, verify
from sergur.portfolios.documents.tables import LEVEL_NAMES
from sergur.portfolios.models import Submission
from sergur.portfolios.sections import QUALIFICATION_ROWS
from sergur.portfolios.selectors import Portfolio, as_of, portfolio_read, teaching_service
from sergur.registry.models import TeachingAssignment
from sergur.rules.experience import Service
from sergur.rules.validation import EVIDENCE_SECTIONS


@dataclass(frozen=True)
class SchoolLines:
    """Item 9 of the identity page: the school where the teacher is assigned."""

    name: str
    address: str
    subdistrict: str
    district: str
    district_name: str
    province: str
    phone: str
    email: str
    npsn: str
    nss: str


@dataclass(frozen=True)
class Identity:
    """The identity page's items 1–11 (instrument-2007.md §2.1), from the registry."""

    case_id: int
    programme_year: int
    name: str
    participant_number: str
    nip: str
    rank: str
    gender: str
    birth_place: str
    birth_date: dt.date
    education: str
    has_licence: bool
    school: SchoolLines | None
    subject: str
    weekly_hours: int


@dataclass(frozen=True)
class ComponentCount:
    """How many entries and evidence files of one component a submission holds."""

    number: int
    entries: int
    files: int


@dataclass(frozen=True)
class ReceiptData:
    """What the receipt of one submission shows."""

    identity: Identity
    submitted_at: dt.datetime
    content_hash: str
    declaration: str
    code: str
    counts: tuple[ComponentCount, ...]


@dataclass(frozen=True)
class BookData:
    """What the portfolio book shows."""

    identity: Identity
    portfolio: Portfolio
    service: Service
    service_until: dt.date
    submission: Submission | None
    printed_at: dt.datetime


@dataclass(frozen=True)
class ReceiptCheck:
    """The verdict on a receipt code: genuine or not and, if genuine, what it certifies and
    whether the stored submission still has the certified content hash. No personal data."""

    genuine: bool
    case_id: int | None = None
    submitted_at: dt.datetime | None = None
    content_hash: str = ""
    found: bool = False
    intact: bool = False


def _highest_education(portfolio: Portfolio) -> str:
    order = list(QUALIFICATION_ROWS)
    degrees = [
        row.entry.values
        for row in portfolio.section_rows("qualification")
        if row.entry.values.get("level") in QUALIFICATION_ROWS
    ]
    if not degrees:
        return ""
    best = max(degrees, key=lambda values: order.index(values["level"]))
    parts = [LEVEL_NAMES.get(best["level"], best["level"]), best.get("program", "")]
    text = " ".join(part for part in parts if part)
    if best.get("institution"):
        text += f", {best['institution']}"
    return text + (f" ({best['year']})" if best.get("year") else "")


def identity_read(*, case: Case, portfolio: Portfolio | None = None) -> Identity:
    """The identity fields of a case (one query: the teaching assignments with the region of
    each school). The case comes from case_get_for_user, with its teacher and year loaded;
    the highest education is read from the portfolio's degrees when it is given."""
    teacher = case.teacher
    assignments = list(
        TeachingAssignment.objects.filter(teacher_id=teacher.pk)
        .select_related("school__subdistrict__district__province")
        .order_by("-is_main", "pk")
    )
    school = None
    if assignments:
        main = assignments[0].school
        district = main.subdistrict.district
        school = SchoolLines(
            name=main.name,
            address=main.address,
            subdistrict=main.subdistrict.name,
            district=f"{district.kind.capitalize()} {district.name}",
            district_name=district.name,
            province=district.province.name,
            phone=main.phone,
            email=main.email,
            npsn=main.npsn,
            nss=main.nss,
        )
    return Identity(
        case_id=case.pk,
        programme_year=case.programme_year.year,
        name=teacher.name,
        participant_number=case.participant_number,
        nip=teacher.nip,
        rank=teacher.rank,
        gender=teacher.gender,
        birth_place=teacher.birth_place,
        birth_date=teacher.birth_date,
        education=_highest_education(portfolio) if portfolio is not None else "",
        has_licence=teacher.has_teaching_license,
        school=school,
        subject=teacher.subject.name,
        weekly_hours=sum(a.weekly_hours for a in assignments),
    )


def submitted_counts(content: dict[str, Any]) -> tuple[ComponentCount, ...]:
    """Entries and evidence files per component of a submission's stored content.

    Files are counted from the content's evidence list, by the component of their code.
    Entries are the rows of the portfolio file plus the rows known only by their evidence
    code: teaching periods and lesson plans are not entries of the file, and every one of
    them has evidence (the vital tables cannot be submitted otherwise).
    """
    component_of = {target: number for target, number, is_list in EVIDENCE_SECTIONS if is_list}
    files = [0] * 10
    coded: set[str] = set()
    for item in content.get("evidence", []):
        code = str(item.get("code", ""))
        files[_component(code) - 1] += 1
        coded.add(code)
    entries = [0] * 10
    for code in coded:
        entries[_component(code) - 1] += 1
    document = content.get("portfolio", {})
    for target, number in component_of.items():
        for item in document.get(target, []):
            if not item.get("evidence"):
                entries[number - 1] += 1
    return tuple(ComponentCount(n + 1, entries[n], files[n]) for n in range(10))


def _component(code: str) -> int:
    head = code.split(".", 1)[0]
    return int(head) if head.isascii() and head.isdigit() and 1 <= int(head) <= 10 else 10


def receipt_read(*, case: Case) -> ReceiptData | None:
    """The receipt of the case's latest submission; None before the first (two queries)."""
    submission = Submission.objects.filter(case=case).order_by("-submitted_at", "-pk").first()
    if submission is None:
        return None
    return ReceiptData(
        identity=identity_read(case=case),
        submitted_at=submission.submitted_at,
        content_hash=submission.content_hash,
        declaration=submission.declaration,
        code=submission.signature,
        counts=submitted_counts(submission.content),
    )


def book_read(*, case: Case, now: dt.datetime) -> BookData:
    """Everything the book prints, in five queries however many entries there are."""
    portfolio = portfolio_read(case=case)
    submission = Submission.objects.filter(case=case).order_by("-submitted_at", "-pk").first()
    return BookData(
        identity=identity_read(case=case, portfolio=portfolio),
        portfolio=portfolio,
        service=teaching_service(portfolio),
        service_until=as_of(case),
        submission=submission,
        printed_at=now,
    )


def receipt_check(code: str) -> ReceiptCheck:
    """Check a receipt code: the signature first, then the stored submission it names (its
    recorded hash and a fresh hash of its stored content must both equal the signed one)."""
    payload = verify(code)
    if payload is None:
        return ReceiptCheck(genuine=False)
    try:
        case_id = int(payload["case"])
        submitted_at = dt.datetime.fromisoformat(str(payload["submitted_at"]))
        digest = str(payload["sha256"])
    except (KeyError, TypeError, ValueError):
        return ReceiptCheck(genuine=False)
    stored = (
        Submission.objects.filter(case_id=case_id, submitted_at=submitted_at)
        .only("content", "content_hash")
        .first()
    )
    intact = (
        stored is not None
        and stored.content_hash == digest
        and hashlib.sha256(canonical(stored.content)).hexdigest() == digest
    )
    return ReceiptCheck(
        genuine=True,
        case_id=case_id,
        submitted_at=submitted_at,
        content_hash=digest,
        found=stored is not None,
        intact=intact,
    )
