"""What the reviewer reads (the case's blind sheets) and the case-page panel."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from sergur.appeals.models import Appeal
from sergur.assessments.models import Allocation, Result, Sheet
from sergur.cases.models import Case


@dataclass(frozen=True)
class SheetParts:
    """One submitted sheet of the case, as the reviewer reads it: its place and its parts."""

    round: int
    slot: int
    slot_label: str
    parts: dict[str, str]
    total: Decimal | None
    code: str


def case_sheets(case: Case) -> list[SheetParts]:
    """The case's submitted sheets of the active allocations, by round and slot (one query).
    The reviewer sees their parts, never who scored them."""
    sheets = (
        Sheet.objects.filter(
            allocation__case=case, allocation__active=True, submitted_at__isnull=False
        )
        .select_related("allocation")
        .order_by("allocation__round", "allocation__slot")
    )
    labels = dict(Allocation.Slot.choices)
    return [
        SheetParts(
            round=sheet.allocation.round,
            slot=sheet.allocation.slot,
            slot_label=str(labels.get(sheet.allocation.slot, sheet.allocation.slot)),
            parts={str(k): str(v) for k, v in (sheet.parts or {}).items()},
            total=sheet.total,
            code=sheet.code,
        )
        for sheet in sheets
    ]


# -- the case-page panel ---------------------------------------------------------------------


@dataclass(frozen=True)
class CaseAppeals:
    """The case's current published decision (if any) and its appeals, newest first."""

    result: Result | None
    appeals: list[Appeal] = field(default_factory=list)


def published_result(case: Case) -> Result | None:
    """The case's current decision if it is published: what the teacher may read and appeal
    against (an unpublished one stays with the rayon)."""
    return case.results.filter(current=True, published_at__isnull=False).first()


def case_appeals(case: Case) -> CaseAppeals:
    """What the case page's appeal panel shows, in two queries."""
    result = published_result(case)
    appeals = list(
        Appeal.objects.filter(case=case)
        .select_related("result", "new_result")
        .order_by("-filed_at", "-pk")
    )
    return CaseAppeals(result=result, appeals=appeals)


def appeal_of(result: Result | None, appeals: list[Appeal]) -> Appeal | None:
    """The appeal against `result` among the case's appeals."""
    if result is None:
        return None
    return next((appeal for appeal in appeals if appeal.result_id == result.pk), None)
