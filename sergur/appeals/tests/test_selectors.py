"""Statistics per rayon (numbers, median days, who may read them, bounded queries), the
reviewer candidates and who may see which appeal."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext

from sergur.appeals.models import Appeal
from sergur.appeals.selectors import (
    CASE_ASSESSOR,
    appeal_get_for_user,
    appeal_stats,
    reviewer_candidates,
)
from sergur.appeals.tests.support import NOW, assigned, filed, published
from sergur.assessments.models import Allocation, Assessor, Result
from sergur.registry.models import Rayon

DAY = dt.timedelta(days=1)


def _appeal(case, rayon, code, *, days=None, outcome="", new_code=""):
    result = Result.objects.create(
        case=case,
        round=1,
        source=Result.Source.MEAN,
        parts={},
        total=Decimal(800),
        code=code,
        decided_at=NOW,
        published_at=NOW,
        current=False,
    )
    return Appeal.objects.create(
        case=case,
        result=result,
        rayon=rayon,
        grounds="x",
        filed_at=NOW,
        filed_by=case.teacher.user,
        outcome=outcome,
        new_code=new_code,
        decided_at=NOW + days * DAY if days is not None else None,
    )


@pytest.fixture
def appeals(cast):
    ours = Rayon.objects.get(code="900")
    other = Rayon.objects.get(code="901")
    case = cast.sri_case
    _appeal(case, ours, "MS", days=2, outcome="upheld")
    _appeal(case, ours, "MS", days=4, outcome="changed", new_code="L")
    _appeal(case, ours, "K", days=10, outcome="changed", new_code="L")
    _appeal(case, ours, "D")
    _appeal(case, ours, "MA", days=1, outcome="upheld")
    _appeal(cast.budi_case, other, "MS", days=5, outcome="changed", new_code="MA")
    _appeal(cast.budi_case, other, "MS", days=6, outcome="upheld")
    _appeal(cast.budi_case, other, "L", days=0.5, outcome="upheld")
    return ours, other


def test_the_statistics_of_each_rayon(cast, appeals):
    ours, other = appeals

    rows = {row.rayon: row for row in appeal_stats(user=cast.operator)}

    mine = rows[ours]
    assert (mine.filed, mine.decided, mine.pending) == (5, 4, 1)
    assert (mine.upheld, mine.changed) == (2, 2)
    assert mine.by_code == {"MS": 2, "K": 1, "D": 1, "MA": 1}
    assert mine.changed_to == {"L": 2}
    assert mine.median_days == Decimal("3.0")  # 1, 2, 4, 10 days
    theirs = rows[other]
    assert (theirs.filed, theirs.decided, theirs.pending) == (3, 3, 0)
    assert theirs.changed_to == {"MA": 1}
    assert theirs.median_days == Decimal("5.0")  # 0.5, 5, 6 days


def test_the_statistics_of_one_programme_year(cast, appeals):
    year = cast.sri_case.programme_year.year

    (same,) = appeal_stats(user=cast.rayon_admin, year=year)
    (other,) = appeal_stats(user=cast.rayon_admin, year=year + 1)

    assert same.filed == 5 and other.filed == 0


def test_a_rayon_admin_reads_their_rayon_only(cast, appeals):
    rows = appeal_stats(user=cast.rayon_admin)

    assert [row.rayon.code for row in rows] == ["900"]
    assert rows[0].filed == 5


def test_a_rayon_without_appeals_has_zeros(cast):
    (row,) = appeal_stats(user=cast.rayon_admin)

    assert (row.filed, row.decided, row.pending, row.upheld, row.changed) == (0, 0, 0, 0, 0)
    assert row.median_days is None and row.by_code == {}


@pytest.mark.parametrize("who", ["sri", "asesor", "dinas", "lpmp"])
def test_other_roles_read_no_statistics(cast, who):
    with pytest.raises(PermissionDenied):
        appeal_stats(user=getattr(cast, who))


def test_the_statistics_take_the_same_queries_however_many_appeals(cast, appeals):
    ours, _ = appeals
    with CaptureQueriesContext(connection) as few:
        appeal_stats(user=cast.operator)
    for days in range(30):
        _appeal(cast.sri_case, ours, "MS", days=days, outcome="upheld")
    with CaptureQueriesContext(connection) as many:
        appeal_stats(user=cast.operator)

    assert len(many) == len(few) <= 5


def test_the_candidates_say_why_the_case_assessors_may_not_review(cast):
    published(cast.sri_case, "MS")
    appeal = filed(cast.sri_case)
    Allocation.objects.create(case=cast.sri_case, assessor=cast.asesor.assessor, slot=1)

    candidates = {c.assessor.user: c for c in reviewer_candidates(appeal=appeal)}

    assert str(CASE_ASSESSOR) in candidates[cast.asesor].obstacles
    assert candidates[cast.asesor2].eligible and candidates[cast.asesor3].eligible
    assert [c.eligible for c in reviewer_candidates(appeal=appeal)] == [True, True, False]


def test_the_candidates_take_the_same_queries_however_many_assessors(cast):
    from sergur.registry.tests.factories import UserFactory

    published(cast.sri_case, "MS")
    appeal = appeal_get_for_user(user=cast.rayon_admin, pk=filed(cast.sri_case).pk)
    with CaptureQueriesContext(connection) as few:
        reviewer_candidates(appeal=appeal)
    for n in range(10):
        user = UserFactory(username=f"extra{n}", role="assessor")
        entry = Assessor.objects.create(
            user=user, rayon=appeal.rayon, number=f"X-{n}", degree="S2", institution="U"
        )
        entry.subjects.add(cast.sri_case.teacher.subject)
    with CaptureQueriesContext(connection) as many:
        reviewer_candidates(appeal=appeal)

    assert len(many) == len(few)


def test_who_sees_an_appeal(cast):
    published(cast.sri_case, "MS")
    appeal = assigned(filed(cast.sri_case), cast.asesor3, cast.rayon_admin)

    for someone in (cast.sri, cast.rayon_admin, cast.asesor3, cast.operator):
        assert appeal_get_for_user(user=someone, pk=appeal.pk) == appeal
    for someone in (cast.budi, cast.rayon_other, cast.asesor, cast.dinas, cast.pak_kepala):
        with pytest.raises(Http404):
            appeal_get_for_user(user=someone, pk=appeal.pk)
