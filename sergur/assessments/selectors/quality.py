"""Reads of the assessment-quality pages (issue 4, part 7): the pairs of blind sheets of a
rayon and programme year, fed to the rules core's agreement statistics
(`sergur.rules.assessment.agreement`). Access goes through the allocation selectors'
`rayon_get_for_user` and `assessor_get_for_user`.

The pairs come from ONE query over the submitted sheets, sorted by case, round and slot, and
streamed in chunks: a whole programme year (~250,000 cases) is read once, in constant memory,
with no query per case or per assessor."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.utils import timezone

from sergur.assessments.models import Allocation, Assessor, Sheet
from sergur.registry.models import ProgrammeYear
from sergur.rules.assessment import assessment_params
from sergur.rules.assessment.agreement import FlagRules, QualityBook, QualityReport, Rating
from sergur.rules.assessment.sheet import PARTS

CHUNK = 2000
"""Rows fetched at a time while streaming the sheets."""

_FIELDS = (
    "allocation__case_id",
    "allocation__round",
    "allocation__slot",
    "allocation__assessor_id",
    "total",
    "code",
    "parts",
    "submitted_at",
)


def quality_default_year() -> ProgrammeYear | None:
    """The year shown when none is asked for: the current one, else the latest."""
    years = ProgrammeYear.objects.all()
    return years.filter(is_current=True).first() or years.order_by("-year").first()


def quality_flag_rules(year: ProgrammeYear) -> FlagRules:
    """When the programme year flags an assessor: its reconciliation tolerance and the kappa
    and pair thresholds of its `[assessment]` section."""
    params = assessment_params(year.year, tuple(settings.SERGUR_YEARS_DIRS))
    return FlagRules(
        tolerance=params.tolerance,
        kappa_min=params.kappa_min,
        min_pairs=params.flag_min_pairs,
    )


def _rating(row: tuple[Any, ...]) -> Rating:
    _, _, _, assessor, total, code, parts, submitted_at = row
    stored = parts if isinstance(parts, dict) else {}
    return Rating(
        assessor=assessor,
        total=total if total is not None else 0,
        code=code,
        # A part the sheet does not hold stays out (not 0): the pair then does not count for it.
        parts={part: Decimal(str(stored[part])) for part in PARTS if stored.get(part) is not None},
        period=timezone.localtime(submitted_at).strftime("%Y-%m"),
    )


def quality_pairs(*, rayon: int, programme_year: ProgrammeYear) -> Iterator[tuple[Rating, Rating]]:
    """The two blind sheets (slots 1 and 2, active allocations, both submitted) of every case
    and round of the programme year assessed by the rayon's assessors, streamed in one query."""
    rows = (
        Sheet.objects.filter(
            submitted_at__isnull=False,
            allocation__active=True,
            allocation__slot__in=(Allocation.Slot.FIRST, Allocation.Slot.SECOND),
            allocation__assessor__rayon_id=rayon,
            allocation__case__programme_year=programme_year,
        )
        .order_by("allocation__case_id", "allocation__round", "allocation__slot")
        .values_list(*_FIELDS)
        .iterator(chunk_size=CHUNK)
    )
    previous: tuple[Any, ...] | None = None
    for row in rows:
        if (
            previous is not None
            and previous[:2] == row[:2]
            and previous[2] == Allocation.Slot.FIRST
            and row[2] == Allocation.Slot.SECOND
        ):
            yield _rating(previous), _rating(row)
            previous = None
        else:
            previous = row


@dataclass(frozen=True)
class QualityData:
    """A rayon's agreement figures for one programme year, with the assessors' names."""

    report: QualityReport
    rules: FlagRules
    assessors: dict[int, Assessor]


def quality_report(*, rayon: int, programme_year: ProgrammeYear) -> QualityData:
    """Every agreement figure of the rayon's pairs in the programme year (two queries: the
    sheets, streamed, and the assessor register with the users' names)."""
    rules = quality_flag_rules(programme_year)  # an unreadable year file fails before the query
    book = QualityBook(parts=PARTS)
    for first, second in quality_pairs(rayon=rayon, programme_year=programme_year):
        book.add(first, second)
    report = book.report(rules)
    ids = [entry.assessor for entry in report.assessors]
    assessors = {a.pk: a for a in Assessor.objects.select_related("user").filter(pk__in=ids)}
    return QualityData(report=report, rules=rules, assessors=assessors)
