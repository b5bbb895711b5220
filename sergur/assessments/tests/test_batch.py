"""The re-scoring job: only changed decisions get a new result (the old one kept), a RESCORED
event, published results go back to decided, disagreeing sheets go to reconciliation, human
decisions are kept, progress and failures are recorded on the BatchJob."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.utils import timezone

from sergur.assessments.models import BatchJob, Reconciliation, Result
from sergur.assessments.services.batch import batch_start, rescore_run
from sergur.assessments.services.batch import jobs as batch_service
from sergur.assessments.tasks import rescore_year
from sergur.assessments.tests.batch_support import VARIANTS, changed_year, current, decided_cases
from sergur.cases.models import Case, CaseEvent
from sergur.cases.services import case_transition

LOWER_PASS = {"pass_mark": "500", "near_miss_floor": "480"}  # nosec B105 # a pass mark, not a password


@pytest.fixture
def cases(cast):
    return decided_cases(cast, VARIANTS[:4])


def _run(cast, *, rayon=None, fast=True):
    job = batch_start(actor=cast.operator, programme_year=cast.sri_case.programme_year, rayon=rayon)
    return rescore_run(job=job, now=timezone.now(), fast=fast)


def test_unchanged_parameters_store_nothing(cast, cases):
    before = Result.objects.count()

    job = _run(cast)

    assert job.state == BatchJob.State.DONE
    assert job.total == job.done == len(cases)
    assert job.changed == 0 and job.error == ""
    assert job.finished_at is not None
    assert Result.objects.count() == before
    assert not CaseEvent.objects.filter(kind=CaseEvent.Kind.RESCORED).exists()


@pytest.mark.parametrize("fast", [True, False])
def test_changed_decisions_get_a_new_result(cast, cases, tmp_path, fast):
    old = {case.pk: current(case) for case in cases}
    with override_settings(SERGUR_YEARS_DIRS=(changed_year(tmp_path, **LOWER_PASS),)):
        job = _run(cast, fast=fast)

    assert job.state == BatchJob.State.DONE
    assert job.done == len(cases)
    changed = [case for case in cases if current(case).pk != old[case.pk].pk]
    assert job.changed == len(changed) > 0
    for case in changed:
        new, previous = current(case), Result.objects.get(pk=old[case.pk].pk)
        assert new.source == Result.Source.RESCORE
        assert (new.code, new.total) != (previous.code, previous.total)
        assert new.reasons["id"] and new.reasons["en"]
        assert new.decided_by == cast.operator and new.published_at is None
        assert not previous.current  # kept, no longer current
        event = CaseEvent.objects.get(case=case, kind=CaseEvent.Kind.RESCORED)
        assert event.data["previous"] == previous.code and event.data["code"] == new.code
    for case in cases:
        if case not in changed:
            assert not CaseEvent.objects.filter(case=case, kind=CaseEvent.Kind.RESCORED).exists()


def test_a_second_run_changes_nothing(cast, cases, tmp_path):
    with override_settings(SERGUR_YEARS_DIRS=(changed_year(tmp_path, **LOWER_PASS),)):
        first = _run(cast)
        second = _run(cast)

    assert first.changed > 0
    assert second.changed == 0 and second.total == len(cases)


def test_a_changed_published_result_is_decided_again(cast, cases, tmp_path):
    case = cases[0]
    result = current(case)
    result.published_at = timezone.now()
    result.save(update_fields=["published_at"])
    case_transition(
        case=case, to_state=Case.State.PUBLISHED, actor=None, kind=CaseEvent.Kind.PUBLISHED
    )
    with override_settings(
        SERGUR_YEARS_DIRS=(changed_year(tmp_path, pass_mark="100", near_miss_floor="90"),)  # nosec B106 # a pass mark
    ):
        _run(cast)

    case.refresh_from_db()
    assert case.state == Case.State.DECIDED
    assert current(case).published_at is None
    event = CaseEvent.objects.get(case=case, kind=CaseEvent.Kind.RESCORED)
    assert (event.from_state, event.to_state) == (Case.State.PUBLISHED, Case.State.DECIDED)


def test_sheets_that_now_disagree_go_to_reconciliation(cast, cases, tmp_path):
    differing = cases[1]  # plans scored 3 and 4: totals apart
    with override_settings(SERGUR_YEARS_DIRS=(changed_year(tmp_path, tolerance="0"),)):
        job = _run(cast)

    differing.refresh_from_db()
    assert differing.state == Case.State.RECONCILIATION
    assert not Result.objects.filter(case=differing, current=True).exists()
    reconciliation = Reconciliation.objects.get(case=differing)
    assert reconciliation.mode == Reconciliation.Mode.JOINT and reconciliation.reasons["en"]
    event = CaseEvent.objects.get(case=differing, kind=CaseEvent.Kind.RESCORED)
    assert event.to_state == Case.State.RECONCILIATION
    assert job.changed >= 1
    # An open reconciliation is left alone by the next run.
    with override_settings(SERGUR_YEARS_DIRS=(changed_year(tmp_path, tolerance="0"),)):
        assert _run(cast).total == len(cases) - job.changed


def test_human_decisions_are_kept(cast, cases, tmp_path):
    joint, appeal = cases[0], cases[2]
    Result.objects.filter(case=joint).update(source=Result.Source.JOINT)
    Result.objects.filter(case=appeal).update(source=Result.Source.APPEAL)
    with override_settings(
        SERGUR_YEARS_DIRS=(changed_year(tmp_path, pass_mark="100", near_miss_floor="90"),)  # nosec B106 # a pass mark
    ):
        job = _run(cast)

    assert job.total == len(cases) - 2
    assert current(joint).source == Result.Source.JOINT
    assert current(appeal).source == Result.Source.APPEAL


def test_a_rayon_job_touches_its_rayon_only(cast, cases):
    other = cast.rayon_other.rayon
    own = cast.rayon_admin.rayon

    assert _run(cast, rayon=other).total == 0
    assert _run(cast, rayon=own).total == len(cases)


def test_only_one_job_at_a_time(cast, cases):
    year = cast.sri_case.programme_year
    batch_start(actor=cast.operator, programme_year=year, rayon=None)

    with pytest.raises(ValidationError) as error:
        batch_start(actor=cast.rayon_admin, programme_year=year, rayon=cast.rayon_admin.rayon)
    assert error.value.code == "running"


def test_a_job_without_progress_for_the_stale_time_no_longer_blocks(cast, cases):
    import datetime as dt

    year = cast.sri_case.programme_year
    killed = batch_start(actor=cast.operator, programme_year=year, rayon=None)
    long_ago = timezone.now() - dt.timedelta(minutes=16)
    BatchJob.objects.filter(pk=killed.pk).update(state=BatchJob.State.RUNNING, beat_at=long_ago)
    lost = batch_start(actor=cast.rayon_admin, programme_year=year, rayon=cast.rayon_admin.rayon)
    BatchJob.objects.filter(pk=lost.pk).update(created_at=long_ago)  # its message never came

    job = batch_start(actor=cast.operator, programme_year=year, rayon=None)

    killed.refresh_from_db()
    lost.refresh_from_db()
    assert killed.state == lost.state == BatchJob.State.FAILED
    assert "15" in killed.error and killed.finished_at is not None
    assert job.state == BatchJob.State.QUEUED
    with pytest.raises(ValidationError):  # the new one, alive, blocks as before
        batch_start(actor=cast.operator, programme_year=year, rayon=None)
    rescore_year.delay(lost.pk)  # the lost message arriving late runs nothing
    lost.refresh_from_db()
    assert lost.state == BatchJob.State.FAILED


def test_a_running_job_beats_after_every_chunk(cast, cases):
    job = _run(cast)

    assert job.state == BatchJob.State.DONE
    assert job.beat_at is not None and job.beat_at >= job.created_at


def test_a_failure_is_recorded(cast, cases, monkeypatch, caplog):
    message = "disk full at NUPTK {}".format("1234567890123456")

    def broken(**kwargs):
        raise RuntimeError(message)

    monkeypatch.setattr(batch_service, "chunk_rescore_read", broken)
    job = _run(cast)

    assert job.state == BatchJob.State.FAILED
    assert "disk full" in job.error  # for the operator on the job's page
    assert job.done == 0 and job.finished_at is not None
    # the log says what and where, never the message (it may quote a teacher's data)
    assert "RuntimeError" in caplog.text and "1234567890123456" not in caplog.text


@pytest.mark.parametrize("fast", [True, False])
def test_a_case_that_moved_on_after_the_job_began_is_left_as_it_is(
    cast, cases, tmp_path, monkeypatch, fast
):
    """Between the job's choice of cases and a chunk's lock, the rayon publishes a decision
    and the case moves on (here: reopened for the teacher): the chunk leaves it alone."""
    moved = cases[0]
    before = current(moved)
    from sergur.assessments.selectors.batch import chunk_lock as real_lock

    def lock_after_a_move(case_ids):
        Case.objects.filter(pk=moved.pk).update(state=Case.State.REOPENED)
        return real_lock(case_ids)

    monkeypatch.setattr(batch_service, "chunk_lock", lock_after_a_move)
    with override_settings(
        SERGUR_YEARS_DIRS=(changed_year(tmp_path, pass_mark="100", near_miss_floor="90"),)  # nosec B106 # a pass mark
    ):
        job = _run(cast, fast=fast)

    assert job.state == BatchJob.State.DONE and job.changed > 0
    assert current(moved).pk == before.pk
    moved.refresh_from_db()
    assert moved.state == Case.State.REOPENED
    assert not CaseEvent.objects.filter(case=moved, kind=CaseEvent.Kind.RESCORED).exists()


def test_a_sheet_that_cannot_be_scored_keeps_its_decision(cast, cases, tmp_path):
    case = cases[0]
    from sergur.assessments.models import Sheet

    sheet = Sheet.objects.filter(allocation__case=case, allocation__slot=1).get()
    sheet.overrides = {"no/such/line": {"points": "5", "reason": "x"}}
    sheet.save(update_fields=["overrides"])
    with override_settings(
        SERGUR_YEARS_DIRS=(changed_year(tmp_path, pass_mark="100", near_miss_floor="90"),)  # nosec B106 # a pass mark
    ):
        job = _run(cast)

    assert job.state == BatchJob.State.DONE
    assert str(case.pk) in job.error
    assert current(case).source == Result.Source.MEAN


def test_the_task_runs_a_queued_job_once(cast, cases, tmp_path):
    job = batch_start(actor=cast.operator, programme_year=cast.sri_case.programme_year, rayon=None)
    with override_settings(
        SERGUR_YEARS_DIRS=(changed_year(tmp_path, pass_mark="100", near_miss_floor="90"),)  # nosec B106 # a pass mark
    ):
        rescore_year.delay(job.pk)
        job.refresh_from_db()
        assert job.state == BatchJob.State.DONE and job.changed > 0
        rescore_year.delay(job.pk)  # a redelivered message: nothing runs again

    assert Result.objects.filter(source=Result.Source.RESCORE).count() == job.changed


def test_the_task_spreads_the_job_over_the_configured_workers(cast, monkeypatch):
    seen = {}

    def fake_run(*, job, now, workers):
        seen["workers"] = workers
        return job

    monkeypatch.setattr("sergur.assessments.tasks.rescore_run", fake_run)
    job = batch_start(actor=cast.operator, programme_year=cast.sri_case.programme_year, rayon=None)
    with override_settings(SERGUR_BATCH_WORKERS=3):
        rescore_year.delay(job.pk)

    assert seen == {"workers": 3}


def test_in_third_mode_a_third_assessor_is_allocated(cast, cases, tmp_path):
    from sergur.assessments.models import Allocation

    differing = cases[1]
    folder = changed_year(tmp_path, tolerance="0", reconciliation='"third"')
    with override_settings(SERGUR_YEARS_DIRS=(folder,)):
        _run(cast)

    assert Reconciliation.objects.get(case=differing).mode == Reconciliation.Mode.THIRD
    third = Allocation.objects.get(case=differing, slot=Allocation.Slot.THIRD, active=True)
    assert third.assessor.user == cast.asesor3
