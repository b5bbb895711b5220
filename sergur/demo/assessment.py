"""The demo's portfolios after submission: verified by the district and the LPMP, received by
the rayon, allocated to two of the rayon's assessors, scored, reconciled, decided, published,
clarified and appealed — each ASSESSED portfolio taken to one stage of TARGETS, in turn.

Everything goes through the services, as the people would do it: the district's and LPMP's
verdicts, the rayon's allocation, the assessors' sheets (lesson plans scored, lines lowered
with a reason where the assessor judges an entry worth less), the reconciliation, the
publication, the teacher's clarification and appeal. Idempotent: a case already past
SUBMITTED is left alone.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from sergur.accounts.models import User
from sergur.appeals.services import appeal_file
from sergur.assessments.models import Assessor, Reconciliation, Sheet
from sergur.assessments.selectors import PLANS_REQUIRED, sheet_outcome, sheet_score
from sergur.assessments.services.allocation import allocation_run
from sergur.assessments.services.decisions import (
    clarification_respond,
    reconciliation_resolve,
    result_publish,
)
from sergur.assessments.services.rounds import sheet_submit
from sergur.assessments.services.sheets import sheet_save
from sergur.cases.models import Case
from sergur.demo.people import People
from sergur.portfolios.selectors import (
    portfolio_document,
    portfolio_read,
    rules_year,
    teacher_role,
)
from sergur.rules import decode, score
from sergur.rules.assessment import Override, SheetReview, sheet_lines
from sergur.rules.instruments import sheet_practice
from sergur.verification.services import stage_complete, verdicts_meet_remaining


class Target(StrEnum):
    """Where an ASSESSED demo portfolio ends."""

    DISTRICT = "district_verified"
    QUALITY = "quality_verified"
    RECEIVED = "received"
    ALLOCATED = "allocated"
    ONE_SHEET = "one_sheet"
    RECONCILIATION = "reconciliation"
    DECIDED = "decided"
    L = "L"
    MA = "MA"
    MS = "MS"
    MPLPG_APPEAL = "MPLPG+appeal"
    K = "K"
    D = "D"
    # Published MPLPG, then taken through the PLPG by the demo (sergur/demo/plpg.py).
    PLPG_PASSED = "MPLPG+PLPG passed"
    PLPG_RETURNED = "MPLPG+PLPG returned"
    PLPG = "MPLPG+PLPG"


TARGETS: tuple[Target, ...] = tuple(Target)

DESCRIPTIONS = {
    Target.DISTRICT: "verified by the district, waiting for the LPMP",
    Target.QUALITY: "verified by the LPMP, waiting for the rayon",
    Target.RECEIVED: "received by the rayon, waiting for assessors",
    Target.ALLOCATED: "allocated to two assessors, not scored yet",
    Target.ONE_SHEET: "one assessor has submitted, the other not yet",
    Target.RECONCILIATION: "the two assessors disagree: in reconciliation",
    Target.DECIDED: "decided, waiting for publication",
    Target.L: "published: L (passes)",
    Target.MA: "published: MA, portfolio reopened for administrative defects",
    Target.MS: "published: MS, portfolio reopened to add substance",
    Target.MPLPG_APPEAL: "published: MPLPG, and the teacher has appealed",
    Target.K: "published: K, the teacher has sent a clarification",
    Target.D: "published: D (fraud), struck off",
    Target.PLPG_PASSED: "published: MPLPG; in the PLPG, failed the written test, passed the retake",
    Target.PLPG_RETURNED: "published: MPLPG; in the PLPG, failed two retakes, back to the district",
    Target.PLPG: "published: MPLPG; in a PLPG class",
}

# Only these need the portfolio to pass as the teacher filled it (MS: to be lowered just under
# the pass mark); the others are reached by the assessors' findings or by lowering lines.
NEEDS_PASS = frozenset({Target.L, Target.MA, Target.DECIDED, Target.MS})
ALLOCATED_TARGETS = frozenset(TARGETS) - {Target.DISTRICT, Target.QUALITY, Target.RECEIVED}
LOWER_REASON = "Bukti tidak sepenuhnya relevan dengan bidang studi (penilaian asesor)."
DEFECT = "Fotokopi ijazah belum dilegalisasi dengan cap basah."
FRAUD = "Sertifikat diklat dipalsukan: nomor tidak terdaftar pada penyelenggara."
APPEAL = (
    "Saya mohon peninjauan ulang: sertifikat diklat saya relevan dengan mata pelajaran yang "
    "saya ampu, dan pelatihan tersebut tercatat di LPMP."
)


@dataclass(frozen=True)
class Picked:
    """One ASSESSED case and the stage it is taken to."""

    case: Case
    target: Target


# The demo assessors' statuses (criterion a of the FAQ on assessors): all four kinds.
STATUSES = (
    Assessor.Status.LECTURER,
    Assessor.Status.LECTURER,
    Assessor.Status.WIDYAISWARA,
    Assessor.Status.SENIOR_TEACHER,
)


def _register(people: People) -> list[Assessor]:
    """The rayon's assessor register: the four demo assessors, every demo subject, each
    meeting the FAQ's criteria (an educator certificate, an S2 or S3 with an education element,
    teacher training in the year before the programme year)."""
    entries = []
    for number, username in enumerate(("asesor1", "asesor2", "asesor3", "asesor4"), start=1):
        entry, created = Assessor.objects.update_or_create(
            user=people.users[username],
            defaults={
                "status": STATUSES[number - 1],
                "educator_certificate": True,
                "degree_in_education": True,
                "experience_last_year": people.year.year - 1,
            },
            create_defaults={
                "rayon": people.rayon,
                "number": f"ASG-{people.rayon.code}-{number:04d}",
                "degree": Assessor.Degree.S3 if number == 1 else Assessor.Degree.S2,
                "institution": people.rayon.institution,
                "max_load": 120,
                "status": STATUSES[number - 1],
                "educator_certificate": True,
                "degree_in_education": True,
                "experience_last_year": people.year.year - 1,
            },
        )
        if created:
            entry.subjects.set(people.subjects.values())
        entries.append(entry)
    return entries


def _natural_total(case: Case) -> Decimal | int:
    """The total as filled, with every lesson plan scored 4 (what the assessors will give)."""
    portfolio = portfolio_read(case=case)
    document = portfolio_document(portfolio, include_envelope=True)
    document["lesson_plans"] = [{"items": [4] * 8}] * PLANS_REQUIRED[portfolio.role]
    return score(decode(json.dumps(document)), rules_year(case)).total


def _pick(cases: list[Case], pass_mark: Decimal) -> list[Picked]:
    """Give each case its stage in turn; a stage that needs a passing portfolio takes the
    strongest case left that passes (any case when none does)."""
    totals = {case.pk: _natural_total(case) for case in cases}
    targets = [TARGETS[index % len(TARGETS)] for index in range(len(cases))]
    strong = sorted(cases, key=lambda c: (-totals[c.pk], c.pk))
    needy = [t for t in targets if t in NEEDS_PASS]
    passing = [c for c in strong if totals[c.pk] >= pass_mark + 10][: len(needy)]
    rest = [c for c in cases if c not in passing]
    picked = [Picked(case, target) for case, target in zip(passing, needy, strict=False)]
    others = [t for t in targets if t not in NEEDS_PASS] + needy[len(passing) :]
    picked += [Picked(case, target) for case, target in zip(rest, others, strict=True)]
    return picked


def _verify(case: Case, officer: User, now: dt.datetime) -> None:
    verdicts_meet_remaining(case=case, actor=officer, now=now)
    stage_complete(case=case, actor=officer, now=now)


def _first_code(case: Case) -> str:
    """The evidence code of the portfolio's first row with a file (for a doubtful finding)."""
    portfolio = portfolio_read(case=case)
    for rows in portfolio.rows.values():
        for row in rows:
            if row.evidence:
                return row.code
    return "1"  # pragma: no cover - a submitted demo portfolio always has evidence


def _plans(case: Case, item: int) -> list[list[int | None]]:
    return [[item] * 8 for _ in range(PLANS_REQUIRED[teacher_role(case)])]


def _practice(case: Case, item: int) -> list[int | None]:
    """A counsellor's 4b form, every item scored `item`; none for a subject teacher."""
    form = sheet_practice(teacher_role(case))
    return [] if form is None else [item] * form.size


def _lowering(sheet: Sheet, by: Decimal) -> dict[str, Override]:
    """Overrides that lower declared entries (the largest first) by `by` points in all, each
    with the assessor's reason."""
    portfolio = portfolio_read(case=sheet.allocation.case)
    lines = sorted(
        (line for line in sheet_lines(sheet_score(portfolio, sheet)) if line.overridable),
        key=lambda line: (-line.suggested, line.key),
    )
    overrides: dict[str, Override] = {}
    left = by
    for line in lines:
        cut = min(Decimal(line.suggested), left)
        if cut <= 0:
            continue
        overrides[line.key] = Override(points=Decimal(line.suggested) - cut, reason=LOWER_REASON)
        left -= cut
    return overrides


def _score(
    sheet: Sheet,
    *,
    item: int,
    review: SheetReview,
    now: dt.datetime,
    aim: Decimal | None = None,
    lower_by: Decimal = Decimal(0),
) -> Sheet:
    """The assessor scores the plans, records findings, lowers lines towards `aim` (or by
    `lower_by`) with a reason, and submits."""
    case = sheet.allocation.case
    assessor = sheet.allocation.assessor.user
    plans = _plans(case, item)
    practice = _practice(case, item)
    note = FRAUD if review.fraud_found else ""
    sheet = sheet_save(
        sheet=sheet,
        actor=assessor,
        plan_items=plans,
        practice_items=practice,
        overrides={},
        review=review,
        fraud_note=note,
    )
    by = lower_by
    if aim is not None:
        _, current = sheet_outcome(portfolio_read(case=case), sheet)
        by = max(Decimal(current.total) - aim, Decimal(0))
    if by > 0:
        sheet = sheet_save(
            sheet=sheet,
            actor=assessor,
            plan_items=plans,
            practice_items=practice,
            overrides=_lowering(sheet, by),
            review=review,
            fraud_note=note,
        )
    return sheet_submit(sheet=sheet, actor=assessor, now=now)


# What the two assessors do for each target: (review, aim for the total, extra lowering of the
# second assessor). Both lower to the same aim, so they agree, except in RECONCILIATION.
PLPG_TARGETS = frozenset({Target.PLPG_PASSED, Target.PLPG_RETURNED, Target.PLPG})
AIMS: dict[Target, Decimal] = {
    Target.MS: Decimal(835),
    Target.MPLPG_APPEAL: Decimal(780),
    **dict.fromkeys(PLPG_TARGETS, Decimal(780)),
}


def _review(target: Target, case: Case) -> SheetReview:
    if target == Target.MA:
        return SheetReview(administrative_defects=(DEFECT,))
    if target == Target.K:
        return SheetReview(doubtful_evidence=(_first_code(case),))
    if target == Target.D:
        return SheetReview(fraud_found=True)
    return SheetReview()


def _assess(picked: Picked, rayon: User, now: dt.datetime) -> None:
    case, target = picked.case, picked.target
    sheets = list(
        Sheet.objects.filter(allocation__case=case, allocation__active=True)
        .select_related("allocation", "allocation__assessor__user", "allocation__case")
        .order_by("allocation__slot")
    )
    if target == Target.ALLOCATED:
        return
    review = _review(target, case)
    aim = AIMS.get(target)
    _score(sheets[0], item=4, review=review, now=now, aim=aim)
    if target == Target.ONE_SHEET:
        return
    second_item = 4 if target in {Target.MS, Target.MPLPG_APPEAL, *PLPG_TARGETS} else 5
    lower = Decimal(60) if target == Target.RECONCILIATION else Decimal(0)
    _score(sheets[1], item=second_item, review=review, now=now, aim=aim, lower_by=lower)
    case.refresh_from_db()
    if case.state == Case.State.RECONCILIATION and target != Target.RECONCILIATION:
        _reconcile(case, rayon, now)  # pragma: no cover - the aims keep the two together
    if target in (Target.RECONCILIATION, Target.DECIDED):
        return
    result = case.results.get(current=True)
    result_publish(result=result, actor=rayon, now=now)
    teacher = case.teacher.user
    assert teacher is not None  # nosec B101 # demo teachers have accounts, for mypy
    if target == Target.K:
        clarification_respond(
            case=case,
            actor=teacher,
            text="Ijazah asli saya bawa ke rayon; fotokopi terlampir dilegalisasi Dinas.",
            upload=None,
            now=now,
        )
    if target == Target.MPLPG_APPEAL:
        appeal_file(case=case, actor=teacher, grounds=APPEAL, upload=None, now=now)


def _reconcile(case: Case, rayon: User, now: dt.datetime) -> None:
    """A joint review settles an unexpected disagreement on the mean."""
    reconciliation = Reconciliation.objects.get(case=case, resolved_at__isnull=True)
    reconciliation_resolve(reconciliation=reconciliation, actor=rayon, now=now)


def load_assessment(*, people: People, cases: list[Case], now: dt.datetime) -> list[Picked]:
    """Take the ASSESSED cases still SUBMITTED through verification and assessment, each to
    its stage; return what each became (for the printed logins)."""
    _register(people)
    waiting = [case for case in cases if case.state == Case.State.SUBMITTED]
    if not waiting:
        return []
    users = people.users
    dinas, lpmp, rayon = users["dinas"], users["lpmp"], users["rayon"]
    picked = _pick(waiting, rules_year(waiting[0]).portfolio.pass_mark)
    for item in picked:
        _verify(item.case, dinas, now)
    for item in picked:
        if item.target != Target.DISTRICT:
            _verify(item.case, lpmp, now)
    assessed = [item for item in picked if item.target in ALLOCATED_TARGETS]
    for item in assessed:
        stage_complete(case=item.case, actor=rayon, now=now)
    allocation_run(programme_year=people.year, actor=rayon)
    for item in picked:
        if item.target == Target.RECEIVED:
            stage_complete(case=item.case, actor=rayon, now=now)
    for item in assessed:
        item.case.refresh_from_db()
        _assess(item, rayon, now)
    return picked
