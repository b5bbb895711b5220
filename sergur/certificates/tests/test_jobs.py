"""The issuance job when its worker stops: released after the stale time, resumed by the next
job, and a stopped worker that comes back stops (sergur/common/jobs.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from sergur.certificates.models import Certificate, IssueJob
from sergur.certificates.services import issue_job_run, issue_job_start
from sergur.certificates.services import jobs as jobs_service
from sergur.certificates.services.bulk import chunk_issue
from sergur.certificates.tasks import issue_year
from sergur.certificates.tests.support import NOW, passed

pytestmark = pytest.mark.django_db
LONG_AGO = dt.timedelta(minutes=16)


def _start(cast: Any) -> IssueJob:
    return issue_job_start(
        actor=cast.rayon_admin, programme_year=cast.sri_case.programme_year, rayon=None
    )


class WorkerKilled(BaseException):
    """The worker's process ending mid-job: nothing in the job sees it."""


def test_a_job_silent_for_the_stale_time_is_released_and_the_next_resumes(
    cast: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    passed(cast.sri_case)
    passed(cast.budi_case)
    killed = _start(cast)
    chunks = chunk_issue
    calls = []

    def dies_at_the_second_chunk(**kwargs: Any) -> tuple[int, list[int]]:
        calls.append(kwargs["case_ids"])
        if len(calls) == 2:
            raise WorkerKilled
        return chunks(**kwargs)

    monkeypatch.setattr(jobs_service, "chunk_issue", dies_at_the_second_chunk)
    with pytest.raises(WorkerKilled):
        issue_job_run(job=killed, now=NOW, chunk=1)
    monkeypatch.setattr(jobs_service, "chunk_issue", chunks)
    killed.refresh_from_db()
    assert (killed.state, killed.done, Certificate.objects.count()) == ("running", 1, 1)

    with pytest.raises(ValidationError):  # its last beat is recent: it still blocks
        _start(cast)
    IssueJob.objects.filter(pk=killed.pk).update(beat_at=timezone.now() - LONG_AGO)
    job = _start(cast)

    killed.refresh_from_db()
    assert killed.state == IssueJob.State.FAILED and "15" in killed.error
    assert killed.finished_at is not None
    assert job.total == 1  # only the case still without a certificate
    done = issue_job_run(job=job, now=NOW)
    assert (done.state, done.issued) == (IssueJob.State.DONE, 1)
    assert Certificate.objects.count() == 2


def test_a_lost_message_is_released_by_when_it_was_queued(cast: Any) -> None:
    lost = _start(cast)
    IssueJob.objects.filter(pk=lost.pk).update(created_at=timezone.now() - LONG_AGO)
    job = _start(cast)
    issue_year(lost.pk)  # arriving late, it runs nothing
    lost.refresh_from_db()
    assert lost.state == IssueJob.State.FAILED and job.state == IssueJob.State.QUEUED


def test_a_released_job_whose_worker_comes_back_stops_after_its_chunk(
    cast: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    passed(cast.sri_case)
    passed(cast.budi_case)
    job = _start(cast)
    chunks = chunk_issue

    def released_meanwhile(**kwargs: Any) -> tuple[int, list[int]]:
        IssueJob.objects.filter(pk=job.pk).update(state=IssueJob.State.FAILED, error="stale")
        return chunks(**kwargs)

    monkeypatch.setattr(jobs_service, "chunk_issue", released_meanwhile)
    ended = issue_job_run(job=job, now=NOW, chunk=1)
    assert (ended.state, ended.error, ended.done) == (IssueJob.State.FAILED, "stale", 0)
    assert Certificate.objects.count() == 1  # its chunk's transaction was committed


def test_a_running_job_beats_after_every_chunk(cast: Any) -> None:
    passed(cast.sri_case)
    job = issue_job_run(job=_start(cast), now=NOW)
    assert job.state == IssueJob.State.DONE
    assert job.beat_at is not None and job.beat_at >= job.created_at
