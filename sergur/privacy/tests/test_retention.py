"""The retention job: what it deletes from closed cases and when (the day is a parameter),
the dry run, the log entry on the case, the command and the task."""

from __future__ import annotations

import dataclasses
import datetime as dt
from io import StringIO

import pytest
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command

from sergur.appeals.models import Appeal
from sergur.cases.models import CaseEvent
from sergur.portfolios.models import Entry, EnvelopeInstrument, Evidence, Submission
from sergur.privacy.selectors import closed_cases, retention_rules_current
from sergur.privacy.services import retention_apply
from sergur.privacy.tasks import retention_apply_task
from sergur.privacy.tests.support import closed_case
from sergur.rules.retention import CountsFrom

# Sri's case: published 1 March 2008, appeal window to 15 March, appeal decided 5 March.
CLOSED_ON = dt.date(2008, 3, 15)
EVIDENCE_DUE = dt.date(2013, 3, 15)
PORTFOLIO_DUE = dt.date(2018, 3, 15)


@pytest.fixture(autouse=True)
def signing_key(settings, tmp_path):
    settings.SERGUR_SIGNING_KEYS = ""
    settings.SERGUR_SIGNING_KEY_FILE = str(tmp_path / "key.pem")


@pytest.fixture
def closed(cast):
    return closed_case(cast.sri_case, cast)


def stored_names(case):
    names = [e.file.name for e in Evidence.objects.filter(case=case)]
    names += [a.evidence.name for a in Appeal.objects.filter(case=case) if a.evidence]
    return names


def test_a_published_case_closes_at_the_end_of_its_appeal_window(cast, closed):
    found = {c.case.pk: c.closed_on for c in closed_cases()}

    assert found == {cast.sri_case.pk: CLOSED_ON}


def test_an_undecided_appeal_keeps_the_case_open(cast):
    closed_case(cast.sri_case, cast, appeal_decided=False)

    report = retention_apply(as_of=dt.date(2099, 1, 1))

    assert report.cases_checked == 1 and report.actions == []
    assert Evidence.objects.filter(case=cast.sri_case).exclude(file="").count() == 9


def test_nothing_is_deleted_the_day_before_the_period_ends(cast, closed):
    report = retention_apply(as_of=EVIDENCE_DUE - dt.timedelta(days=1))

    assert report.actions == []
    assert not CaseEvent.objects.filter(kind=CaseEvent.Kind.RETENTION).exists()


def test_a_dry_run_lists_what_is_due_and_deletes_nothing(cast, closed):
    names = stored_names(cast.sri_case)

    report = retention_apply(as_of=EVIDENCE_DUE, dry_run=True)

    assert [(a.kind, a.count) for a in report.actions] == [("evidence_files", 10)]
    assert "until 2013-03-15; due for deletion" in report.actions[0].reason
    assert all(default_storage.exists(name) for name in names)
    assert not CaseEvent.objects.filter(kind=CaseEvent.Kind.RETENTION).exists()


def test_evidence_files_go_after_five_years_and_the_case_log_says_so(cast, closed):
    names = stored_names(cast.sri_case)

    report = retention_apply(as_of=EVIDENCE_DUE)

    assert [(a.kind, a.count) for a in report.actions] == [("evidence_files", 10)]
    assert not any(default_storage.exists(name) for name in names)
    assert Evidence.objects.filter(case=cast.sri_case).count() == 9
    assert not Evidence.objects.filter(case=cast.sri_case).exclude(file="").exists()
    assert Appeal.objects.get(case=cast.sri_case).evidence.name == ""
    assert Entry.objects.filter(case=cast.sri_case).count() == 9
    event = CaseEvent.objects.get(kind=CaseEvent.Kind.RETENTION)
    assert event.actor is None
    assert event.data == {"as_of": "2013-03-15", "deleted": {"evidence_files": 10}}
    assert "due for deletion" in event.reason


def test_a_second_run_finds_nothing_more_to_do(cast, closed):
    retention_apply(as_of=EVIDENCE_DUE)

    again = retention_apply(as_of=EVIDENCE_DUE + dt.timedelta(days=30))

    assert again.actions == []
    assert CaseEvent.objects.filter(kind=CaseEvent.Kind.RETENTION).count() == 1


def test_after_ten_years_portfolio_values_and_the_log_go_and_one_entry_remains(cast, closed):
    report = retention_apply(as_of=PORTFOLIO_DUE)

    kinds = [a.kind for a in report.actions]
    assert kinds == ["evidence_files", "portfolio_values", "case_log"]
    assert not Entry.objects.filter(case=cast.sri_case).exists()
    assert not Evidence.objects.filter(case=cast.sri_case).exists()
    assert not EnvelopeInstrument.objects.filter(case=cast.sri_case).exists()
    submission = Submission.objects.get(case=cast.sri_case)
    assert submission.content == {} and submission.signature
    (event,) = CaseEvent.objects.filter(case=cast.sri_case)
    assert event.kind == CaseEvent.Kind.RETENTION
    assert set(event.data["deleted"]) == {"evidence_files", "portfolio_values", "case_log"}
    # The decision stays (kept without a time limit).
    assert cast.sri_case.results.filter(current=True).exists()


def test_an_open_case_is_never_touched(cast, closed):
    retention_apply(as_of=dt.date(2099, 1, 1))

    assert Entry.objects.filter(case=cast.budi_case).count() == 0
    assert CaseEvent.objects.filter(case=cast.budi_case, kind="retention").count() == 0
    assert CaseEvent.objects.filter(case=cast.budi_case).exists()


def test_a_table_without_a_kind_the_job_deletes_is_refused(cast):
    rules = retention_rules_current()
    del rules["case_log"]

    with pytest.raises(ValueError, match="no rule for case_log"):
        retention_apply(as_of=dt.date(2099, 1, 1), rules=rules)


def test_a_case_kind_counted_from_the_record_is_refused(cast):
    rules = retention_rules_current()
    rules["case_log"] = dataclasses.replace(rules["case_log"], counts_from=CountsFrom.RECORDED)

    with pytest.raises(ValueError, match="must count from case_closed"):
        retention_apply(as_of=dt.date(2099, 1, 1), rules=rules)


def test_the_command_dry_run_prints_what_it_would_delete(cast, closed):
    out = StringIO()

    call_command("retention_apply", "--dry-run", "--as-of", "2013-03-15", stdout=out)

    text = out.getvalue()
    assert f"case {cast.sri_case.pk}: would delete 10 evidence_files" in text
    assert "sign_in_records: nothing to delete" in text
    assert "2013-03-15: 1 closed cases checked, 1 deletions due" in text
    assert Evidence.objects.filter(case=cast.sri_case).exclude(file="").count() == 9


def test_the_command_deletes_and_reports(cast, closed):
    out = StringIO()

    call_command("retention_apply", "--as-of", "2013-03-15", stdout=out)

    assert f"case {cast.sri_case.pk}: deleted 10 evidence_files" in out.getvalue()
    assert CaseEvent.objects.filter(kind=CaseEvent.Kind.RETENTION).count() == 1


def test_the_command_refuses_a_broken_retention_file(cast, settings, tmp_path):
    broken = tmp_path / "retention.toml"
    broken.write_text("not = = toml", encoding="utf-8")
    settings.SERGUR_RETENTION_FILE = broken

    with pytest.raises(CommandError, match="retention.toml"):
        call_command("retention_apply", "--dry-run")


def test_the_command_queues_todays_run_only(cast, closed):
    out = StringIO()

    call_command("retention_apply", "--queue", stdout=out)

    assert "retention job queued" in out.getvalue()
    # Inline (eager) in the embedded default: the 2008 case's files are long due.
    assert not Evidence.objects.filter(case=cast.sri_case).exclude(file="").exists()
    with pytest.raises(CommandError, match="--queue"):
        call_command("retention_apply", "--queue", "--dry-run")


def test_the_task_applies_the_rules_as_of_today(cast, closed):
    retention_apply_task.delay()

    assert CaseEvent.objects.filter(case=cast.sri_case, kind="retention").exists()
