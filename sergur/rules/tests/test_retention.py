"""Retention rules: the shipped table, whether a record kind is due on a day and why, when a
case counts as closed, and broken retention files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sergur.rules.retention import (
    CountsFrom,
    RetentionError,
    case_closed_on,
    retention_due,
    retention_rules,
    years_after,
)

CLOSED = dt.date(2020, 3, 1)

KIND = """\
[kinds.files]
{years}counts_from = "{counts_from}"
holds.id = "Berkas"
holds.en = "Files"
basis.id = "Alasan"
basis.en = "Reason"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "retention.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_shipped_table_holds_every_kind_with_reasons_in_both_languages():
    rules = retention_rules()

    assert rules["evidence_files"].years == 5
    assert rules["evidence_files"].counts_from is CountsFrom.CASE_CLOSED
    assert rules["sign_in_records"].counts_from is CountsFrom.RECORDED
    assert rules["decisions"].years is None
    assert all(rule.basis["id"] and rule.basis["en"] for rule in rules.values())


def test_evidence_is_due_on_the_day_the_period_ends_not_before():
    rule = retention_rules()["evidence_files"]

    before = retention_due(rule, start=CLOSED, as_of=dt.date(2025, 2, 28))
    on_the_day = retention_due(rule, start=CLOSED, as_of=dt.date(2025, 3, 1))

    assert not before.due and on_the_day.due
    assert before.until == on_the_day.until == dt.date(2025, 3, 1)
    assert before.text("en") == (
        "Portfolio evidence files, appeal supporting files and clarification scans: "
        "kept 5 years from 2020-03-01, until 2025-03-01."
    )
    assert on_the_day.text("en").endswith("until 2025-03-01; due for deletion.")
    assert "sudah waktunya dihapus" in on_the_day.text("id")


def test_nothing_is_due_while_the_case_is_open():
    decision = retention_due(retention_rules()["case_log"], start=None, as_of=dt.date(2099, 1, 1))

    assert not decision.due and decision.until is None
    assert "not closed" in decision.text("en")


def test_a_kind_without_years_is_kept_for_good():
    decision = retention_due(
        retention_rules()["decisions"], start=CLOSED, as_of=dt.date(2200, 1, 1)
    )

    assert not decision.due
    assert "without a time limit" in decision.text("en")


def test_a_period_from_29_february_ends_on_28_february():
    assert years_after(dt.date(2024, 2, 29), 1) == dt.date(2025, 2, 28)
    assert years_after(dt.date(2024, 2, 29), 4) == dt.date(2028, 2, 29)


@pytest.mark.parametrize(
    ("state", "entered", "appeal_until", "appeal_open", "closed"),
    [
        ("published", dt.date(2020, 1, 10), dt.date(2020, 2, 10), False, dt.date(2020, 2, 10)),
        ("published", dt.date(2020, 3, 10), dt.date(2020, 2, 10), False, dt.date(2020, 3, 10)),
        ("disqualified", dt.date(2020, 1, 10), None, False, dt.date(2020, 1, 10)),
        ("published", dt.date(2020, 1, 10), None, True, None),
        ("reopened", dt.date(2020, 1, 10), None, False, None),
        ("published", None, None, False, None),
    ],
)
def test_a_case_is_closed_once_published_and_beyond_appeal(
    state, entered, appeal_until, appeal_open, closed
):
    assert (
        case_closed_on(
            state=state,
            entered_state_on=entered,
            appeal_until=appeal_until,
            appeal_open=appeal_open,
        )
        == closed
    )


def test_a_deployment_file_replaces_the_numbers(tmp_path):
    path = write(tmp_path, KIND.format(years="years = 2\n", counts_from="recorded"))

    rule = retention_rules(path)["files"]

    assert (rule.years, rule.counts_from) == (2, CountsFrom.RECORDED)
    assert retention_due(rule, start=CLOSED, as_of=dt.date(2022, 3, 1)).due


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("not toml = = =", "retention.toml"),
        ("title = 'no kinds'", "no \\[kinds"),
        ("[kinds]\nfiles = 3", "kinds.files is not a table"),
        (KIND.format(years="years = 0\n", counts_from="recorded"), "at least 1"),
        (KIND.format(years="years = true\n", counts_from="recorded"), "at least 1"),
        (KIND.format(years="", counts_from="tomorrow"), "counts_from must be one of"),
        (
            KIND.format(years="", counts_from="recorded").replace('holds.en = "Files"\n', ""),
            "holds",
        ),
    ],
)
def test_a_broken_file_names_the_place(tmp_path, text, message):
    with pytest.raises(RetentionError, match=message):
        retention_rules(write(tmp_path, text))


def test_a_missing_file_is_refused(tmp_path):
    with pytest.raises(RetentionError, match="absent.toml"):
        retention_rules(tmp_path / "absent.toml")
