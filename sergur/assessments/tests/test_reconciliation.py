"""The joint reconciliation: corrections of parts and findings (who, why, before, after),
resolving into a JOINT result; refusals; the third-assessor mode."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from sergur.assessments.models import Correction, FindingCorrection, Reconciliation, Result
from sergur.assessments.selectors import parts_from_json
from sergur.assessments.selectors.decisions import reconciliation_page, working_review
from sergur.assessments.services.decisions import (
    reconciliation_correct,
    reconciliation_correct_finding,
    reconciliation_resolve,
)
from sergur.assessments.tests.support import allocate, at_rayon, submit_complete, submit_sheet
from sergur.cases.models import Case, CaseEvent

KEY = "qualifications[0]"


def open_reconciliation(cast: object) -> Reconciliation:
    """Two sheets far apart: the first scores the plans 1, the second 5 and overrides the
    qualification to 0."""
    case = at_rayon(submit_complete(cast.sri_case, cast))  # type: ignore[attr-defined]
    first, second = allocate(case, cast.asesor, cast.asesor2)  # type: ignore[attr-defined]
    submit_sheet(first, item=1, doubtful_evidence=["2.a"])
    submit_sheet(
        second,
        item=5,
        overrides={KEY: {"points": "0", "reason": "Ijazah tidak relevan"}},
        administrative_defects=["declaration has no duty stamp"],
    )
    return Reconciliation.objects.get(case=case, round=1)


@pytest.fixture
def reconciliation(cast: object) -> Reconciliation:
    return open_reconciliation(cast)


def test_the_working_parts_start_at_the_mean(reconciliation: Reconciliation) -> None:
    page = reconciliation_page(reconciliation)

    assert [row.part for row in page.rows][0] == "qualification"
    for row in page.rows:
        assert row.working == (row.first + row.second) / 2 or row.working == row.first
    assert any(row.differs for row in page.rows)
    line = next(line for row in page.rows for line in row.lines)
    assert line.key == KEY and line.slot == 2 and line.reason == "Ijazah tidak relevan"
    assert page.review.doubtful_evidence == ("2.a",)
    assert page.review.administrative_defects == ("declaration has no duty stamp",)


def test_a_correction_is_logged_with_who_why_before_and_after(
    cast: object, reconciliation: Reconciliation
) -> None:
    before = parts_from_json(reconciliation.parts)["lesson_plans"]

    correction = reconciliation_correct(
        reconciliation=reconciliation,
        part="lesson_plans",
        after="70",
        reason="Both agreed the plans are good",
        actor=cast.rayon_admin,  # type: ignore[attr-defined]
    )

    reconciliation.refresh_from_db()
    assert parts_from_json(reconciliation.parts)["lesson_plans"] == 70
    assert correction.before == Decimal(before) and correction.after == 70
    assert correction.by == cast.rayon_admin  # type: ignore[attr-defined]
    event = CaseEvent.objects.get(case=reconciliation.case, kind=CaseEvent.Kind.CORRECTED)
    assert event.reason == "Both agreed the plans are good"
    for user in (cast.asesor, cast.asesor2):  # type: ignore[attr-defined]
        assert user.username not in f"{event.reason} {event.data}"


@pytest.mark.parametrize(
    ("part", "after", "reason", "field"),
    [
        ("lesson_plans", "70", "  ", "reason"),
        ("lesson_plans", "-1", "why", "after"),
        ("lesson_plans", "abc", "why", "after"),
        ("no_such_part", "1", "why", "part"),
    ],
)
def test_bad_corrections_are_refused_and_nothing_changes(
    cast: object, reconciliation: Reconciliation, part: str, after: str, reason: str, field: str
) -> None:
    parts = dict(reconciliation.parts)
    with pytest.raises(ValidationError) as raised:
        reconciliation_correct(
            reconciliation=reconciliation,
            part=part,
            after=after,
            reason=reason,
            actor=cast.rayon_admin,  # type: ignore[attr-defined]
        )
    assert field in raised.value.error_dict
    reconciliation.refresh_from_db()
    assert reconciliation.parts == parts
    assert not Correction.objects.exists()


def test_an_unchanged_value_is_refused(cast: object, reconciliation: Reconciliation) -> None:
    current = parts_from_json(reconciliation.parts)["awards"]
    with translation.override("en"), pytest.raises(ValidationError, match="same"):
        reconciliation_correct(
            reconciliation=reconciliation,
            part="awards",
            after=str(current),
            reason="why",
            actor=cast.rayon_admin,  # type: ignore[attr-defined]
        )


def test_findings_are_corrected_and_logged(cast: object, reconciliation: Reconciliation) -> None:
    reconciliation_correct_finding(
        reconciliation=reconciliation,
        finding=FindingCorrection.Finding.DOUBTFUL,
        after=[],
        reason="The original was shown to both",
        actor=cast.rayon_admin,  # type: ignore[attr-defined]
    )
    reconciliation_correct_finding(
        reconciliation=reconciliation,
        finding=FindingCorrection.Finding.FRAUD,
        after=True,
        reason="The certificate number does not exist",
        actor=cast.rayon_admin,  # type: ignore[attr-defined]
    )

    review = working_review(reconciliation)
    assert review.doubtful_evidence == ()
    assert review.fraud_found
    first = FindingCorrection.objects.order_by("pk").first()
    assert first is not None and first.before == ["2.a"] and first.after == []
    assert (
        CaseEvent.objects.filter(case=reconciliation.case, kind=CaseEvent.Kind.CORRECTED).count()
        == 2
    )


def test_resolving_records_a_joint_result(cast: object, reconciliation: Reconciliation) -> None:
    reconciliation_correct_finding(
        reconciliation=reconciliation,
        finding=FindingCorrection.Finding.DOUBTFUL,
        after=[],
        reason="Originals seen",
        actor=cast.rayon_admin,  # type: ignore[attr-defined]
    )
    reconciliation_correct(
        reconciliation=reconciliation,
        part="qualification",
        after="0",
        reason="The diploma is not relevant",
        actor=cast.rayon_admin,  # type: ignore[attr-defined]
    )

    result = reconciliation_resolve(
        reconciliation=reconciliation,
        actor=cast.rayon_admin,  # type: ignore[attr-defined]
        now=timezone.now(),
    )

    assert result.source == Result.Source.JOINT
    assert parts_from_json(result.parts)["qualification"] == 0
    assert result.review["doubtful_evidence"] == []
    assert result.review["administrative_defects"] == ["declaration has no duty stamp"]
    assert result.code != "K"
    case = Case.objects.get(pk=reconciliation.case_id)
    assert case.state == Case.State.DECIDED
    reconciliation.refresh_from_db()
    assert reconciliation.resolved_at is not None
    assert reconciliation.resolved_by == cast.rayon_admin  # type: ignore[attr-defined]


def test_a_resolved_reconciliation_takes_no_more_corrections(
    cast: object, reconciliation: Reconciliation
) -> None:
    reconciliation_resolve(
        reconciliation=reconciliation,
        actor=cast.rayon_admin,  # type: ignore[attr-defined]
        now=timezone.now(),
    )
    with pytest.raises(ValidationError):
        reconciliation_correct(
            reconciliation=reconciliation,
            part="awards",
            after="5",
            reason="late",
            actor=cast.rayon_admin,  # type: ignore[attr-defined]
        )


def test_a_third_mode_reconciliation_is_not_corrected(
    cast: object, reconciliation: Reconciliation
) -> None:
    Reconciliation.objects.filter(pk=reconciliation.pk).update(mode=Reconciliation.Mode.THIRD)
    reconciliation.refresh_from_db()

    with translation.override("en"), pytest.raises(ValidationError, match="third assessor"):
        reconciliation_correct(
            reconciliation=reconciliation,
            part="awards",
            after="5",
            reason="why",
            actor=cast.rayon_admin,  # type: ignore[attr-defined]
        )
    page = reconciliation_page(reconciliation)
    assert page.third_status == "missing" and not page.rows
