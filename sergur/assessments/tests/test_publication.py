"""Publishing a decision: each code's transition, the deadlines, refusals, the log."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from sergur.assessments.models import Result
from sergur.assessments.services.decisions import result_publish, results_publish
from sergur.assessments.tests.decisions_support import decided
from sergur.cases.models import Case, CaseEvent

NOW = dt.datetime(2008, 3, 1, 9, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("code", "state"),
    [
        ("L", Case.State.PUBLISHED),
        ("MPLPG", Case.State.PUBLISHED),
        ("MA", Case.State.REOPENED),
        ("MS", Case.State.REOPENED),
        ("K", Case.State.CLARIFICATION),
        ("D", Case.State.DISQUALIFIED),
    ],
)
def test_each_code_moves_the_case(cast, code: str, state: str) -> None:
    result = decided(cast.sri_case, code)

    published = result_publish(result=result, actor=cast.rayon_admin, now=NOW)

    case = Case.objects.get(pk=cast.sri_case.pk)
    assert case.state == state
    assert published.published_at == NOW
    assert published.published_by == cast.rayon_admin
    assert published.appeal_until == NOW + dt.timedelta(days=14)  # appeal_days 2007
    event = case.events.get(kind=CaseEvent.Kind.PUBLISHED)
    assert event.data["code"] == code
    assert event.to_state == state


@pytest.mark.parametrize("code", ["MA", "MS"])
def test_ma_ms_reopen_the_portfolio_until_a_deadline(cast, code: str) -> None:
    result = result_publish(result=decided(cast.sri_case, code), actor=None, now=NOW)

    case = Case.objects.get(pk=cast.sri_case.pk)
    assert case.reopen_until == NOW + dt.timedelta(days=30)
    assert result.respond_until == case.reopen_until
    assert case.is_editable_by_teacher


def test_k_asks_for_a_clarification_by_a_deadline(cast) -> None:
    result = result_publish(result=decided(cast.sri_case, "K"), actor=None, now=NOW)

    assert result.respond_until == NOW + dt.timedelta(days=14)
    assert Case.objects.get(pk=cast.sri_case.pk).reopen_until is None


def test_d_is_final_and_says_it_goes_back_to_the_district(cast) -> None:
    result_publish(result=decided(cast.sri_case, "D"), actor=None, now=NOW)

    event = CaseEvent.objects.get(case=cast.sri_case, kind=CaseEvent.Kind.PUBLISHED)
    assert "district" in event.reason


def test_l_and_mplpg_have_no_respond_deadline(cast) -> None:
    first = result_publish(result=decided(cast.sri_case, "L"), actor=None, now=NOW)
    second = result_publish(result=decided(cast.budi_case, "MPLPG"), actor=None, now=NOW)

    assert first.respond_until is None and second.respond_until is None


def test_the_event_names_no_assessor(cast) -> None:
    result_publish(result=decided(cast.sri_case, "L"), actor=cast.rayon_admin, now=NOW)

    event = CaseEvent.objects.get(case=cast.sri_case, kind=CaseEvent.Kind.PUBLISHED)
    text = f"{event.reason} {event.data}"
    for user in (cast.asesor, cast.asesor2, cast.asesor3):
        assert user.username not in text


def test_publishing_twice_is_refused(cast) -> None:
    result = decided(cast.sri_case, "L")
    result_publish(result=result, actor=None, now=NOW)

    with translation.override("en"), pytest.raises(ValidationError, match="already published"):
        result_publish(result=result, actor=None, now=NOW)


def test_a_superseded_result_is_refused(cast) -> None:
    old = decided(cast.sri_case, "MS")
    decided(cast.sri_case, "L")

    with translation.override("en"), pytest.raises(ValidationError, match="superseded"):
        result_publish(result=old, actor=None, now=NOW)
    assert Result.objects.get(pk=old.pk).published_at is None


def test_bulk_publication_is_all_or_nothing(cast) -> None:
    good = decided(cast.sri_case, "L")
    bad = decided(cast.budi_case, "L")
    result_publish(result=bad, actor=None, now=NOW)

    with pytest.raises(ValidationError):
        results_publish(results=[good, bad], actor=None, now=timezone.now())

    assert Result.objects.get(pk=good.pk).published_at is None
    assert Case.objects.get(pk=cast.sri_case.pk).state == Case.State.DECIDED


def _published_as(result: Result) -> tuple[object, ...]:
    """What publication changed: the result's dates, the case's state and deadline, and the
    PUBLISHED event (all but the case itself)."""
    result.refresh_from_db()
    case = Case.objects.get(pk=result.case_id)
    event = case.events.get(kind=CaseEvent.Kind.PUBLISHED)
    return (
        result.published_at,
        result.published_by_id,
        result.appeal_until,
        result.respond_until,
        case.state,
        case.reopen_until,
        (event.actor_id, event.reason, event.data, event.from_state, event.to_state),
    )


@pytest.mark.parametrize("code", ["L", "MPLPG", "MA", "MS", "K", "D"])
def test_bulk_publication_changes_what_one_at_a_time_does(cast, code: str) -> None:
    from sergur.assessments.tests.decisions_support import extra_case

    one = decided(cast.sri_case, code)
    many = decided(extra_case(cast), code)

    result_publish(result=one, actor=cast.rayon_admin, now=NOW)
    results_publish(results=[many], actor=cast.rayon_admin, now=NOW)

    assert _published_as(one) == _published_as(many)


def test_bulk_publication_takes_the_same_queries_however_many(cast) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from sergur.assessments.tests.decisions_support import extra_case

    few = [decided(extra_case(cast), code) for code in ("L", "MS", "K")]
    more = [decided(extra_case(cast), code) for code in ("L", "MS", "K", "D", "MA") * 4]

    with CaptureQueriesContext(connection) as first:
        results_publish(results=few, actor=None, now=NOW)
    with CaptureQueriesContext(connection) as second:
        results_publish(results=more, actor=None, now=NOW)

    assert len(second.captured_queries) == len(first.captured_queries)
    assert not Result.objects.filter(pk__in=[r.pk for r in few + more], published_at=None)
