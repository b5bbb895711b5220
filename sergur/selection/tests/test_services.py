"""The selection services: a district run (counts, numbers, the non-PNS share, cases, a
re-run replacing the last), bounded queries, the quota allocation and the logged moves."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from sergur.cases.models import Case, CaseEvent
from sergur.registry.tests.factories import DistrictFactory, ProgrammeYearFactory
from sergur.rules.selection import numbers
from sergur.selection.models import (
    APPEND_ONLY,
    QuotaAllocation,
    QuotaMove,
    SelectionEntry,
    SelectionRun,
)
from sergur.selection.selectors import candidate_for
from sergur.selection.services import (
    NUMBER_EVENT,
    case_number_set,
    quota_allocate,
    quota_redistribute,
    selection_run,
)
from sergur.selection.tests.conftest import build_pool


def test_candidate_for_maps_the_registry_fields(pool):
    teacher = pool.non_pns[0]
    candidate = candidate_for(teacher)
    assert candidate.nuptk == teacher.nuptk
    assert candidate.employment == "non_pns"
    assert candidate.region == "3402"
    assert candidate.school_level == "SMP"
    assert candidate.subject_code == "180"
    assert candidate.teaching_hours == 24
    assert candidate.permanent_since == teacher.permanent_since


def test_a_run_over_thirty_teachers_counts_ranks_and_numbers(pool, cast):
    run = selection_run(programme_year=pool.year, district=pool.district, quota=8, actor=cast.dinas)
    assert run.candidates == 32  # the pool and Sri and Budi
    assert run.eligible == 26
    assert run.selected == 8
    entries = list(SelectionEntry.objects.filter(run=run))
    assert len(entries) == 32
    ineligible = [e for e in entries if not e.eligible]
    assert all(e.reasons for e in ineligible)
    assert all(e.position is None and not e.selected for e in ineligible)
    positions = sorted(e.position or 0 for e in entries if e.eligible)
    assert positions == list(range(1, 27))
    assert all(e.factors and e.factors[0][0] == "service" for e in entries if e.eligible)


def test_participant_numbers_are_unique_well_formed_and_in_rank_order(pool, cast):
    run = selection_run(programme_year=pool.year, district=pool.district, quota=8, actor=cast.dinas)
    chosen = list(SelectionEntry.objects.filter(run=run, selected=True).order_by("position"))
    found = [e.participant_number for e in chosen]
    assert len(set(found)) == 8
    for serial, entry in enumerate(chosen, start=1):
        parts = numbers.parse(entry.participant_number)
        assert entry.participant_number.startswith("073402")
        assert parts.subject_code == entry.teacher.subject.code
        assert parts.ministry == 1
        assert parts.serial == serial


def test_the_non_pns_share_is_honoured(pool, cast):
    run = selection_run(programme_year=pool.year, district=pool.district, quota=8, actor=cast.dinas)
    chosen = SelectionEntry.objects.filter(run=run, selected=True).select_related("teacher")
    by_share = [e for e in chosen if e.selected_by == SelectionEntry.SelectedBy.NON_PNS_SHARE]
    assert len(by_share) == 2  # ceil(0.25 × 8), though every non-PNS ranks below the PNS
    assert all(e.teacher.employment == "non_pns" for e in by_share)
    displaced = SelectionEntry.objects.filter(run=run, selected=False, eligible=True).exclude(
        note={}
    )
    assert displaced.count() == 2  # the PNS at positions 7 and 8 gave their places up


def test_selected_teachers_get_their_number_on_their_case(pool, cast):
    run = selection_run(programme_year=pool.year, district=pool.district, quota=8, actor=cast.dinas)
    for entry in SelectionEntry.objects.filter(run=run, selected=True):
        case = Case.objects.get(teacher=entry.teacher, programme_year=pool.year)
        assert case.participant_number == entry.participant_number
    assert not Case.objects.filter(teacher__in=pool.ineligible).exists()


def test_a_rerun_replaces_the_previous_run_cleanly(pool, cast):
    first = selection_run(
        programme_year=pool.year, district=pool.district, quota=8, actor=cast.dinas
    )
    dropped = SelectionEntry.objects.get(run=first, selected=True, position=6).teacher
    second = selection_run(
        programme_year=pool.year, district=pool.district, quota=4, actor=cast.operator
    )
    assert (
        SelectionRun.objects.filter(programme_year=pool.year, district=pool.district).count() == 1
    )
    assert second.replaces["id"] == first.pk and second.replaces["selected"] == 8
    assert SelectionEntry.objects.filter(programme_year=pool.year).count() == 32
    assert SelectionEntry.objects.filter(run=second, selected=True).count() == 4
    case = Case.objects.get(teacher=dropped, programme_year=pool.year)
    assert case.participant_number == ""
    withdrawn = CaseEvent.objects.get(case=case, kind=NUMBER_EVENT)
    assert withdrawn.data["to"] == "" and withdrawn.actor == cast.operator
    # The same run twice gives the same numbers.
    again = selection_run(
        programme_year=pool.year, district=pool.district, quota=4, actor=cast.operator
    )
    assert sorted(
        SelectionEntry.objects.filter(run=again, selected=True).values_list(
            "participant_number", flat=True
        )
    ) == sorted(
        Case.objects.exclude(participant_number="").values_list("participant_number", flat=True)
    )


def test_case_number_set_logs_and_ignores_the_same_number(cast):
    case = cast.sri_case
    case_number_set(case=case, number="07340218010001", actor=cast.dinas)
    case_number_set(case=case, number="07340218010001", actor=cast.dinas)
    case.refresh_from_db()
    assert case.participant_number == "07340218010001"
    assert CaseEvent.objects.filter(case=case, kind=NUMBER_EVENT).count() == 1


def test_a_year_without_selection_rules_is_a_clear_error(pool, cast):
    later = ProgrammeYearFactory(year=2099, is_current=False)
    with pytest.raises(ValidationError, match="2099"):
        selection_run(programme_year=later, district=pool.district, quota=3, actor=cast.dinas)
    with pytest.raises(ValidationError):
        selection_run(programme_year=pool.year, district=pool.district, quota=-1, actor=None)


def _run_queries(cast, count: int, prefix: str) -> int:
    pool = build_pool(cast, pns=count - 6, non_pns=6, prefix=prefix)
    with CaptureQueriesContext(connection) as queries:
        selection_run(programme_year=pool.year, district=pool.district, quota=4, actor=None)
    SelectionRun.objects.all().delete()
    Case.objects.exclude(pk__in=[cast.sri_case.pk, cast.budi_case.pk]).delete()
    return len(queries)


def test_a_run_makes_the_same_number_of_queries_for_10_and_40_teachers(cast):
    small = _run_queries(cast, 10, "Kecil")
    # Remove the small pool so that the second counts only its own teachers.
    from sergur.registry.models import Teacher

    Teacher.objects.filter(name__startswith="Kecil").delete()
    large = _run_queries(cast, 40, "Besar")
    assert small == large


def test_quota_allocate_adds_up_to_the_national_target(cast):
    DistrictFactory(code="04", name="Kulon Progo")
    counts = {
        ("34", "02", "SD"): 4427,
        ("34", "02", "SMP"): 3000,
        ("34", "03", "SD"): 5000,
        ("34", "04", "SMA"): 1089,
    }
    rows = quota_allocate(
        programme_year=cast.sri_case.programme_year,
        national_target=874,
        counts=counts,
        actor=cast.operator,
    )
    assert sum(r.quota for r in rows) == 874
    assert {r.school_level for r in rows} == {"SD", "SMP", "SMA"}
    assert QuotaAllocation.objects.count() == 4
    # Allocating again replaces the year's table.
    quota_allocate(
        programme_year=cast.sri_case.programme_year,
        national_target=100,
        counts=counts,
        actor=cast.operator,
    )
    assert sum(QuotaAllocation.objects.values_list("quota", flat=True)) == 100


def test_quota_allocate_rejects_unknown_codes(cast):
    with pytest.raises(ValidationError, match="9999"):
        quota_allocate(
            programme_year=cast.sri_case.programme_year,
            national_target=5,
            counts={("99", "99", "SD"): 5},
            actor=None,
        )


def test_quota_allocate_refuses_a_target_above_the_eligible_teachers(cast):
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        quota_allocate(
            programme_year=cast.sri_case.programme_year,
            national_target=11,
            counts={("34", "02", "SD"): 4, ("34", "02", "SMP"): 6},
            actor=None,
        )

    assert refused.value.message_dict == {
        "national_target": [
            "The target 11 exceeds the eligible teachers (10); at most 10 places can be shared out."
        ]
    }
    assert not QuotaAllocation.objects.exists()


def test_quota_redistribute_moves_unfillable_places_and_logs_them(cast):
    year = cast.sri_case.programme_year
    counts = {("34", "02", "SMP"): 10, ("34", "03", "SMP"): 10}
    quota_allocate(programme_year=year, national_target=10, counts=counts, actor=None)
    row = QuotaAllocation.objects.get(district__code="02")
    QuotaAllocation.objects.filter(pk=row.pk).update(eligible=2)  # only 2 of 5 can be filled
    province = row.province
    moves = quota_redistribute(programme_year=year, province=province, actor=cast.operator)
    assert len(moves) == 1
    move = QuotaMove.objects.get()
    assert move.places == 3 and move.from_district.code == "02"
    assert move.to_district is not None and move.to_district.code == "03"
    assert move.reason_message is not None and "3" in move.reason_message.text("en")
    assert QuotaAllocation.objects.get(district__code="02").quota == 2
    assert QuotaAllocation.objects.get(district__code="03").quota == 8
    with pytest.raises(ValueError, match=APPEND_ONLY):
        move.save()
    with pytest.raises(ValueError, match=APPEND_ONLY):
        move.delete()


def test_a_run_records_eligible_and_filled_on_the_quota_rows(pool, cast):
    quota_allocate(
        programme_year=pool.year,
        national_target=8,
        counts={("34", "02", "SMP"): 30},
        actor=None,
    )
    selection_run(programme_year=pool.year, district=pool.district, quota=8, actor=None)
    row = QuotaAllocation.objects.get()
    assert (row.eligible, row.quota, row.filled) == (26, 8, 8)


def test_a_teacher_already_in_another_districts_run_stops_the_run(pool, cast):
    from sergur.registry.tests.factories import SchoolFactory, SubdistrictFactory

    selection_run(programme_year=pool.year, district=pool.district, quota=8, actor=None)
    other = DistrictFactory(code="03", name="Sleman")
    moved = pool.pns[0]
    assignment = moved.assignments.get()
    assignment.school = SchoolFactory(subdistrict=SubdistrictFactory(district=other))
    assignment.save()
    with pytest.raises(ValidationError, match=moved.name):
        selection_run(programme_year=pool.year, district=other, quota=2, actor=None)
    assert not SelectionRun.objects.filter(district=other).exists()


def test_a_move_names_the_districts_in_its_reason(cast):
    year = cast.sri_case.programme_year
    quota_allocate(
        programme_year=year,
        national_target=10,
        counts={("34", "02", "SMP"): 10, ("34", "03", "SMP"): 10},
        actor=None,
    )
    QuotaAllocation.objects.filter(district__code="02").update(eligible=0)
    [move] = quota_redistribute(
        programme_year=year, province=QuotaAllocation.objects.all()[0].province, actor=None
    )
    assert move.reason_message is not None
    assert move.reason_message.text("id").startswith("Bantul (02) hanya memiliki 0 guru")
